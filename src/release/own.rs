//! Whether a tagged commit is a release commit relhook made, as its message says (the root's
//! `release.commit_message` for the version, reworded only where the commit adds the section,
//! or a monorepo's naming the tag), and touching only what a root release writes (the
//! changelog, version files, lock files): what undoing a release may drop. A commit of the
//! user's own that wrote the section by hand (relhook then makes none) is theirs to keep,
//! even under relhook's message (`chore(release): 0.1.1`, standard-version's too).

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
            return only_release_files(repo, config, commit);
        }
        let parent = repo.first_parent(commit);
        if super::reworded::version_in_reworded(template, &message).as_ref() == Some(&version)
            && super::reworded::adds_section(repo, config, commit, parent, &version)
        {
            return only_release_files(repo, config, commit);
        }
    }
    super::packages::message::tags_named(config, &message)
        .is_some_and(|tags| tags.iter().any(|t| t == tag))
}

/// Whether every file `commit` changes is one a root release writes: the changelog, a version
/// file, a lock file. Anything else (`notes.txt`) is the user's work, which an undo would drop.
fn only_release_files(repo: &Repo, config: &Config, commit: Oid) -> bool {
    let (Some(root), Ok(changed)) = (repo.work_tree(), repo.changed_paths(commit, &[])) else {
        return false;
    };
    let versions = super::files::version_files(config, &root);
    changed.iter().all(|p| {
        *p == config.changelog.path
            || super::untracked_locks::is_lock(p)
            || versions.iter().any(|f| f.path == *p)
    })
}
