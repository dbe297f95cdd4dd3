//! The merge driver's way with an entry one side took out and the other reworded by hand
//! (`git revert` of an unreleased change whose entry was polished since): the rewording goes
//! as the entry would have (see `history::changelog::reworded_out`), said in one line.

use super::driver::eprintln_note;
use crate::cli::Context;
use crate::history::changelog::reworded_out::{TakenOut, take_out_reworded};
use crate::history::changelog::{Changelog, EditError, one_line};

/// `merged` as it is, unless it is a conflict of the kind the module is about: then the
/// side that kept its entries, with the entries the other side took out taken out. A
/// rewording it cannot pair leaves the file as HEAD has it and names the entry, in a revert or
/// pick only (a merge or a rebase keeps the conflict for a person to resolve).
pub(super) fn or_taken_out(
    ctx: &Context,
    label: &str,
    (b, o, t): (&Changelog, &Changelog, &Changelog),
    merged: Result<String, EditError>,
) -> Result<String, EditError> {
    if !matches!(
        merged,
        Err(EditError::Conflict(_) | EditError::LineMerge { .. })
    ) {
        return merged;
    }
    // HEAD took the entries out and the applied side reworded one: only a pairing will do.
    let theirs_kept = || take_out_reworded(b, t, o).filter(|out| out.unpaired.is_empty());
    let Some(out) = take_out_reworded(b, o, t).or_else(theirs_kept) else {
        return merged;
    };
    if !out.unpaired.is_empty() && !picking(ctx) {
        return merged;
    }
    say(label, o.marker(), &out);
    Ok(out.text)
}

/// Whether git is applying one commit on HEAD (a revert or a cherry-pick): neither names a
/// merged head, nor is a rebase under way.
fn picking(ctx: &Context) -> bool {
    let rebasing = ctx
        .repo()
        .ok()
        .and_then(|r| r.operation_in_progress())
        .is_some_and(|op| op.starts_with("a rebase"));
    super::released_words::merged_head().is_none() && !rebasing
}

fn say(label: &str, marker: char, out: &TakenOut) {
    for (gone, hand) in &out.reworded {
        eprintln_note(&format!(
            "{label}: took `{marker} {}` out of Unreleased: it rewords `{marker} {}`, which the change applied takes out",
            one_line(&hand.text),
            one_line(&gone.text)
        ));
    }
    for gone in &out.unpaired {
        eprintln_note(&format!(
            "{label}: the change applied takes `{marker} {}` out of Unreleased, which no longer lists it as written: left as it was; take out by hand any rewording of it still listed",
            one_line(&gone.text)
        ));
    }
}
