//! `--allow-dirty` beside an uncommitted change of a lock's own entry. The lock edits follow
//! the work tree's text: a hand-set `0.1.0-dev` in Cargo.lock (or a uv.lock entry at another
//! version) got no edit, and the release commit kept HEAD's lock at the old version beside a
//! bumped manifest (`cargo build --locked` failed on the tag). The same edits are planned on
//! HEAD's locks too: a lock whose commit would differ from HEAD's lock with its own edit is
//! refused as any change where the release edits.

use std::path::{Path, PathBuf};

use crate::Result;
use crate::config::CommitConfig;
use crate::git::Repo;
use crate::history::version::files::{Edit, Locks};

/// Refuses the first lock that `work` (the edits planned on the work tree) would commit
/// otherwise than `plan` edits it from HEAD's text (`plan` runs the same lock edits on the
/// `Locks` it is given). A lock HEAD does not track, or that git converts, is passed over.
pub fn refuse_unmoved(
    repo: &Repo,
    root: &Path,
    rules: &CommitConfig,
    work: &[Edit],
    plan: impl Fn(Locks<'_>) -> Result<Vec<Edit>>,
) -> Result<()> {
    let Some(head) = repo.head() else {
        return Ok(());
    };
    let read = |p: &Path| {
        repo.file_at(head, p)
            .ok()
            .flatten()
            .filter(|f| !f.is_link())
            .map(|f| f.bytes)
    };
    // HEAD's lock, which relhook cannot edit, is the work tree's edits' to judge.
    let Ok(at_head) = plan(Locks::Given(&read)) else {
        return Ok(());
    };
    let mut locks: Vec<&PathBuf> = work
        .iter()
        .chain(&at_head)
        .map(|e| &e.path)
        .filter(|p| super::untracked_locks::is_lock(p))
        .collect();
    locks.sort();
    locks.dedup();
    for path in locks {
        // A lock HEAD lacks first: its attributes are not read.
        let Some(stored) = read(path) else {
            continue;
        };
        if repo.filter_driver(path).is_some() || repo.working_tree_encoding(path).is_some() {
            continue;
        }
        let wanted = at_head
            .iter()
            .find(|e| e.path == *path)
            .map_or(&stored, |e| &e.after);
        let stores = match work.iter().find(|e| e.path == *path) {
            Some(e) => super::dirty::committed(repo, head, e, rules)?,
            None => match crate::fsx::project_bytes(&crate::fsx::confine(root, path)?)? {
                // Unedited: committed as HEAD has it, whatever the work tree holds.
                Some(bytes) => {
                    let same = Edit {
                        path: path.clone(),
                        before: bytes.clone(),
                        after: bytes,
                        committed: None,
                    };
                    super::dirty::committed(repo, head, &same, rules)?.map(|_| stored.clone())
                }
                None => Some(stored.clone()),
            },
        };
        // `None`: no uncommitted change, so both plans read the same text.
        if stores.is_some_and(|s| s != *wanted) {
            return Err(super::dirty::not_carried(path, rules));
        }
    }
    Ok(())
}
