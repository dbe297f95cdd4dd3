//! An amend that takes away the only entry of a changelog its commit created: what is left is
//! relhook's empty template, which was never the user's file, so it leaves the commit, the
//! index and the work tree instead of staying as an empty skeleton.

use std::path::Path;

use crate::Result;
use crate::git::{Repo, StoredFile, Txn};

/// Whether the file at `path`, stored in `head` and about to become `text`, leaves the commit:
/// `text` is the template, the parent has no such file, and the index and the work tree hold
/// the committed version (a copy the user changed is theirs, and left as today).
pub(super) fn leaves(
    repo: &Repo,
    head: git2::Oid,
    path: &Path,
    stored: Option<&StoredFile>,
    text: &str,
) -> Result<bool> {
    let Some(stored) = stored else {
        return Ok(false);
    };
    if text.trim_end() != crate::history::changelog::TEMPLATE.trim_end() {
        return Ok(false);
    }
    if let Some(parent) = repo.first_parent(head)
        && repo.file_at(parent, path)?.is_some()
    {
        return Ok(false);
    }
    let Some(root) = repo.work_tree() else {
        return Ok(false);
    };
    Ok(repo.staged_blob(path) == Some(stored.blob)
        && crate::fsx::regular_file_holds(&root.join(path), &stored.bytes)? == Some(true))
}

/// Inside the transaction: the index entry and the work-tree file go when they still hold the
/// committed version (compared under the lock); a copy changed since is the user's and stays.
pub(super) fn take_out(
    repo: &Repo,
    txn: &mut Txn<'_>,
    path: &Path,
    stored: &StoredFile,
) -> Result<()> {
    if txn.staged(path)?.map(|(id, _)| id) == Some(stored.blob) {
        txn.restage(path, None)?;
    }
    if let Some(root) = repo.work_tree()
        && crate::fsx::regular_file_holds(&crate::fsx::confine(&root, path)?, &stored.bytes)?
            == Some(true)
    {
        txn.remove_file(path)?;
    }
    Ok(())
}
