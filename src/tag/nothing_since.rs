//! A release tag on a commit another release of its line already tags, its version's section
//! missing: nothing was committed since that release, so no release makes this one (its
//! section would be empty). The hand-tag hook refuses it, and pre-push says the same of one
//! made past the hook, with the tag's deletion as the only fix. The same holds of a tag above
//! its line's last release over commits with no changelog entry (`chore:` only).

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
    // Or one it promotes to a later channel (1.3.0-beta.1 → 1.3.0-rc.1): a release of it.
    let promoted = |v: &Version| {
        crate::history::changelog::carries(version, v) || crate::release::promotes(Some(v), version)
    };
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

/// Why a release of `version` over release `other`'s commit, the commits since holding no
/// change with an entry, is none.
pub fn no_entry_since(other: &str, version: &Version) -> String {
    format!(
        "no commit since release {other} has a changelog entry (`chore:` and `docs:` have none, a change and its revert cancel out): there is nothing to release as {version}"
    )
}

/// [`nothing_to_release`] for tag `name` of `version` on `commit` whose changelog there lacks
/// the version's section, when another release tags `commit`; [`no_entry_since`] when the
/// commits since its line's last release below it hold nothing a release ships.
pub fn on_released(
    repo: &Repo,
    config: &Config,
    name: &str,
    version: &Version,
    commit: Oid,
) -> Option<String> {
    let log = crate::history::sync::changelog_at(repo, commit, &config.changelog.path);
    if log
        .as_ref()
        .is_some_and(|l| l.entries_of(&version.to_string()).is_some())
    {
        return None;
    }
    if let Some(other) = release_on(repo, config, commit, name, version) {
        return Some(nothing_to_release(&other, version));
    }
    // Entries under Unreleased there, or no changelog at all: something is to release, or the
    // file was not kept by relhook; either way no walk back to the last release (pre-push asks
    // this of every tag of a long history pushed at once).
    if !log.is_some_and(|l| l.unreleased_entries().is_empty()) {
        return None;
    }
    let prefix = &config.version.tag_prefix;
    let (last, at) = repo.latest_release_tag_except(commit, prefix, Some(name))?;
    let last_version = Version::parse(last.strip_prefix(prefix.as_str())?).ok()?;
    // A pre-release this release carries (its section promoted) is something to release.
    if crate::history::changelog::carries(version, &last_version)
        || crate::release::promotes(Some(&last_version), version)
    {
        return None;
    }
    let none = !crate::release::work_since(repo, config, at, commit);
    none.then(|| no_entry_since(&last, version))
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

    /// QA51: over `chore:` commits only, the release it follows is named.
    #[test]
    fn no_entry_since_names_the_last_release() {
        let why = no_entry_since("v0.1.0", &Version::new(0, 1, 1));
        assert!(why.starts_with("no commit since release v0.1.0 has a changelog entry"));
        assert!(why.ends_with("there is nothing to release as 0.1.1"));
    }
}
