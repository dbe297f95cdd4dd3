//! The merge driver's check of the entries its text merge would leave out of Unreleased for a
//! release's same words: during `git merge`, history says which of them commits no release
//! holds wrote, and during a pick or rebase step which of them HEAD has reverted since its
//! release (those stay); whatever is still left out is named in one line.

use std::path::Path;

use super::driver::eprintln_note;
use crate::cli::Context;
use crate::history::changelog::{Changelog, EditError, one_line};
use crate::history::sync::Sides;

/// The merged commit during `git merge`, which names it (alone) in `GITHEAD_<id>`; a rebase
/// or a pick names none.
pub(super) fn merged_head() -> Option<git2::Oid> {
    merged_head_named().map(|(id, _)| id)
}

/// [`merged_head`] and the name `git merge` was given for it (`topic`), which git's own
/// conflict markers show.
pub(super) fn merged_head_named() -> Option<(git2::Oid, String)> {
    let mut heads = std::env::vars_os().filter_map(|(k, v)| {
        let id = k.to_str()?.strip_prefix("GITHEAD_")?;
        let name = v.to_string_lossy().into_owned();
        git2::Oid::from_str(id).ok().map(|id| (id, name))
    });
    match (heads.next(), heads.next()) {
        (Some(theirs), None) => Some(theirs),
        _ => None,
    }
}

/// The three-way merge of the sides, keeping the entries history says are unreleased, with
/// the entries it still leaves out said.
pub(super) fn merge(
    ctx: &Context,
    label: &str,
    (b, o, t): (&Changelog, &Changelog, &Changelog),
) -> Result<String, EditError> {
    // During `git merge`, history says which entries no release holds (a package's
    // changelog: by its own tags); during a pick, revert or rebase step, which released
    // changes HEAD has reverted since (the step applies one again).
    let history = ctx.repo().ok().and_then(|repo| {
        let ours = repo.head()?;
        let sides = match merged_head() {
            Some(theirs) => Sides::Merge([ours, theirs]),
            None => Sides::Onto(ours),
        };
        let (_, config) = ctx.history_config(&repo).ok()?;
        let config = crate::history::reverts::config_for_changelog(&config, Path::new(label));
        Some((repo, config, sides))
    });
    let at = history.as_ref().map(|(r, c, s)| (r, c, *s));
    let merged = crate::history::sync::merge_by_history(at, (b, o, t))?;
    if let Some(e) = merged.dropped.first() {
        let (more, it) = and_more(merged.dropped.len());
        eprintln_note(&format!(
            "{label}: left `- {}`{more} out of Unreleased, where one side added {it}: a release the merge holds lists the same words, and no commit outside a release wrote {it} (one whose cherry-pick a release holds is released with it); if it is a change of its own, write it back under `## [Unreleased]`",
            one_line(&e.text),
        ));
    }
    if let Some((e, squash)) = merged.carried.first() {
        let (more, it) = and_more(merged.carried.len());
        eprintln_note(&format!(
            "{label}: left `- {}`{more} out of Unreleased: {squash} the commit that wrote {it}, and its own entry stands for {it}",
            one_line(&e.text),
        ));
    }
    Ok(merged.text)
}

/// How a note naming the first of `count` entries left out speaks of the rest: the
/// ` (and N more)` after it, and `it` or `them`.
fn and_more(count: usize) -> (String, &'static str) {
    match count.saturating_sub(1) {
        0 => (String::new(), "it"),
        more => (format!(" (and {more} more)"), "them"),
    }
}
