//! A ref lock a killed transaction left: git2 moves a ref through `<ref>.lock`, so a process
//! killed inside that step leaves the lock, and git (and relhook) would refuse the ref until
//! someone removed it by hand.

use std::fs;
use std::path::{Path, PathBuf};

use git2::Oid;

use super::journal::{Journal, named};
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
    if let Some(lock) = killed_ref_lock(repo, name, new, journal_time) {
        let _ = fs::remove_file(&lock);
    }
}

/// The lock of ref `name` when it is the killed transaction's own (see
/// [`remove_killed_ref_lock`]).
fn killed_ref_lock(
    repo: &Repo,
    name: &str,
    new: Option<Oid>,
    journal_time: Option<std::time::SystemTime>,
) -> Option<PathBuf> {
    let lock = repo.ref_lock_path(name);
    let meta = fs::symlink_metadata(&lock).ok()?;
    let made_during = match (meta.modified().ok(), journal_time) {
        (Some(made), Some(journal)) => made >= journal,
        _ => false,
    };
    if !made_during || !meta.is_file() {
        return None;
    }
    let content = fs::read_to_string(&lock).unwrap_or_default();
    let content = content.trim();
    (content.is_empty() || new.is_some_and(|n| content == n.to_string())).then_some(lock)
}

/// The lock files the killed run `j` left that its recovery removes (its index lock, a ref's
/// it was moving), which every `git commit` (or update of that ref) fails on until then:
/// doctor names them in the run's row, so the row's command is seen to clear them too.
pub(super) fn left_by(repo: &Repo, j: &Journal, journal: &Path) -> Vec<PathBuf> {
    let index = j.index.as_deref().map(|i| named(Some(repo.git_dir()), i));
    let index = index.map(|i| super::left_lock::lock_of(&i));
    let own_index = index.filter(|l| {
        l.symlink_metadata().is_ok() && super::left_lock::foreign(l, journal, j.filled).is_none()
    });
    let journal_time = fs::metadata(journal).and_then(|m| m.modified()).ok();
    let refs = (j.refs.iter())
        .filter_map(|(_, new, name)| killed_ref_lock(repo, name, *new, journal_time));
    own_index.into_iter().chain(refs).collect()
}
