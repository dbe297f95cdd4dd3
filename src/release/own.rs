//! Whether a tagged commit is a release commit relhook made, as its message says (the root's
//! `release.commit_message` for the version, reworded only where the commit adds the section,
//! or a monorepo's naming the tag): what undoing a release may drop. A commit of the user's
//! own that wrote the section by hand (relhook then makes none) is theirs to keep.

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;

/// Whether `commit`, tagged `tag`, is the release commit relhook made for it.
pub fn is_release_commit(repo: &Repo, config: &Config, tag: &str, commit: Oid) -> bool {
    let Some(message) = repo.commit_text(commit) else {
        return false;
    };
    let template = &config.release.commit_message;
    let version = tag
        .strip_prefix(config.version.tag_prefix.as_str())
        .and_then(|v| semver::Version::parse(v).ok());
    if let Some(version) = version {
        if super::resume::version_in_message(template, &message).as_ref() == Some(&version) {
            return true;
        }
        let parent = repo.first_parent(commit);
        if super::reworded::version_in_reworded(template, &message).as_ref() == Some(&version)
            && super::reworded::adds_section(repo, config, commit, parent, &version)
        {
            return true;
        }
    }
    super::packages::message::tags_named(config, &message)
        .is_some_and(|tags| tags.iter().any(|t| t == tag))
}
