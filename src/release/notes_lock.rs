//! The test records' ref lock (`refs/notes/relhook-tests.lock`) a release killed while it
//! recorded its test pass leaves behind: every later record (the `--resume` that finishes the
//! release) fails on it. Told apart from another process's lock by what it holds: the notes
//! commit the release was writing, with a test record on the release commit, while no release
//! is at work. A git at work for milliseconds is not asked to wait a minute for.

use std::path::PathBuf;

use git2::Oid;

use crate::git::Repo;
use crate::testrun::{NOTES_REF, TestRecord};

/// The notes ref's lock file, when it was left by a release of `commit` killed while it
/// recorded that commit's test pass (or, empty, by one killed as it took the lock).
pub fn left_recording(repo: &Repo, commit: Oid) -> Option<PathBuf> {
    let lock = repo.ref_lock_path(NOTES_REF);
    let text = std::fs::read_to_string(&lock).ok()?;
    // Killed between creating the lock and writing into it: no git at work leaves one empty
    // for seconds, and one made after a killed release began is that release's own (its
    // process gone, nothing of it is at work).
    if text.trim().is_empty() {
        let made = std::fs::metadata(&lock).ok()?.modified().ok()?;
        let old = made
            .elapsed()
            .is_ok_and(|age| age >= std::time::Duration::from_secs(2));
        let by_killed_run = super::running::killed_run_began(repo).is_some_and(|b| made >= b);
        let left = (old || by_killed_run) && super::running::other(repo).is_none();
        return left.then_some(lock);
    }
    let notes = Oid::from_str(text.trim()).ok()?;
    let note = repo.note_in(notes, commit)?;
    if TestRecord::parse_all(&note).is_empty() || super::running::other(repo).is_some() {
        return None;
    }
    Some(lock)
}

/// Why `--resume` stops before its tests: the record of their pass could not be written.
pub fn refusal(lock: &std::path::Path) -> crate::error::Refusal {
    let shown = lock.display().to_string();
    crate::error::Refusal::new(
        crate::error::Reason::HalfMade,
        format!(
            "{shown} is left by the release that was killed while it recorded its test pass (every test record fails until it goes)"
        ),
        format!("remove it (`rm {}`)", crate::shellword::quote(&shown)),
    )
}
