//! `--allow-dirty`: a release beside uncommitted changes, never with them. A file the release
//! edits that has unstaged changes is committed as HEAD's version with relhook's edit carried
//! over onto it; the work tree keeps the changes, with the same edit made in it.

use git2::Oid;

use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::Edit;
use crate::{Error, Result};

/// How to get a clean tree past `dirty` (what `dirty_paths` found): plain `git stash` leaves
/// new files where they are, so new files are named with `git stash -u` and `.gitignore`.
pub fn clean_tree_fix(repo: &Repo, dirty: &[String]) -> &'static str {
    let untracked = repo.untracked_paths(1000).unwrap_or_default();
    let new = dirty.iter().filter(|p| untracked.contains(p)).count();
    if new == 0 {
        "commit or stash first"
    } else if new == dirty.len() {
        "commit them, stash them (`git stash -u`: plain `git stash` leaves new files) or, for build output, add them to .gitignore first"
    } else {
        "commit or stash first (`git stash -u`: plain `git stash` leaves new files)"
    }
}

/// What the release commit stores for `edit` when the file differs from its version in
/// `head` (stored form: the blob's bytes), or `None` when it does not (the commit stores
/// `edit.after`). Refused, naming the file, when the edit does not carry over cleanly.
pub fn committed(repo: &Repo, head: Oid, edit: &Edit) -> Result<Option<Vec<u8>>> {
    let Some(stored) = repo.file_at(head, &edit.path)? else {
        return Ok(None);
    };
    let as_is = Edit {
        path: edit.path.clone(),
        before: Vec::new(),
        after: edit.before.clone(),
    };
    if super::files::stored_blob(repo, head, &as_is)? == stored.blob {
        return Ok(None);
    }
    // A CRLF work tree over LF blobs: merged as stored.
    let lf = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace("\r\n", "\n")
            .into_bytes()
    };
    let (base, ours) = if !stored.bytes.contains(&b'\r') && edit.before.contains(&b'\r') {
        (lf(&edit.before), lf(&edit.after))
    } else {
        (edit.before.clone(), edit.after.clone())
    };
    match repo.merge_texts(&edit.path, &base, &ours, &stored.bytes)? {
        Some(merged) => Ok(Some(merged)),
        None => Err(Error::Refused(Refusal::new(
            Reason::DirtyTree,
            format!(
                "{} has uncommitted changes where the release edits it",
                edit.path.display()
            ),
            "commit or stash them first; --allow-dirty leaves out only changes the release's edits do not touch",
        ))),
    }
}

/// The changelog edit (`edits[0]`) with what the release commit holds, after checking that
/// every edit carries over (see [`committed`]).
pub fn committed_section(repo: &Repo, head: Oid, edits: &[Edit]) -> Result<Edit> {
    let mut committed = edits
        .iter()
        .map(|e| committed(repo, head, e))
        .collect::<Result<Vec<_>>>()?;
    Ok(match committed.swap_remove(0) {
        Some(after) => Edit {
            after,
            ..edits[0].clone()
        },
        None => edits[0].clone(),
    })
}

/// The blob the release commit stores for each edit, and whether the work tree gets its
/// content (`false`: the file keeps uncommitted changes beside the edit).
pub fn blobs(repo: &Repo, head: Oid, edits: &[Edit]) -> Result<Vec<(Oid, bool)>> {
    edits
        .iter()
        .map(|e| match committed(repo, head, e)? {
            Some(bytes) => Ok((repo.write_blob(&bytes)?, false)),
            None => Ok((super::files::stored_blob(repo, head, e)?, true)),
        })
        .collect()
}
