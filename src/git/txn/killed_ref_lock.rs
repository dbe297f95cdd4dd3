//! A ref lock a killed transaction left: git2 moves a ref through `<ref>.lock`, so a process
//! killed inside that step leaves the lock, and git (and relhook) would refuse the ref until
//! someone removed it by hand.

use std::fs;

use git2::Oid;

use crate::git::Repo;

/// git2 moves a ref through `<ref>.lock`; killed inside that step, the process leaves the
/// lock, and git (and relhook) would refuse the ref until someone removed it by hand. A lock
/// made during the killed transaction (not older than its journal, whose process held the
/// index lock throughout) that is empty or holds the journal's new value is that process's
/// own, and goes.
pub(super) fn remove_killed_ref_lock(
    repo: &Repo,
    name: &str,
    new: Option<Oid>,
    journal_time: Option<std::time::SystemTime>,
) {
    let lock = repo.ref_lock_path(name);
    let Ok(meta) = fs::symlink_metadata(&lock) else {
        return;
    };
    let made_during = match (meta.modified().ok(), journal_time) {
        (Some(made), Some(journal)) => made >= journal,
        _ => false,
    };
    if !made_during || !meta.is_file() {
        return;
    }
    let content = fs::read_to_string(&lock).unwrap_or_default();
    let content = content.trim();
    if content.is_empty() || new.is_some_and(|n| content == n.to_string()) {
        let _ = fs::remove_file(&lock);
    }
}
