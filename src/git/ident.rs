//! The author and committer `git commit-tree` would record for a new commit, worked out
//! in-process, so that a release commit (a hand tag's above all, inside git's own `git tag`)
//! needs no `git` process. Only the cases whose answer is certain are answered: an identity
//! git would find elsewhere (the user's full name from the system, a made-up address), a
//! name or address git would clean up, a date format beyond the plain ones, or a commit
//! encoding are `None`, and the caller runs `git commit-tree`, which does all of it.

use git2::{Signature, Time};

use super::Repo;

impl Repo {
    /// The author and committer git would give a new commit here, `None` when only git can
    /// tell (see the module's note).
    pub(super) fn new_commit_identity(&self) -> Option<(Signature<'static>, Signature<'static>)> {
        self.identity_from(new_commit)
    }

    /// `read` given the environment, this repository's configuration and the clock, `None`
    /// when only git can tell: where its configuration cannot be read, or where it includes a
    /// file on a condition in a file the environment names, or on one libgit2 never weighs.
    pub(super) fn identity_from<T>(
        &self,
        read: impl FnOnce(&Sources<'_>) -> Option<T>,
    ) -> Option<T> {
        self.config_snapshot()?;
        if self.only_git_weighs_includes() {
            return None;
        }
        let get = |key: &str| self.config_string(key);
        // A value that is not UTF-8 becomes one `clean` and `parse_date` refuse: git's to do.
        let env = |key: &str| {
            std::env::var_os(key).map(|v| v.into_string().unwrap_or_else(|_| "\n".to_owned()))
        };
        read(&Sources {
            env: &env,
            config: &get,
            now: now(),
        })
    }

    /// Why git could not name the author or committer of a new commit here (its `fatal:`
    /// line), `None` when it can. Asked of git (`git var`) only when the in-process answer is
    /// not certain: a release checks it before it starts, not at its commit.
    pub fn identity_unknown(&self) -> Option<String> {
        if self.new_commit_identity().is_some() {
            return None;
        }
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.inner.path().to_owned());
        ["GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"]
            .iter()
            .find_map(|var| {
                let out = super::run::Git::new(&cwd, &["var", var]).output().ok()?;
                (!out.success()).then(|| {
                    out.stderr
                        .lines()
                        .rev()
                        .find(|l| l.starts_with("fatal:"))
                        .map_or(out.stderr.as_str(), |l| l.trim_start_matches("fatal: "))
                        .to_owned()
                })
            })
    }
}

/// Where git looks for an identity: the environment, its configuration (`git -c` included)
/// and the clock.
pub(super) struct Sources<'a> {
    /// An environment variable.
    pub env: &'a dyn Fn(&str) -> Option<String>,
    /// A configuration value (key in lower case).
    pub config: &'a dyn Fn(&str) -> Option<String>,
    /// Now: seconds since the epoch and the local offset in minutes (`None`: unknown here).
    pub now: Option<(i64, i32)>,
}

/// (author, committer) as git would record them for a new commit, or `None` when git must be
/// asked.
pub(super) fn new_commit(src: &Sources<'_>) -> Option<(Signature<'static>, Signature<'static>)> {
    if (src.config)("i18n.commitencoding").is_some() {
        return None;
    }
    Some((
        one(src, "AUTHOR", "author")?,
        one(src, "COMMITTER", "committer")?,
    ))
}

/// The committer git would log a ref move by (`git_committer_info`), or `None` when git must
/// be asked.
pub(super) fn committer(src: &Sources<'_>) -> Option<Signature<'static>> {
    one(src, "COMMITTER", "committer")
}

/// git's order (ident.c): `GIT_<WHO>_NAME`, then `<who>.name`, then `user.name`; the same for
/// the address, then `EMAIL`. Anything else (the system's user database) is git's to do.
fn one(src: &Sources<'_>, env_who: &str, config_who: &str) -> Option<Signature<'static>> {
    let pick = |env_key: &str, key: &str| -> Option<String> {
        match (src.env)(&format!("GIT_{env_who}_{env_key}")) {
            Some(v) => Some(v),
            None => (src.config)(&format!("{config_who}.{key}"))
                .or_else(|| (src.config)(&format!("user.{key}"))),
        }
    };
    let name = pick("NAME", "name")?;
    let email = pick("EMAIL", "email").or_else(|| (src.env)("EMAIL"))?;
    if !clean(&name) || !clean(&email) {
        return None;
    }
    let (seconds, offset) = match (src.env)(&format!("GIT_{env_who}_DATE")) {
        Some(date) => parse_date(&date)?,
        None => src.now?,
    };
    Signature::new(&name, &email, &Time::new(seconds, offset)).ok()
}

/// Whether git would record the text as it is: not empty, no leading or trailing "crud"
/// (whitespace, `.,:;<>"\'`), and none of `<>` or a newline inside (ident.c strips those).
fn clean(s: &str) -> bool {
    let crud = |c: char| c <= ' ' || ".,:;<>\"\\'".contains(c);
    match (s.chars().next(), s.chars().last()) {
        (Some(first), Some(last)) => !crud(first) && !crud(last) && !s.contains(['<', '>', '\n']),
        _ => false,
    }
}

/// The date forms git documents as its own and scripts use: `@<seconds> ±hhmm` and ISO 8601
/// `YYYY-MM-DD[T ]HH:MM:SS` with `Z`, `±hh:mm` or `±hhmm` (a space before the offset
/// allowed). Anything else (no zone, fractions, RFC 2822, "yesterday") is `None`.
fn parse_date(s: &str) -> Option<(i64, i32)> {
    let s = s.trim();
    if let Some(raw) = s.strip_prefix('@') {
        let (secs, zone) = raw.split_once(' ')?;
        if secs.is_empty() || !secs.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return Some((secs.parse().ok()?, parse_offset(zone)?));
    }
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let seps = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if seps.iter().any(|&(i, c)| b[i] != c) {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let zone = s[19..].trim_start();
    let offset = if zone == "Z" {
        0
    } else {
        parse_offset(&zone.replacen(':', "", 1))?
    };
    let date = jiff::civil::Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    let time = jiff::civil::Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()?;
    let utc = date
        .to_datetime(time)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .ok()?;
    Some((utc.timestamp().as_second() - i64::from(offset) * 60, offset))
}

/// `+hhmm` / `-hhmm` as minutes east of UTC.
fn parse_offset(zone: &str) -> Option<i32> {
    let b = zone.as_bytes();
    if b.len() != 5 || !b[1..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i32 = zone[1..3].parse().ok()?;
    let minutes: i32 = zone[3..5].parse().ok()?;
    (minutes < 60).then_some(sign * (hours * 60 + minutes))
}

/// Now, with the local offset from the C library (as git takes it).
#[cfg(any(target_os = "linux", target_os = "macos"))]
pub(super) fn now() -> Option<(i64, i32)> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let t: libc::time_t = secs.try_into().ok()?;
    // SAFETY: `tm` is plain data that localtime_r fills in; both pointers are valid.
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return None;
        }
        tm
    };
    let offset = i32::try_from(tm.tm_gmtoff / 60).ok()?;
    Some((i64::try_from(secs).ok()?, offset))
}

/// Elsewhere the local offset is git's to find.
#[cfg(not(any(target_os = "linux", target_os = "macos")))]
pub(super) fn now() -> Option<(i64, i32)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources<'a>(
        env: &'a dyn Fn(&str) -> Option<String>,
        config: &'a dyn Fn(&str) -> Option<String>,
    ) -> Sources<'a> {
        Sources {
            env,
            config,
            now: Some((1_767_268_800, 60)),
        }
    }

    fn line(s: &Signature<'_>) -> String {
        let t = s.when();
        format!(
            "{} <{}> {} {}",
            s.name().unwrap(),
            s.email().unwrap(),
            t.seconds(),
            t.offset_minutes()
        )
    }

    #[test]
    fn dates_as_git_reads_them() {
        // Each answer checked against `git commit-tree` (git 2.47).
        assert_eq!(parse_date("2026-01-01T12:00:00Z"), Some((1_767_268_800, 0)));
        assert_eq!(
            parse_date("2026-01-01T12:00:00+01:00"),
            Some((1_767_265_200, 60))
        );
        assert_eq!(
            parse_date("2026-01-01T12:00:00+0130"),
            Some((1_767_263_400, 90))
        );
        assert_eq!(
            parse_date("2026-01-01 12:00:00 -0500"),
            Some((1_767_286_800, -300))
        );
        assert_eq!(parse_date("@1767268800 +0200"), Some((1_767_268_800, 120)));
        for unsure in [
            "2026-01-01T12:00:00",
            "2026-01-01T12:00:00.5Z",
            "Thu, 01 Jan 2026 12:00:00 +0000",
            "yesterday",
            "@1767268800",
            "@-5 +0000",
            "2026-13-01T12:00:00Z",
            "2026-01-01T12:00:00+0160",
            "",
        ] {
            assert_eq!(parse_date(unsure), None, "{unsure}");
        }
    }

    #[test]
    fn identity_in_git_order() {
        let env = |k: &str| match k {
            "GIT_AUTHOR_NAME" => Some("Env Author".to_owned()),
            "GIT_COMMITTER_DATE" => Some("@100 +0000".to_owned()),
            "EMAIL" => Some("fallback@example.com".to_owned()),
            _ => None,
        };
        let config = |k: &str| match k {
            "user.name" => Some("User".to_owned()),
            "committer.email" => Some("committer@example.com".to_owned()),
            _ => None,
        };
        let (a, c) = new_commit(&sources(&env, &config)).unwrap();
        assert_eq!(line(&a), "Env Author <fallback@example.com> 1767268800 60");
        assert_eq!(line(&c), "User <committer@example.com> 100 0");
    }

    #[test]
    fn anything_unsure_is_left_to_git() {
        let none = |_: &str| None;
        let named = |k: &str| match k {
            "user.name" => Some("A".to_owned()),
            "user.email" => Some("a@example.com".to_owned()),
            _ => None,
        };
        assert!(new_commit(&sources(&none, &named)).is_some());
        // No identity configured: git would look it up in the system (or refuse).
        assert!(new_commit(&sources(&none, &none)).is_none());
        // A name git would clean up, an empty one, a date it reads its own way.
        for (k, v) in [
            ("GIT_AUTHOR_NAME", " A"),
            ("GIT_AUTHOR_NAME", "A."),
            ("GIT_AUTHOR_NAME", "A <b>"),
            ("GIT_COMMITTER_EMAIL", ""),
            ("GIT_AUTHOR_DATE", "yesterday"),
        ] {
            let env = move |key: &str| (key == k).then(|| v.to_owned());
            assert!(new_commit(&sources(&env, &named)).is_none(), "{k}={v:?}");
        }
        let encoded = |k: &str| match k {
            "i18n.commitencoding" => Some("ISO-8859-1".to_owned()),
            _ => named(k),
        };
        assert!(new_commit(&sources(&none, &encoded)).is_none());
        // Without the local offset, "now" is git's to say.
        let no_clock = Sources {
            env: &none,
            config: &named,
            now: None,
        };
        assert!(new_commit(&no_clock).is_none());
    }
}
