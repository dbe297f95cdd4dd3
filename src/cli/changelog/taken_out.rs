//! The lines `--sync` says for the entries it took out of Unreleased: a change reverted before
//! any release, and a commit no branch holds any more (a rebase dropped it, or a reset); and
//! for the entries of lost commits it keeps, why (another ref holds the commit, or this branch
//! never did).

use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{EntryStyle, one_line};
use crate::history::sync::Dropped;

/// Each taken-out entry in one line, as the file writes it (`m`: its bullet).
pub(super) fn said(
    m: char,
    style: &EntryStyle,
    removed: &[(String, NewEntry)],
    lost: &[Dropped],
) -> Vec<String> {
    let reverted = removed.iter().map(|(commit, e)| {
        format!(
            "{}: removed `{m} {}` from {}: that change is reverted before any release",
            crate::git::short_hex(commit),
            one_line(&style.apply(&e.text)),
            e.section
        )
    });
    let gone = lost.iter().filter(|d| !d.kept()).map(|d| {
        format!(
            "{}: removed `{m} {}`: no branch holds that commit (`{}`) any more (a rebase dropped it, or a reset)",
            crate::git::short_id(d.commit),
            one_line(&d.entry),
            d.header
        )
    });
    reverted.chain(gone).chain(kept(m, lost)).collect()
}

/// Each kept entry of a lost commit in one line: why it stays, and the hand edit.
fn kept(m: char, lost: &[Dropped]) -> Vec<String> {
    lost.iter()
        .filter(|d| d.kept())
        .map(|d| {
            format!(
                "{}: kept `{m} {}`: no branch holds that commit (`{}`) {}; remove the entry by hand if it should not ship",
                crate::git::short_id(d.commit),
                one_line(&d.entry),
                d.header,
                d.why_kept()
            )
        })
        .collect()
}
