//! A release tag on a commit another release of its line already tags, its version's section
//! missing: nothing was committed since that release, so no release makes this one (its
//! section would be empty). The hand-tag hook refuses it, and pre-push says the same of one
//! made past the hook, with the tag's deletion as the only fix.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;

/// The other release tag on `commit` itself (the lowest), for tag `tag` of `version`; a
/// pre-release the release carries (finished as 1.1.0, or left for 2.0.0 or 2.0.0-rc.1 when
/// the commits since the last stable release call for more) is none: its section is not empty.
pub fn release_on(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    tag: &str,
    version: &Version,
) -> Option<String> {
    let promoted = |v: &Version| crate::history::changelog::carries(version, v);
    // Only tags on `commit` itself: no history to walk.
    repo.release_tag_candidates(&config.version.tag_prefix)
        .into_iter()
        .filter(|t| t.commit == commit && t.name != tag && !promoted(&t.version))
        .min_by(|a, b| a.version.cmp_precedence(&b.version))
        .map(|t| t.name)
}

/// Why a release of `version` on release `other`'s commit is none.
pub fn nothing_to_release(other: &str, version: &Version) -> String {
    format!(
        "this commit is already release {other}'s, and nothing was committed since: there is nothing to release as {version}"
    )
}

/// [`nothing_to_release`] for tag `name` of `version` on `commit` whose changelog there lacks
/// the version's section, when another release tags `commit`.
pub fn on_released(
    repo: &Repo,
    config: &Config,
    name: &str,
    version: &Version,
    commit: Oid,
) -> Option<String> {
    let path = &config.changelog.path;
    if crate::history::sync::has_section_at(repo, commit, path, version) {
        return None;
    }
    let other = release_on(repo, config, commit, name, version)?;
    Some(nothing_to_release(&other, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// QA51: pre-push says it as the hand-tag hook does.
    #[test]
    fn the_reason_names_the_release_and_the_version() {
        let v = Version::new(0, 1, 1);
        assert_eq!(
            nothing_to_release("util-v0.1.0", &v),
            "this commit is already release util-v0.1.0's, and nothing was committed since: there is nothing to release as 0.1.1"
        );
    }
}
