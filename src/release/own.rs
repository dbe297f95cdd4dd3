//! Whether a tagged commit is a release commit relhook made, as its message says (the root's
//! `release.commit_message` for the version, reworded only where the commit adds the section,
//! or a monorepo's naming the tag) and as its changes say: only what a release writes (the
//! changelog, version files, lock files), written as a release writes it (the section cut
//! from Unreleased, the version lines moved): what undoing a release may drop. A commit of
//! the user's own that wrote the section by hand (relhook then makes none) is theirs to keep,
//! even under relhook's message (`chore(release): 0.1.1`, standard-version's too).

mod lines;

use std::path::Path;

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::{Changelog, TEMPLATE};
use crate::history::version::above::as_semver;

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
        let root = [tag.to_owned()];
        if super::resume::version_in_message(template, &message).as_ref() == Some(&version) {
            return only_release_files(repo, config, commit)
                && written_as_released(repo, commit, &root);
        }
        let parent = repo.first_parent(commit);
        if super::reworded::version_in_reworded(template, &message).as_ref() == Some(&version)
            && super::reworded::adds_section(repo, config, commit, parent, &version)
        {
            return only_release_files(repo, config, commit)
                && written_as_released(repo, commit, &root);
        }
    }
    super::packages::message::tags_named(config, &message).is_some_and(|tags| {
        tags.iter().any(|t| t == tag) && written_as_released(repo, commit, &tags)
    })
}

/// [`crate::history::sync::shipped_unlisted`] for a commit that writes more than a release
/// writes: one that writes only that is a release commit (reworded, `fix: typo`, or rebased
/// over commits, which [`super::stale_tagged`] names with the way to make it again), whose
/// message's entry is no change of its own.
pub fn shipped_unlisted(
    repo: &Repo,
    config: &Config,
    tag: (&str, &semver::Version),
    commit: Oid,
    made: bool,
) -> Option<(String, String)> {
    let shipped = crate::history::sync::shipped_unlisted(repo, config, tag, commit, made)?;
    // The tree diff only where an entry would ship unlisted: a tag on a commit that wrote no
    // section (a hand tag relhook makes the release commit for) ships none, and diffs no tree.
    (!only_release_files(repo, config, commit)).then_some(shipped)
}

/// Whether `commit` changes the changelog (a root release always writes its section) and no
/// file but one a root release writes: the changelog, a version file, a lock file. Anything
/// else (`notes.txt`) is the user's work, which an undo would drop.
fn only_release_files(repo: &Repo, config: &Config, commit: Oid) -> bool {
    let (Some(root), Ok(changed)) = (repo.work_tree(), repo.changed_paths(commit, &[])) else {
        return false;
    };
    let versions = super::files::version_files(config, &root);
    changed.contains(&config.changelog.path)
        && changed.iter().all(|p| {
            *p == config.changelog.path
                || super::untracked_locks::is_lock(p)
                || versions.iter().any(|f| f.path == *p)
        })
}

/// Whether `commit` changes every file as the release of `tags` writes it: a changelog by
/// one of their sections cut from Unreleased, any other file in its version numbers alone,
/// each moved to one of theirs. A paragraph, an entry, a line of the user's own or a
/// dependency bumped by hand is theirs, which an undo would drop.
fn written_as_released(repo: &Repo, commit: Oid, tags: &[String]) -> bool {
    let Ok(changed) = repo.changed_paths(commit, &[]) else {
        return false;
    };
    let parent = repo.first_parent(commit);
    let forge = crate::history::sync::forge(repo);
    let base = forge.as_ref().map(|f| f.base.as_str());
    changed.iter().all(|path| {
        let (Some(Some(after)), Some(before)) = (
            text_at(repo, Some(commit), path),
            text_at(repo, parent, path),
        ) else {
            return false;
        };
        let released = |v: &str| tags.iter().any(|tag| tagged_version(tag, v));
        if before
            .as_deref()
            .is_some_and(|b| lines::only_versions_changed(b, &after, released))
        {
            return true;
        }
        section_cut(before.as_deref().unwrap_or(TEMPLATE), &after, tags, base)
    })
}

/// Whether `tag` is the tag of version `v` (`0.2.0`, PEP 440's `1.0.0rc1` for `v1.0.0-rc.1`):
/// its prefix and the version, not a longer one's tail (`v11.0.0` for 1.0.0).
fn tagged_version(tag: &str, v: &str) -> bool {
    let v = v.strip_prefix('v').unwrap_or(v);
    let semver = as_semver(v).map(|s| s.to_string());
    [Some(v), semver.as_deref()].into_iter().flatten().any(|v| {
        tag.strip_suffix(v)
            .is_some_and(|p| !p.ends_with(|c: char| c.is_ascii_digit() || c == '.'))
    })
}

/// Whether changelog `after` is `before` with the section of one of `tags` cut as a release
/// cuts it.
fn section_cut(before: &str, after: &str, tags: &[String], base: Option<&str>) -> bool {
    let (Ok(before), Ok(after)) = (Changelog::parse(before), Changelog::parse(after)) else {
        return false;
    };
    let old = before.versions();
    let new: Vec<String> = after
        .versions()
        .into_iter()
        .filter(|v| !old.contains(v))
        .collect();
    let [label] = new.as_slice() else {
        return false;
    };
    let key = label.strip_prefix('v').unwrap_or(label);
    tags.iter().any(|tag| {
        // The tag is its prefix and the version (`v0.1.0`, `api-v1.2.0`), not a longer one's
        // tail (`v11.0.0` for 1.0.0).
        tag.strip_suffix(key)
            .filter(|p| !p.ends_with(|c: char| c.is_ascii_digit() || c == '.'))
            .is_some_and(|prefix| after.is_release_of(&before, label, prefix, base))
    })
}

/// The text of `path` in `commit`: `Some(None)` when it has no such file (or there is no
/// commit), `None` when it cannot be read or is no UTF-8 text (nothing a release writes).
fn text_at(repo: &Repo, commit: Option<Oid>, path: &Path) -> Option<Option<String>> {
    let Some(commit) = commit else {
        return Some(None);
    };
    match repo.file_at(commit, path).ok()? {
        None => Some(None),
        Some(file) => String::from_utf8(file.bytes).ok().map(Some),
    }
}
