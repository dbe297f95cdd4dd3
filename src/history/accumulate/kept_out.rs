//! An entry taken out by hand in `git commit --amend`. post-commit leaves it out, as it leaves
//! any hand edit; but the amended commit then neither adds the entry nor carries any trace of
//! it, so `--sync` and a release, which give a commit with no entry its entry, would put it
//! back. That is said, with the way to keep it out for good: a commit of its own that deletes
//! it, which history remembers.

use std::path::Path;

use git2::Oid;

use super::NewEntry;
use crate::git::Repo;
use crate::history::changelog::{Changelog, one_line};

/// The line to say when the amend (`head`) took `entry` out of `path` by hand and nothing in
/// history will keep it out; `None` when the amended commit still adds an entry of its own
/// (a rewording: that one stands for the commit) or the entry is there.
pub(super) fn notice(
    (repo, config): (&Repo, &crate::config::Config),
    head: Oid,
    path: &Path,
    log: &Changelog,
    entry: &NewEntry,
) -> Option<String> {
    if log.contains_entry(&entry.text, false) {
        return None;
    }
    let shown = path.display();
    let carried = super::hand_edited::carried(repo, head, (path, log), None);
    if let Some(first) = carried.first() {
        // A rewording stands for the commit, if it weighs as much (as `--sync` counts it).
        let stands = super::own_entry::written((repo, config), head, (path, log), &carried, entry)
            .map_or(true, |hand| hand.is_some());
        let m = log.marker();
        return (!stands).then(|| format!(
            "{shown}: `{m} {}` (under {}), which this amend wrote in place of `{m} {}`, weighs less than the entry under {} its message calls for, so `relhook changelog --sync` and a release add that one beside it; write it under {} to keep one entry",
            one_line(&first.text),
            first.section,
            one_line(&entry.text),
            entry.section,
            entry.section
        ));
    }
    if !crate::history::sync::added_by(repo, head, path).is_empty() {
        return None;
    }
    Some(format!(
        "{shown}: `- {}` was taken out in this amend and stays out of the commit, but `relhook changelog --sync` and a release give a commit with no entry its entry, and would put it back; to keep it out for good, delete it in a commit of its own: `git checkout HEAD@{{1}} -- {} && git commit --amend --no-edit`, then delete the line and commit that",
        one_line(&entry.text),
        crate::shellword::from_top(path)
    ))
}
