//! The `**deps:**` entries of a monorepo's changelogs (a dependent's new requirement, written
//! by a release commit, no commit's own): a rebuild from history finds them only in the
//! changelog as stored.

use git2::Oid;

use crate::config::Config;
use crate::git::{ReleaseTag, Repo};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize};

/// The `**deps:**` entries a monorepo's release commit wrote in `tag`'s section (a dependent's
/// new requirement, no commit's): history has them only in the changelog as it was tagged.
pub(super) fn of_release(repo: &Repo, config: &Config, tag: &ReleaseTag) -> Vec<NewEntry> {
    // Where the changelog was then: a package's may have moved or been renamed since.
    let then = repo
        .work_tree()
        .and_then(|root| crate::tag::config_at(repo, config, &root, &tag.name, tag.commit));
    let path = then.map_or_else(|| config.changelog.path.clone(), |c| c.changelog.path);
    stored(repo, tag.commit, &path, Some(&tag.version.to_string()))
}

/// The `**deps:**` entries of section `version` (Unreleased: `None`) of the changelog `path`
/// as `commit` stores it.
pub(super) fn stored(
    repo: &Repo,
    commit: Oid,
    path: &std::path::Path,
    version: Option<&str>,
) -> Vec<NewEntry> {
    let file = repo.file_at(commit, path).ok().flatten();
    let log = file.and_then(|f| Changelog::from_utf8(f.bytes));
    let listed = log.and_then(|l| match version {
        Some(v) => l.entries_of(v),
        None => Some(l.unreleased_entries()),
    });
    listed
        .unwrap_or_default()
        .into_iter()
        .filter(|e| normalize(&e.text).starts_with("**deps:** require "))
        .map(|e| NewEntry {
            section: e.section,
            text: e.text,
            breaking: false,
        })
        .collect()
}

/// The packages the `**deps:**` entries of section `version` of the changelog `path` at
/// `commit` require (`**deps:** require core 0.4.1 …` → `core`): the releases a dependent's
/// release in that commit followed.
pub fn deps_required(
    repo: &Repo,
    commit: Oid,
    path: &std::path::Path,
    version: &str,
) -> Vec<String> {
    stored(repo, commit, path, Some(version))
        .into_iter()
        .filter_map(|e| {
            let text = normalize(&e.text);
            let rest = text.strip_prefix("**deps:** require ")?;
            rest.split_whitespace().next().map(str::to_owned)
        })
        .collect()
}
