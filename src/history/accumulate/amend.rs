//! The rewrite of HEAD with its changelog edits: the new commit's objects first, then, in one
//! transaction holding the index lock, the work tree, the index and HEAD.

use git2::Oid;

use super::Edit;
use super::tree::{update_index, update_work_tree};
use crate::Result;
use crate::git::{Amended, Repo};

/// What the edits did, file by file, for the user.
pub(super) fn describe(edits: &[Edit]) -> String {
    edits
        .iter()
        .map(|e| {
            let done = match e.stored {
                Some(_) if e.gone => format!(
                    "{}, and took the file out of the commit: only relhook's empty template was left",
                    e.op.describe(e.marker)
                ),
                Some(_) => match &e.adopted {
                    Some(adopted) => format!("{adopted}, and {}", e.op.describe(e.marker)),
                    None => e.op.describe(e.marker),
                },
                None => format!("created it, and {}", e.op.describe(e.marker)),
            };
            format!("{}: {done}", e.path.display())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What a signal under post-commit's guard stops (see `interrupt`): named in its one line.
pub const ADDING: &str = "adding the changelog entry";

/// How [`amend_head`] ended.
pub(super) enum Amend {
    /// HEAD is `new`; `notes`: problems with the work tree copies.
    Done { new: Oid, notes: Vec<String> },
    /// The commit cannot be rewritten (see `Repo::amended_commit`), and why.
    Refused(String),
    /// HEAD moved before the transaction held the lock; nothing changed.
    Moved,
}

/// Rewrites HEAD (`head`) with the `edits`' files, and the work tree and the index with it,
/// in one transaction (`what`, and the command that adds what an undone run was adding when
/// it is not `relhook changelog --sync`).
pub(super) fn amend_head(
    repo: &Repo,
    head: Oid,
    edits: &mut [Edit],
    (what, sync): (&str, Option<&str>),
) -> Result<Amend> {
    // A Ctrl-C while the edits were planned: nothing is written (see `interrupt`).
    crate::interrupt::check(ADDING)?;
    // Objects first: nothing refers to them until HEAD moves.
    for e in edits.iter_mut().filter(|e| !e.gone) {
        let blob = repo.write_blob_parts(&e.parts())?;
        e.blob = blob;
    }
    let files: Vec<(&std::path::Path, Option<Oid>, i32)> = edits
        .iter()
        .map(|e| (e.path.as_path(), (!e.gone).then_some(e.blob), e.mode))
        .collect();
    let new = match repo.amended_commit(head, &files)? {
        Amended::Commit(new) => new,
        Amended::Refused(why) => return Ok(Amend::Refused(why)),
    };
    // Then, holding the index lock, the work tree, the index and HEAD, in that order.
    let mut txn = match sync {
        None => repo.transaction(what)?,
        Some(sync) => repo.transaction_synced_by(what, sync)?,
    };
    // A signal before HEAD moves undoes all (dropping `txn`); after, the amend finishes.
    txn.undo_on_signal(ADDING)?;
    if repo.head() != Some(head) {
        return Ok(Amend::Moved);
    }
    let mut notes = Vec::new();
    for e in edits.iter() {
        if let (true, Some(stored)) = (e.gone, &e.stored) {
            super::skeleton::take_out(repo, &mut txn, &e.path, stored)?;
            continue;
        }
        let committed = e.stored.as_ref().map(|s| (s.bytes.as_slice(), s.blob));
        notes.extend(update_work_tree(
            repo,
            &mut txn,
            &e.path,
            committed,
            (e.parts(), e.blob),
            (&e.op, &e.leftovers, &e.order),
        )?);
        notes.extend(update_index(
            repo,
            &mut txn,
            &e.path,
            committed,
            e.mode,
            (e.parts(), e.blob),
            (&e.op, &e.order),
        )?);
    }
    txn.move_head(head, new, crate::git::ENTRY_REWRITE)?;
    txn.commit()?;
    Ok(Amend::Done { new, notes })
}
