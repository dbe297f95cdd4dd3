//! The version to name instead of a release that would write a version down: a version file
//! holds `1.0.0b1` (a beta tagged `v1.0.0b1`, which relhook cannot read) while the tags relhook
//! reads say `0.9.11`. Named: what the file holds when no tag released it, else the nearest
//! version above it (`1.0.0-rc.1` after a beta, with the final release beside it; the next
//! patch after a final release).

use semver::Version;

use super::files::{pep440_instead, semver_spelling};

/// `text` (a version file's, or a tag's after its prefix) as SemVer reads it: as written, or
/// PEP 440's spelling of a pre-release respelled (`1.0.0b1` is `1.0.0-b.1`).
pub fn as_semver(text: &str) -> Option<Version> {
    let bare = text.strip_prefix('v').unwrap_or(text);
    Version::parse(bare).ok().or_else(|| semver_spelling(bare))
}

/// The version to release above `held` (a version file's, in SemVer's spelling), `released`
/// when a tag made it already; with the final release beside it when that is a pre-release.
/// A development version (PEP 440's `2.5.0.dev0`, `2.5.0-dev.0`) says what the branch works
/// towards, never a release of its own: its final release is named.
pub fn above(held: &Version, released: bool) -> (Version, Option<Version>) {
    let core = Version::new(held.major, held.minor, held.patch);
    if is_development(held) {
        return (core, None);
    }
    if !released {
        return (held.clone(), None);
    }
    if held.pre.is_empty() {
        return (Version::new(held.major, held.minor, held.patch + 1), None);
    }
    let mut rc = core.clone();
    rc.pre = semver::Prerelease::new("rc.1").unwrap_or_default();
    let rc = pep440_instead(&rc, &[held.to_string()]);
    match rc == core {
        true => (core, None),
        false => (rc, Some(core)),
    }
}

/// Whether `v` is a development version (`2.5.0-dev.0`, PEP 440's `2.5.0.dev0` respelled):
/// what a Python project's main branch holds between releases (poetry's).
pub fn is_development(v: &Version) -> bool {
    v.pre.as_str() == "dev" || v.pre.as_str().starts_with("dev.")
}

/// The release that follows `v` when nothing calls for more: its patch, or for a pre-release
/// that pre-release's own release (`1.0.0` after `1.0.0-rc.1`: by SemVer's precedence `1.0.1`
/// would pass it over).
pub fn next_patch(v: &Version) -> Version {
    match v.pre.is_empty() {
        true => Version::new(v.major, v.minor, v.patch + 1),
        false => Version::new(v.major, v.minor, v.patch),
    }
}

/// The commands ([`above`]'s) that release above `held` with `release` (`relhook release`).
pub fn advice(release: &str, held: &Version, released: bool) -> String {
    match above(held, released) {
        (v, Some(last)) => format!("`{release} {v}` (or `{release} {last}` for the final release)"),
        (v, None) => format!("`{release} {v}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    #[test]
    fn a_released_beta_is_followed_by_a_release_candidate_or_the_final_release() {
        assert_eq!(as_semver("1.0.0b1"), Some(v("1.0.0-b.1")));
        assert_eq!(as_semver("v2.0.0"), Some(v("2.0.0")));
        assert_eq!(as_semver("1.0.0.post1"), None);
        let beta = v("1.0.0-b.1");
        assert_eq!(above(&beta, true), (v("1.0.0-rc.1"), Some(v("1.0.0"))));
        assert_eq!(
            above(&v("1.0.0-rc.3"), true),
            (v("1.0.0-rc.4"), Some(v("1.0.0")))
        );
        assert_eq!(above(&v("1.0.0-zeta.1"), true), (v("1.0.0"), None));
        assert_eq!(above(&v("2.0.0"), true), (v("2.0.1"), None));
        // Not released yet: the file says what the next release is.
        assert_eq!(above(&v("2.0.0"), false), (v("2.0.0"), None));
        // A development version leads to its final release, released as a tag or not.
        assert_eq!(above(&v("2.5.0-dev.0"), false), (v("2.5.0"), None));
        assert_eq!(above(&v("2.5.0-dev.3"), true), (v("2.5.0"), None));
        assert_eq!(as_semver("2.5.0.dev0"), Some(v("2.5.0-dev.0")));
        assert!(!is_development(&v("2.5.0-devel.1")));
        assert_eq!(next_patch(&v("1.0.0-rc.1")), v("1.0.0"));
        assert_eq!(next_patch(&v("1.0.0")), v("1.0.1"));
        assert_eq!(
            advice("relhook release", &beta, true),
            "`relhook release 1.0.0-rc.1` (or `relhook release 1.0.0` for the final release)"
        );
    }
}
