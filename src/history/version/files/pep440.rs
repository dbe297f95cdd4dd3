//! A SemVer version as Python tools read it (PEP 440): its spelling (`1.3.0-rc.1` is
//! `1.3.0rc1`), the order PEP 440 gives versions, which is not SemVer's (`1.3.0-dev.1` is
//! `1.3.0.dev1`, below `1.3.0b1`; `-pre.1` and `-rc.1` are both `rc1`; `-post.1`, `-rev.1`,
//! `-r.1` and `-1` are the post-release `1.3.0.post1`, above `1.3.0`), and the nearest
//! version both orders put above the releases there are. PyPI refuses a version it has, and
//! pip takes a lower one for older, so a Python project's versions go up in both orders,
//! above its version files and its release tags alike; its package metadata takes only a
//! version PEP 440 spells.

use std::path::{Path, PathBuf};

use semver::Version;

use super::{Result, VersionFile, VersionFileError};

/// A SemVer version as uv writes it (PEP 440): `1.3.0-rc.1` → `1.3.0rc1`, `-alpha.2` → `a2`,
/// `-beta` → `b0`, `-dev.3` → `.dev3`, `-post.1` → `.post1`, a build `+Build-5` → the local `+build.5`. `None` for
/// a pre-release PEP 440 has no spelling of (`1.3.0-foo.1`).
pub(super) fn spell(version: &str) -> Option<String> {
    let v = Version::parse(version).ok()?;
    let mut out = format!("{}.{}.{}", v.major, v.minor, v.patch);
    if !v.pre.is_empty() {
        let (tag, rest) = split_tag(v.pre.as_str());
        let rest = rest.strip_prefix(['.', '-']).unwrap_or(rest);
        let n: u64 = if rest.is_empty() {
            0
        } else if rest.bytes().all(|b| b.is_ascii_digit()) {
            rest.parse().ok()?
        } else {
            return None;
        };
        out.push_str(&format!("{}{n}", pep_tag(tag)?));
    }
    if !v.build.is_empty() {
        let local = v.build.as_str().to_ascii_lowercase().replace('-', ".");
        if local.split('.').any(str::is_empty) {
            return None;
        }
        out.push('+');
        out.push_str(&local);
    }
    Some(out)
}

/// `version` as PEP 440 spells it, or as written when it has no spelling (a version file
/// holding a PEP 440 one already, `1.3.0rc1`).
pub(super) fn spelled(version: &str) -> String {
    spell(version).unwrap_or_else(|| version.to_owned())
}

/// The release `version` is a pre-release of (`1.3.0` of `1.3.0-post.1`), or as written.
pub(super) fn release_of(version: &str) -> String {
    Version::parse(version).map_or_else(
        |_| version.to_owned(),
        |v| format!("{}.{}.{}", v.major, v.minor, v.patch),
    )
}

/// Whether uv can write `version` (PEP 440 spells it): a lock of the project can hold it.
pub fn uv_spells(version: &str) -> bool {
    spell(version).is_some()
}

/// A pre-release's leading letters (its tag, `rc` of `rc.1`) and what follows them.
fn split_tag(pre: &str) -> (&str, &str) {
    let letters = pre
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(pre.len());
    pre.split_at(letters)
}

/// PEP 440's tag for a SemVer pre-release tag, as written after the release numbers.
fn pep_tag(tag: &str) -> Option<&'static str> {
    Some(match tag.to_ascii_lowercase().as_str() {
        "a" | "alpha" => "a",
        "b" | "beta" => "b",
        "c" | "rc" | "pre" | "preview" => "rc",
        "dev" => ".dev",
        // PEP 440's post-release spellings, a bare number (`1.3.0-1`) among them.
        "post" | "rev" | "r" | "" => ".post",
        _ => return None,
    })
}

/// `new` as the Python version file at `path`, which holds `old`, spells it: PEP 440's normal
/// form (`1.3.0b1`, `1.3.0rc2`), which pip and uv read it as, unless the file holds a SemVer
/// pre-release (`1.3.0-rc.1`): a file keeps the convention it shows. A final version
/// (`1.2.0`) shows none, the two spellings being one. Any other file: as given.
pub fn spelled_like(path: &Path, old: &str, new: &str) -> String {
    let semver_pre = Version::parse(old).is_ok_and(|v| !v.pre.is_empty());
    match spell(new) {
        Some(pep) if is_python(path) && !semver_pre => pep,
        _ => new.to_owned(),
    }
}

/// Whether `text` is PEP 440's normal form of `version` (`1.3.0rc1` of `1.3.0-pre.1` as of
/// `1.3.0-rc.1`, `1.3.0b1` of `1.3.0-beta.1`): what a Python file released at it holds.
pub fn spells(text: &str, version: &Version) -> bool {
    spell(&version.to_string()).is_some_and(|s| s == text)
}

/// Whether `text`, a PEP 440 spelling SemVer cannot read (`1.3.0rc1`), is at or below
/// `version` in PEP 440's order, as what a Python file holds is ordered: its SemVer reading
/// (`1.3.0-rc.1`) is above `1.3.0-pre.2`, while `1.3.0rc1` is below `1.3.0rc2`.
pub fn at_or_below(text: &str, version: &Version) -> bool {
    Version::parse(text).is_err()
        && key(text)
            .zip(key(&version.to_string()))
            .is_some_and(|(a, b)| a <= b)
}

/// Whether `text` is a PEP 440 version in the characters its normal form uses (`1.3.0rc2`,
/// `1.3.0.dev1`, `1.3.0+local.1`): safe to write where a SemVer version goes.
pub(super) fn is_spelling(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'+')
        && key(text).is_some()
}

/// Whether `version` is a SemVer pre-release PEP 440 reads as a post-release
/// (`1.3.0-post.1` is `1.3.0.post1`): below `1.3.0` in one order, above it in the other.
fn is_post(version: &str) -> bool {
    Version::parse(version)
        .is_ok_and(|v| !v.pre.is_empty() && spell(version).is_some_and(|s| s.contains(".post")))
}

/// Where a version stands in PEP 440's order: the release numbers (trailing zeros dropped,
/// so `1.3` and `1.3.0` are one), then `.devN` < `aN` < `bN` < `rcN` < final < `.postN`,
/// then the local part: a local version (`1.3.0+local`) sorts above its public one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Key {
    release: Vec<u64>,
    phase: u8,
    n: u64,
    local: Vec<Local>,
}

/// A segment of a local version, as PEP 440 compares them: letters (case aside) below any
/// number; a local version that goes on where another ends is above it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Local {
    Letters(String),
    Number(u64),
}

/// The segments of a local version (`ubuntu-1.2`, `-`, `_` and `.` alike), lowercased.
fn local(text: &str) -> Vec<Local> {
    (text.split(['.', '-', '_']))
        .map(|seg| match seg.parse() {
            Ok(n) if seg.bytes().all(|b| b.is_ascii_digit()) => Local::Number(n),
            _ => Local::Letters(seg.to_ascii_lowercase()),
        })
        .collect()
}

/// Whether `version`, held by the version file at `path`, is a Python project's local
/// version (`1.0.0+local`): PEP 440 puts its public release (`1.0.0`) below it, and PyPI
/// publishes no local version, so a release goes on above that public one.
pub fn is_local(path: &Path, version: &Version) -> bool {
    is_python(path) && !version.build.is_empty()
}

/// `text`'s place in PEP 440's order: a SemVer version by its spelling, or a version file
/// already holding a PEP 440 one (`1.3.0rc1`, `1.2.0.post1`); `None` for anything else.
pub(super) fn key(text: &str) -> Option<Key> {
    let pep = spell(text).unwrap_or_else(|| text.to_ascii_lowercase());
    let (pep, local) = match pep.split_once('+') {
        Some((public, l)) => (public, self::local(l)),
        None => (pep.as_str(), Vec::new()),
    };
    let pep = pep.strip_prefix('v').unwrap_or(pep);
    let (head, phase, n) = if let Some((head, n)) = pep.split_once(".dev") {
        (head, 0, n)
    } else if let Some((head, n)) = pep.split_once(".post") {
        (head, 5, n)
    } else {
        match pep.find(|c: char| c.is_ascii_alphabetic()) {
            Some(at) => {
                let (tag, n) = split_tag(&pep[at..]);
                let phase = match pep_tag(tag)? {
                    "a" => 1,
                    "b" => 2,
                    "rc" => 3,
                    ".post" => 5,
                    _ => return None,
                };
                // A separator before the tag is PEP 440 too (`1.3.0.rev1`, `1.3.0-rc1`).
                (pep[..at].trim_end_matches(['.', '-', '_']), phase, n)
            }
            None => (pep, 4, "0"),
        }
    };
    let n: u64 = if n.is_empty() { 0 } else { n.parse().ok()? };
    let mut release = head
        .split('.')
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<u64>>>()?;
    while release.last() == Some(&0) {
        release.pop();
    }
    Some(Key {
        release,
        phase,
        n,
        local,
    })
}

/// Whether `text` (SemVer's spelling or PEP 440's) is a pre-release to PEP 440: `a`, `b`,
/// `rc` or `.dev` (a post-release is none).
pub(super) fn is_pre_release(text: &str) -> bool {
    key(text).is_some_and(|k| k.phase < 4)
}

/// `text`, a PEP 440 version SemVer cannot read (`1.0.0b1`, `v1.0.0rc2`, `1.0.0.dev3`), in
/// SemVer's spelling (`1.0.0-b.1`, `1.0.0-rc.2`, `1.0.0-dev.3`, as a changelog heading of it
/// reads): what a release tag of it is named for relhook to read it. `None` for SemVer itself, a final release, a
/// post-release, a local version, or anything else.
pub fn semver_spelling(text: &str) -> Option<Version> {
    let text = text.strip_prefix('v').unwrap_or(text);
    if Version::parse(text).is_ok() || text.contains(['+', '_']) {
        return None;
    }
    let k = key(text)?;
    let name = match k.phase {
        0 => "dev",
        1 => "a",
        2 => "b",
        3 => "rc",
        _ => return None,
    };
    // Release numbers as written (`1.0b1` is `1.0.0-beta.1`); more than three has no spelling.
    let head = text.split(|c: char| c.is_ascii_alphabetic()).next()?;
    let head = head.trim_end_matches(['.', '-']);
    let mut numbers = head.split('.').map(|n| n.parse::<u64>().ok());
    let mut next = || numbers.next().unwrap_or(Some(0));
    let v = Version::new(next()?, next()?, next()?);
    if numbers.next().is_some() {
        return None;
    }
    Some(Version {
        pre: semver::Prerelease::new(&format!("{name}.{}", k.n)).ok()?,
        ..v
    })
}

/// Whether `path` holds a Python project's version (what PyPI and pip read it from).
pub(super) fn is_python(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    matches!(name, "pyproject.toml" | "setup.cfg" | "setup.py") || name.ends_with(".py")
}

/// A release to `new` of `bumped` (the version files, each with what it says) refused when a
/// Python one goes down or stays in PEP 440's order, though SemVer's goes up, or when `new`
/// is a SemVer pre-release PEP 440 reads as a post-release (the orders disagree).
pub fn check_order(bumped: &[(VersionFile, String)], new: &str) -> Result<()> {
    for (f, old) in bumped {
        if old == new || !is_python(&f.path) {
            continue;
        }
        if is_post(new) {
            return Err(VersionFileError::PostAsPre {
                path: f.path.clone(),
                version: new.to_owned(),
            });
        }
        if pre_of_announced(old, new) {
            continue;
        }
        let (Some(to), Some(from)) = (key(new), key(old)) else {
            continue;
        };
        if to <= from {
            return Err(VersionFileError::NotAbovePep440 {
                path: f.path.clone(),
                version: new.to_owned(),
                old: old.clone(),
                same: to == from,
            });
        }
    }
    Ok(())
}

/// Whether `new` is a pre-release of the final release `old` announces (`1.2.0-beta.1` at
/// `1.2.0`, a first release's beta): below it in both orders, as a Cargo.toml's is, and
/// written all the same, since no tag released `old` (the version rules refuse it after one).
fn pre_of_announced(old: &str, new: &str) -> bool {
    let (Ok(old), Ok(new)) = (Version::parse(old), Version::parse(new)) else {
        return false;
    };
    let core = |v: &Version| (v.major, v.minor, v.patch);
    old.pre.is_empty() && old.build.is_empty() && !new.pre.is_empty() && core(&old) == core(&new)
}

/// Why `new` is not above `old` (a Python version file's) in PEP 440's order: each named as
/// PEP 440 spells it, with SemVer's spelling beside it only where the two differ.
pub(super) fn not_above(new: &str, old: &str, same: bool) -> String {
    let named = |v: &str| match spelled(v) {
        pep if pep == v => pep,
        pep => format!("{pep} ({v})"),
    };
    if same {
        return format!(
            "PEP 440 reads {} as the {} it holds now, which PyPI refuses to publish twice",
            named(new),
            named(old)
        );
    }
    // A local version sorts above its public one, which pip then takes for older.
    let local = old.contains('+') && release_of(old) == release_of(new);
    format!(
        "PEP 440 puts {} below the {} it holds now{}, which pip takes for an older release",
        named(new),
        named(old),
        if local {
            " (a local version sorts above its public one)"
        } else {
            ""
        }
    )
}

/// A Python project's release refused for a reason of PEP 440's that no version file shows.
#[derive(Debug, thiserror::Error)]
pub enum Pep440Error {
    /// A release tag SemVer puts below the new version is at or above it in PEP 440's order
    /// (`v1.3.0-post.1` is `1.3.0.post1`, above `1.3.0`): PyPI has that release, so pip
    /// takes the new one for older, whatever the version files say now.
    #[error(
        "{path}: {version} is {} in PEP 440, {} release tag {tag} ({}), {}",
        spelled(.version),
        if *.same { "the same version as the" } else { "below the" },
        spelled(.tagged),
        if *.same { "which PyPI refuses to publish twice" } else { "which pip takes for an older release" },
        path = .path.display()
    )]
    BelowTag {
        /// The Python version file's path relative to the root.
        path: PathBuf,
        /// The version asked for.
        version: String,
        /// The release tag's name.
        tag: String,
        /// The release tag's version.
        tagged: String,
        /// Whether PEP 440 reads both as one version.
        same: bool,
    },
    /// The new version has no PEP 440 spelling (`1.3.0-rc.1.2`), which a Python package's
    /// metadata must have (PEP 621): the build backend would refuse the file.
    #[error("{path}: {version} has no PEP 440 spelling, which a Python package's version must have (a pre-release there is `a`, `b`, `rc` or `dev`, then a number)", path = .path.display())]
    Unspelled {
        /// The Python package's metadata file relative to the root.
        path: PathBuf,
        /// The version asked for.
        version: String,
    },
}

/// A release to `new` of `bumped` refused when a Python version file is among them and one
/// of `tags` (release tags, each with its version) that SemVer puts below `new` is at or
/// above it in PEP 440's order: the greatest such tag is named. A tag above `new` in SemVer
/// too is another check's (or an older line's release, which both orders allow).
pub fn check_tags(
    bumped: &[(VersionFile, String)],
    new: &Version,
    tags: &[(String, Version)],
) -> Result<()> {
    let Some((f, _)) = bumped.iter().find(|(f, _)| is_python(&f.path)) else {
        return Ok(());
    };
    let Some(to) = key(&new.to_string()) else {
        return Ok(());
    };
    let above = (tags.iter())
        .filter(|(_, v)| v.cmp_precedence(new).is_lt())
        .filter_map(|(name, v)| Some((key(&v.to_string())?, name, v)))
        .filter(|(k, _, _)| *k >= to)
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.cmp_precedence(b.2)));
    match above {
        Some((k, tag, v)) => Err(Pep440Error::BelowTag {
            path: f.path.clone(),
            version: new.to_string(),
            tag: tag.clone(),
            tagged: v.to_string(),
            same: k == to,
        }
        .into()),
        None => Ok(()),
    }
}

/// A release to `new` of `bumped` refused when `new` has no PEP 440 spelling and a Python
/// package's metadata (`pyproject.toml`, `setup.cfg`, `setup.py`) would take it: PEP 621 and
/// setuptools read the version as PEP 440. A module's `__version__` alone is not metadata.
pub fn check_spelled(bumped: &[(VersionFile, String)], new: &str) -> Result<()> {
    let metadata = |p: &Path| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        matches!(name, "pyproject.toml" | "setup.cfg" | "setup.py")
    };
    match bumped
        .iter()
        .find(|(f, old)| old != new && metadata(&f.path))
    {
        Some((f, _)) if spell(new).is_none() => Err(Pep440Error::Unspelled {
            path: f.path.clone(),
            version: new.to_owned(),
        }
        .into()),
        _ => Ok(()),
    }
}

/// The version nearest `v` that PEP 440 spells and that is above each of `floors` (the
/// releases there are, and what the version files say) in SemVer's order and in PEP 440's:
/// `v`'s own pre-release tag with the first number that is (`1.3.0-rc.1.1` after
/// `1.3.0-rc.1` → `1.3.0-rc.2`), else `rc` (`1.3.0-next.1` → `1.3.0-rc.1`, `1.3.0-dev.1`
/// after `1.3.0-beta.1` → `1.3.0-rc.1`), else the release itself, else the next patch's `rc.1`
/// (the next patch itself when `v` is a final release: `1.0.1` for `1.0.0` after `1.0.0+local`).
pub fn instead(v: &Version, floors: &[String]) -> Version {
    // A file holding PEP 440's spelling (`1.0.0b1`) is a floor in SemVer's order too.
    let semver_floors: Vec<Version> = (floors.iter())
        .filter_map(|f| f.parse().ok().or_else(|| semver_spelling(f)))
        .collect();
    let key_floors: Vec<Key> = floors.iter().filter_map(|f| key(f)).collect();
    let above = |c: &Version| {
        let k = key(&c.to_string());
        k.as_ref().is_some_and(|k| key_floors.iter().all(|f| k > f))
            && semver_floors.iter().all(|f| c.cmp_precedence(f).is_gt())
    };
    let number = |pre: &str| {
        pre.rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|n| n.parse::<u64>().ok())
    };
    let n = number(v.pre.as_str()).unwrap_or(1);
    // Past the greatest number a floor of the release has, a tag that can be above is.
    let top = (semver_floors.iter())
        .filter(|f| (f.major, f.minor, f.patch) == (v.major, v.minor, v.patch))
        .filter_map(|f| number(f.pre.as_str()))
        .fold(n, u64::max)
        .saturating_add(1);
    let core = Version::new(v.major, v.minor, v.patch);
    let (own, _) = split_tag(v.pre.as_str());
    // A post-release spelling is refused, never advised: `rc` means the same to both orders.
    let own = Some(own).filter(|t| pep_tag(t).is_some_and(|p| p != ".post"));
    for tag in own.into_iter().chain(Some("rc")) {
        let at = |k: u64| {
            let mut c = core.clone();
            c.pre = semver::Prerelease::new(&format!("{tag}.{k}")).ok()?;
            Some(c)
        };
        let fits = |k: u64| at(k).is_some_and(|c| above(&c));
        if !fits(top) {
            continue;
        }
        // Being above grows with the number: the first that is lies in (n, top].
        let (mut lo, mut hi) = (n, top);
        if fits(n) {
            hi = n;
        }
        while hi > lo + 1 {
            let mid = lo + (hi - lo) / 2;
            if fits(mid) { hi = mid } else { lo = mid }
        }
        return at(hi).unwrap_or(core);
    }
    if above(&core) {
        return core;
    }
    let greatest = semver_floors
        .iter()
        .chain(Some(v))
        .max_by(|a, b| a.cmp_precedence(b))
        .unwrap_or(v);
    // Above a pre-release (`1.0.0b1`) is its own release's `rc` or its final release.
    if !greatest.pre.is_empty() && greatest != v {
        let mut rc = Version::new(greatest.major, greatest.minor, greatest.patch);
        rc.pre = semver::Prerelease::new("rc.1").unwrap_or_default();
        return instead(&rc, floors);
    }
    let mut next = Version::new(greatest.major, greatest.minor, greatest.patch + 1);
    // A final release asked for is advised one: the next patch, not a pre-release of it.
    if !v.pre.is_empty() {
        next.pre = semver::Prerelease::new("rc.1").unwrap_or_default();
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_spelled_as_pep_440() {
        for (semver, pep) in [
            ("1.2.3", "1.2.3"),
            ("1.2.3-rc.1", "1.2.3rc1"),
            ("1.2.3-alpha.2", "1.2.3a2"),
            ("1.2.3-beta", "1.2.3b0"),
            ("1.2.3-dev.3", "1.2.3.dev3"),
            ("1.2.3-post.1", "1.2.3.post1"),
            ("1.2.3-rev.2", "1.2.3.post2"),
            ("1.2.3-r.3", "1.2.3.post3"),
            ("1.2.3-4", "1.2.3.post4"),
            ("1.2.3+Build-5", "1.2.3+build.5"),
        ] {
            assert_eq!(spell(semver).as_deref(), Some(pep), "{semver}");
        }
        assert_eq!(spell("1.2.3-foo.1"), None);
        assert_eq!(spell("1.2.3-rc.1.2"), None);
    }

    #[test]
    fn a_pep_440_pre_release_has_a_semver_spelling() {
        for (pep, semver) in [
            ("1.0.0b1", "1.0.0-b.1"),
            ("v1.0.0b2", "1.0.0-b.2"),
            ("1.0.0rc1", "1.0.0-rc.1"),
            ("1.0.0a3", "1.0.0-a.3"),
            ("1.0.0.dev4", "1.0.0-dev.4"),
            ("1.0b1", "1.0.0-b.1"),
        ] {
            let got = semver_spelling(pep).map(|v| v.to_string());
            assert_eq!(got.as_deref(), Some(semver), "{pep}");
        }
        for not in [
            "1.0.0",
            "1.0.0-rc.1",
            "1.0.0.post1",
            "1.0.0b1+x",
            "1.0.0.1b1",
            "abc",
        ] {
            assert_eq!(semver_spelling(not), None, "{not}");
        }
    }

    #[test]
    fn pep_440_orders_dev_first_and_pre_as_rc() {
        let k = |s: &str| key(s).unwrap_or_else(|| panic!("{s}"));
        assert!(k("1.3.0-dev.1") < k("1.3.0-beta.1"));
        assert!(k("1.3.0-alpha.9") < k("1.3.0-b.1"));
        assert_eq!(k("1.3.0-pre.1"), k("1.3.0-rc.1"));
        assert_eq!(k("1.3.0rc1"), k("1.3.0-rc.1"));
        assert_eq!(k("1.3"), k("1.3.0"));
        assert!(k("1.3.0-rc.2") < k("1.3.0"));
        assert!(k("1.3.0") < k("1.3.0.post1"));
        assert_eq!(k("1.3.0-post.1"), k("1.3.0.post1"));
        assert_eq!(k("1.3.0-r.1"), k("1.3.0.rev1"));
        assert!(k("1.3.0-rc.9") < k("1.3.0-post.1"));
        assert!(k("1.3.0-1") < k("1.3.0-post.2"));
        assert!(k("1.2.9") < k("1.3.0.dev1"));
        assert_eq!(key("1.3.0-next.1"), None);
        // A local version sorts above its public one; numbers above letters, longer above.
        assert!(k("1.0.0") < k("1.0.0+local"));
        assert!(k("1.0.0+local") < k("1.0.1"));
        assert!(k("1.0.0rc1+x") < k("1.0.0"));
        assert!(k("1.0.0+abc") < k("1.0.0+1"));
        assert!(k("1.0.0+2") < k("1.0.0+10"));
        assert!(k("1.0.0+a") < k("1.0.0+a.1"));
        assert_eq!(k("1.0.0+Ubuntu-1"), k("1.0.0+ubuntu.1"));
    }

    fn file(path: &str) -> VersionFile {
        VersionFile {
            path: path.into(),
            locator: super::super::Locator::TomlKey("project.version".into()),
        }
    }

    #[test]
    fn a_python_version_that_does_not_go_up_is_refused() {
        let py = |old: &str| vec![(file("pyproject.toml"), old.to_owned())];
        let e = check_order(&py("1.3.0-beta.1"), "1.3.0-dev.1").unwrap_err();
        assert_eq!(
            e.to_string(),
            "pyproject.toml: PEP 440 puts 1.3.0.dev1 (1.3.0-dev.1) below the 1.3.0b1 (1.3.0-beta.1) it holds now, which pip takes for an older release"
        );
        let e = check_order(&py("1.3.0-pre.1"), "1.3.0-rc.1").unwrap_err();
        assert!(
            e.to_string()
                .contains("PEP 440 reads 1.3.0rc1 (1.3.0-rc.1) as the"),
            "{e}"
        );
        assert!(check_order(&py("1.3.0-beta.1"), "1.3.0-rc.1").is_ok());
        assert!(check_order(&py("1.3.0-rc.1"), "1.3.0").is_ok());
        // SemVer's order is Cargo's: a Rust crate's pre-releases are not PyPI's.
        let cargo = vec![(file("Cargo.toml"), "1.3.0-beta.1".to_owned())];
        assert!(check_order(&cargo, "1.3.0-dev.1").is_ok());
        // PEP 440's post-release is above its release: SemVer's pre-release is below.
        let e = check_order(&py("1.2.0"), "1.3.0-post.1").unwrap_err();
        assert_eq!(
            e.to_string(),
            "pyproject.toml: 1.3.0-post.1 is a pre-release of 1.3.0 in SemVer but the post-release 1.3.0.post1 in PEP 440, which pip puts above 1.3.0 and its pre-releases"
        );
        for post in ["1.3.0-rev.1", "1.3.0-r", "1.3.0-2"] {
            assert!(check_order(&py("1.2.0"), post).is_err(), "{post}");
        }
        assert!(check_order(&py("1.3.0-post.1"), "1.3.0").is_err());
        assert!(check_order(&py("1.3.0-post.1"), "1.3.1-rc.1").is_ok());
        assert!(check_order(&cargo, "1.3.0-post.1").is_ok());
        let e = check_order(&py("1.0.0+local"), "1.0.0").unwrap_err();
        assert_eq!(
            e.to_string(),
            "pyproject.toml: PEP 440 puts 1.0.0 below the 1.0.0+local it holds now (a local version sorts above its public one), which pip takes for an older release"
        );
        assert!(check_order(&py("1.0.0+local"), "1.0.1").is_ok());
        let init = vec![(file("src/x/__init__.py"), "1.3.0-pre.1".to_owned())];
        assert!(check_order(&init, "1.3.0-rc.1").is_err());
    }

    #[test]
    fn a_pre_release_of_the_announced_final_goes_below_it_as_in_semver() {
        let py = |old: &str| vec![(file("pyproject.toml"), old.to_owned())];
        // Before its first release, as a Cargo.toml at 1.2.0 takes `--pre beta`.
        assert!(check_order(&py("1.2.0"), "1.2.0-beta.1").is_ok());
        assert!(check_order(&py("1.2.0"), "1.2.0-dev.1").is_ok());
        // Never a post-release, nor below a local version or another release's final.
        assert!(check_order(&py("1.2.0"), "1.2.0-post.1").is_err());
        assert!(check_order(&py("1.2.0+local"), "1.2.0-rc.1").is_err());
        assert!(check_order(&py("1.3.0"), "1.2.0-rc.1").is_err());
    }

    #[test]
    fn a_release_tag_above_in_pep_440_refuses_a_python_release() {
        let py = vec![(file("pyproject.toml"), "1.3.0".to_owned())];
        let v = |s: &str| Version::parse(s).unwrap();
        let tags = |ts: &[&str]| -> Vec<(String, Version)> {
            ts.iter().map(|t| (format!("v{t}"), v(t))).collect()
        };
        let post = tags(&["1.2.0", "1.3.0-post.1", "1.3.0-post.2"]);
        let e = check_tags(&py, &v("1.3.0"), &post).unwrap_err();
        assert_eq!(
            e.to_string(),
            "pyproject.toml: 1.3.0 is 1.3.0 in PEP 440, below the release tag v1.3.0-post.2 (1.3.0.post2), which pip takes for an older release"
        );
        let e = check_tags(&py, &v("1.3.0-rc.1"), &tags(&["1.3.0-pre.1"])).unwrap_err();
        assert!(e.to_string().contains("the same version as the"), "{e}");
        assert!(check_tags(&py, &v("1.3.1-rc.1"), &post).is_ok());
        // A tag above in SemVer too is an older line's, or another check's.
        assert!(check_tags(&py, &v("1.2.5"), &tags(&["1.3.0"])).is_ok());
        let cargo = vec![(file("Cargo.toml"), "1.3.0".to_owned())];
        assert!(check_tags(&cargo, &v("1.3.0"), &post).is_ok());
    }

    #[test]
    fn package_metadata_takes_only_a_version_pep_440_spells() {
        let at = |path: &str| vec![(file(path), "1.2.0".to_owned())];
        let e = check_spelled(&at("pyproject.toml"), "1.2.1-rc.1.2").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("pyproject.toml: 1.2.1-rc.1.2 has no PEP 440 spelling")
        );
        assert!(check_spelled(&at("setup.cfg"), "1.2.1-next.1").is_err());
        assert!(check_spelled(&at("pyproject.toml"), "1.2.1-rc.1").is_ok());
        assert!(check_spelled(&at("src/x/__init__.py"), "1.2.1-next.1").is_ok());
        assert!(check_spelled(&at("Cargo.toml"), "1.2.1-next.1").is_ok());
    }

    #[test]
    fn the_version_named_instead_is_above_every_release() {
        let v = |s: &str| Version::parse(s).unwrap();
        let floors = |fs: &[&str]| fs.iter().map(|f| f.to_string()).collect::<Vec<_>>();
        for (asked, after, nearest) in [
            ("1.3.0-next.1", &["1.2.0"][..], "1.3.0-rc.1"),
            ("1.3.0-next.12", &["1.2.0"], "1.3.0-rc.12"),
            ("1.3.0-foo", &["1.2.0"], "1.3.0-rc.1"),
            ("1.3.0-x.2+b.1", &["1.2.0"], "1.3.0-rc.2"),
            ("1.3.0-rc.1.1", &["1.3.0-rc.1", "1.2.0"], "1.3.0-rc.2"),
            ("1.3.0-rc.1-post.1", &["1.3.0-rc.1"], "1.3.0-rc.2"),
            ("1.3.0-dev.1", &["1.3.0-beta.1"], "1.3.0-rc.1"),
            ("1.3.0-rc.1", &["1.3.0-pre.1"], "1.3.0-rc.2"),
            ("1.3.0-rc.1", &["1.3.0-pre.7"], "1.3.0-rc.8"),
            ("1.3.0-alpha.1", &["1.3.0-a.1"], "1.3.0-alpha.2"),
            ("1.3.0-rc.3.1", &["1.3.0-rc.3"], "1.3.0-rc.4"),
            ("1.3.0-zeta.2", &["1.3.0-zeta.1"], "1.3.0"),
            ("0.9.12", &["0.9.11", "1.0.0b1"], "1.0.0-rc.1"),
            ("0.9.12", &["1.0.0rc3"], "1.0.0-rc.4"),
            ("1.3.0-post.1", &["1.2.0"], "1.3.0-rc.1"),
            ("1.3.0-rev.3", &["1.3.0-rc.1"], "1.3.0-rc.3"),
            ("1.3.0-rc.1", &["1.3.0-post.1"], "1.3.1-rc.1"),
            ("1.3.0", &["1.3.0.post1"], "1.3.1"),
            ("1.0.0", &["1.0.0+local"], "1.0.1"),
            ("1.0.0-rc.1", &["1.0.0+local"], "1.0.1-rc.1"),
        ] {
            let got = instead(&v(asked), &floors(after));
            assert_eq!(got, v(nearest), "{asked} after {after:?}");
            assert!(uv_spells(&got.to_string()), "{got}");
        }
    }
}
