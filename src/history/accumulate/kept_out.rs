//! An entry taken out by hand in `git commit --amend`, whether the amend keeps the message or
//! rewords it. post-commit leaves it out, as it leaves any hand edit; but the amended commit
//! then neither adds an entry nor carries any trace of one, so `--sync` and a release, which
//! give a commit with no entry its entry (its new message's), would put one back. That is
//! said, with the way to keep it out for good: a commit of its own that deletes it, which
//! history remembers.

use std::path::Path;

use git2::Oid;

use super::NewEntry;
use crate::git::Repo;
use crate::history::changelog::{Changelog, one_line};

/// The line to say when the amend (`head`) took `old`, the entry of the commit it replaced,
/// out of `path` by hand and nothing in history will keep `new`, the entry its message calls
/// for, out; `None` when the amended commit still adds an entry of its own (a rewording: that
/// one stands for the commit) or either entry is there. A reworded message's entry is the
/// one `--sync` and a release would add, and is named.
pub(super) fn notice(
    (repo, config): (&Repo, &crate::config::Config),
    head: Oid,
    (path, log): (&Path, &Changelog),
    (old, new): (&NewEntry, &NewEntry),
) -> Option<String> {
    if [old, new]
        .iter()
        .any(|e| log.contains_entry(&e.text, false))
    {
        return None;
    }
    let shown = path.display();
    let m = log.marker();
    let carried = super::hand_edited::carried(repo, head, (path, log), None);
    if let Some(first) = carried.first() {
        // A rewording stands for the commit, if it weighs as much (as `--sync` counts it).
        let stands = super::own_entry::written((repo, config), head, (path, log), &carried, new)
            .map_or(true, |hand| hand.is_some());
        return (!stands).then(|| format!(
            "{shown}: `{m} {}` (under {}), which this amend wrote in place of `{m} {}`, weighs less than the entry under {} its message calls for, so `relhook changelog --sync` and a release add that one beside it; write it under {} to keep one entry",
            one_line(&first.text),
            first.section,
            one_line(&old.text),
            new.section,
            new.section
        ));
    }
    if !crate::history::sync::added_by(repo, head, path).is_empty() {
        return None;
    }
    let file = crate::shellword::from_top(path);
    if old == new {
        return Some(format!(
            "{shown}: `- {}` was taken out in this amend and stays out of the commit, but `relhook changelog --sync` and a release give a commit with no entry its entry, and would put it back; to keep it out for good, delete it in a commit of its own: `git checkout HEAD@{{1}} -- {file} && git commit --amend --no-edit`, then delete the line and commit that",
            one_line(&old.text),
        ));
    }
    // The file of the commit before the amend lists the old message's entry, not this one:
    // `--sync` writes this one, for the amend to carry.
    let sync = crate::history::sync::changelog_command(config, path, "--sync");
    Some(format!(
        "{shown}: `{m} {}` (under {}) was taken out in this amend, and the entry of its new message, `{m} {}` under {}, stays out of the commit too, but `relhook changelog --sync` and a release give a commit with no entry its entry, and would put that one in; to keep it out for good, delete it in a commit of its own: `{sync} && git commit --amend --no-edit -- {file}`, then delete the line and commit that",
        one_line(&old.text),
        old.section,
        one_line(&new.text),
        new.section,
    ))
}
