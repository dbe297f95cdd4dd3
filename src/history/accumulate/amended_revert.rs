//! An amend that makes a commit the revert of an unreleased change (a `Refs: <id>` footer
//! added to a `revert:` commit that named nothing it reverts): made so at once, the revert
//! would get no entry, so the entry its old message wrote goes with the reverted change's.
//! Only the entry the amended commit itself brought goes: one a person reworded, or another
//! commit's in the same words, stays. A reapply (git's `Reapply "fix: x"`, a revert of a
//! revert) amended as a reapply is no such commit: its entry is the change it brings back.

use std::path::Path;

use git2::Oid;

use super::op::{Op, in_section};
use crate::git::Repo;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize};

/// `revert`, the edit decided for the revert of `reverted` (`None`: no edit), with `old`, the
/// entry of `amended` (the commit the amend replaced), taken out too while the file lists it
/// under its heading as that commit brought it; but not when `subject`, the new message's,
/// reapplies a change whose entry (`new`) is the old one.
pub(super) fn with_old_out(
    repo: &Repo,
    (amended, subject): (Oid, &str),
    (path, log): (&Path, &Changelog),
    (old, new, reverted): (Option<&NewEntry>, Option<&NewEntry>, &NewEntry),
    revert: Option<Op>,
) -> Option<Op> {
    let key = |e: &NewEntry| normalize(&e.text);
    let reapplied = |o: &NewEntry| {
        crate::commit::parse::reapplied(subject).is_some() && new.is_some_and(|n| key(n) == key(o))
    };
    let Some(old) = old.filter(|o| key(o) != key(reverted) && in_section(log, o) && !reapplied(o))
    else {
        return revert;
    };
    let brought = crate::history::sync::added_by(repo, amended, path);
    if !brought.iter().any(|t| normalize(t) == key(old)) {
        return revert;
    }
    let out = Op::Remove(old.clone());
    Some(match revert {
        Some(op) => Op::Both(Box::new(op), Box::new(out)),
        None => out,
    })
}
