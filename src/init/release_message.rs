//! The release commit message the project's own releases use (vue's `release: v3.5.41`,
//! git-cliff's `chore(release): prepare for v2.13.1`), proposed as `[release] commit_message`
//! in place of relhook's `chore(release): {version}`, so that relhook's releases read as the
//! project's did.

/// How many of the newest release tags must agree on one message (all of them, when fewer).
const NEWEST: usize = 5;

/// The message that `released` (the newest release tags' versions with the header of the
/// commit each is on, newest first) all share with their version as `{version}`, when at
/// least two agree and it is a Conventional Commit header (lerna's `v21.2.2` is not, nor is a
/// tag on an ordinary commit, whose header names no version); `None` when they do not, or
/// share relhook's own.
pub fn proposed(released: &[(String, String)]) -> Option<String> {
    let newest = released.get(..released.len().min(NEWEST))?;
    if newest.len() < 2 {
        return None;
    }
    let mut shared: Option<String> = None;
    for (version, header) in newest {
        let template = template(version, header)?;
        match &shared {
            Some(s) if *s != template => return None,
            _ => shared = Some(template),
        }
    }
    let shared = shared?;
    let sample = shared.replace("{version}", "1.2.3");
    let conventional = crate::commit::parse::header(&sample).is_ok();
    (conventional && shared != DEFAULT).then_some(shared)
}

/// relhook's own release commit message (`release.commit_message`'s default).
const DEFAULT: &str = "chore(release): {version}";

/// `header` with its one `version` as `{version}`, when it names the version once, as a word
/// of its own (`release: v3.5.41`, not `release: v3.5.410`).
fn template(version: &str, header: &str) -> Option<String> {
    if version.is_empty() || header.matches(version).count() != 1 {
        return None;
    }
    let at = header.find(version)?;
    let after = &header[at + version.len()..];
    if after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-') {
        return None;
    }
    Some(format!("{}{{version}}{after}", &header[..at]))
}

/// The sentence `init` says when it set `message`.
pub fn sentence(message: &str, example: &str) -> String {
    format!(
        "set `[release] commit_message = {}`: the project's release commits use it (`{}`)",
        crate::config::toml_text::string(message),
        crate::printable::visible(example)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(v, h)| (v.to_string(), h.to_string()))
            .collect()
    }

    #[test]
    fn the_newest_releases_shared_message_is_proposed() {
        let vue = of(&[
            ("3.6.0-rc.5", "release: v3.6.0-rc.5"),
            ("3.6.0-rc.4", "release: v3.6.0-rc.4"),
            ("3.5.41", "release: v3.5.41"),
        ]);
        assert_eq!(proposed(&vue).as_deref(), Some("release: v{version}"));
        let cliff = of(&[
            ("2.13.1", "chore(release): prepare for v2.13.1"),
            ("2.13.0", "chore(release): prepare for v2.13.0"),
        ]);
        assert_eq!(
            proposed(&cliff).as_deref(),
            Some("chore(release): prepare for v{version}")
        );
    }

    #[test]
    fn no_message_is_proposed_unless_the_newest_agree_on_a_conventional_one() {
        let lerna = of(&[("21.2.2", "v21.2.2"), ("21.2.1", "v21.2.1")]);
        assert_eq!(proposed(&lerna), None);
        let ordinary = of(&[("25.0.9", "fix: x (#4283)"), ("25.0.8", "fix: y")]);
        assert_eq!(proposed(&ordinary), None);
        let mixed = of(&[
            ("1.1.0", "release: v1.1.0"),
            ("1.0.0", "chore(release): 1.0.0"),
        ]);
        assert_eq!(proposed(&mixed), None);
        let own = of(&[
            ("1.1.0", "chore(release): 1.1.0"),
            ("1.0.0", "chore(release): 1.0.0"),
        ]);
        assert_eq!(proposed(&own), None);
        assert_eq!(proposed(&of(&[("1.0.0", "release: v1.0.0")])), None);
        assert_eq!(template("1.0.1", "release: v1.0.10"), None);
    }
}
