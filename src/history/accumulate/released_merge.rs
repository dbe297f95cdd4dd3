//! git's `Revert "Merge branch …"` (`git revert -m 1`) of a merge a release shipped: each
//! changelog gets the `revert "…"` entry of its own part of the merged branch, when its own
//! release tags shipped the merge. In a monorepo that is per package: a package's tags
//! (`a-v1.2.0`, `b@1.2.0`) say whether it released the merge, and its entry names only the
//! branch's commits that touched it; before a package's release, git's revert of its file
//! already took the branch's entries out, and nothing is added there.

use std::path::PathBuf;

use git2::Oid;

use super::targets::Target;
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::NewEntry;
use crate::history::reverts::{config_for_changelog, released_merge_revert_entry};

/// Per changelog (each package's, and the root's), the entry `head` calls for there when it
/// reverts a merge that changelog's release shipped; empty for any other commit.
pub(super) fn entries(repo: &Repo, config: &Config, head: Oid) -> Result<Vec<(PathBuf, NewEntry)>> {
    let mut out = Vec::new();
    for p in &config.packages {
        let view = config_for_changelog(config, &p.changelog);
        if let Some(e) = released_merge_revert_entry(repo, head, &view)? {
            out.push((p.changelog.clone(), e));
        }
    }
    if let Some(e) = released_merge_revert_entry(repo, head, config)? {
        out.push((config.changelog.path.clone(), e));
    }
    Ok(out)
}

/// `targets` with each changelog's own entry of `entries` (none: nothing for that file); all
/// of them unchanged when `entries` is empty (not such a revert).
pub(super) fn route(targets: Vec<Target>, entries: &[(PathBuf, NewEntry)]) -> Vec<Target> {
    if entries.is_empty() {
        return targets;
    }
    targets
        .into_iter()
        .filter_map(|mut t| {
            t.new = entries
                .iter()
                .find(|(path, _)| *path == t.path)
                .map(|(_, e)| e.clone());
            t.new.is_some().then_some(t)
        })
        .collect()
}
