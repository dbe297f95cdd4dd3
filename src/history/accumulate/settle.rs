//! The last word on a commit's edit, where hand-written entries and entries worded alike
//! meet: an amend that outweighs a hand entry, or whose hand entry stands again; a plain
//! commit whose entry stands word for word under a lighter heading; and an amend (or the same
//! change committed again after a reset) that would take out or move an entry the amended
//! commit never carried (another commit's, worded alike: "already under Fixed").

use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use super::op::{self, Op};
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize};

/// How `op`, the edit decided for commit `head`, ends: `amended`, the commit an amend (or a
/// redo) replaced; `old_changed_file`, whether that one changed the file itself.
pub(super) fn settle(
    (repo, config): (&Repo, &Config),
    (head, amended): (Oid, Option<Oid>),
    (path, log): (&Path, &Changelog),
    (old, new): (Option<&NewEntry>, Option<&NewEntry>),
    (op, old_changed_file): (Option<Op>, bool),
) -> Result<Option<Op>> {
    let brought = |commit: Oid| -> HashSet<String> {
        crate::history::sync::added_by(repo, commit, path)
            .iter()
            .map(|t| normalize(t))
            .collect()
    };
    let op = match op {
        // An amend that makes the message weigh more than the hand entry it carries.
        None if old_changed_file => {
            super::hand_edited::outweighed((repo, config), head, (path, log), (old, new))?
        }
        // A plain commit whose entry is there word for word, under a lighter heading: its
        // own, brought along, moves; another commit's (`fix: support yaml` before this
        // `feat: support yaml`) stays, and this one's is added under its own heading.
        None if amended.is_none() => new.and_then(|n| {
            op::misplaced(log, n, &brought(head), config)
                .or_else(|| op::lighter_only(log, n, config).then(|| Op::Add(n.clone())))
        }),
        // ... and the amend back: the hand entry stands for the message again.
        Some(Op::Replace(o, n) | Op::Move(o, n)) if old_changed_file => {
            let back =
                super::hand_edited::stands_again((repo, config), head, (path, log), (&o, &n))?;
            back.or(Some(if o.text == n.text {
                Op::Move(o, n)
            } else {
                Op::Replace(o, n)
            }))
        }
        op => op,
    };
    // Only what the amended commit carried is its to take out or move.
    if let (Some(amended), Some(Op::Remove(o) | Op::Replace(o, _) | Op::Move(o, _))) =
        (amended, &op)
        && !brought(amended).contains(&normalize(&o.text))
    {
        return Ok(match op {
            Some(Op::Replace(_, n)) if !log.contains_entry(&n.text, true) => Some(Op::Add(n)),
            _ => None,
        });
    }
    Ok(op)
}
