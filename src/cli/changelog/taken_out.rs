//! The lines `--sync` says for the entries it took out of Unreleased: a change reverted before
//! any release, and a commit no branch holds any more (a rebase dropped it, or a reset); and
//! for the entries of lost commits it keeps, why (another ref holds the commit, or this branch
//! never did); and for the entries of the commits a squash merge carries, which its own
//! entry replaces.

use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{EntryStyle, one_line};
use crate::history::sync::{Dropped, SquashStand, SyncPlan};

/// What a sync plan takes out of Unreleased, or keeps though it reads as taken out.
#[derive(Default)]
pub(super) struct Gone {
    removed: Vec<(String, NewEntry)>,
    lost: Vec<Dropped>,
    squashed: Vec<SquashStand>,
}

impl Gone {
    /// Taken from `plan`.
    pub(super) fn of(plan: &mut SyncPlan) -> Gone {
        Gone {
            removed: std::mem::take(&mut plan.removed),
            lost: std::mem::take(&mut plan.lost),
            squashed: std::mem::take(&mut plan.squashed),
        }
    }

    /// Whether nothing is said of it but what the added entries say (a squash's own is added).
    pub(super) fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.lost.is_empty()
    }

    /// Each line, as the file writes the entries (`m`: its bullet): the squashes' first.
    pub(super) fn said(&self, m: char, style: &EntryStyle) -> Vec<String> {
        let squashed = self.squashed.iter().flat_map(|s| s.said());
        squashed
            .chain(said(m, style, &self.removed, &self.lost))
            .collect()
    }
}

/// Each taken-out entry in one line, as the file writes it (`m`: its bullet).
fn said(
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
