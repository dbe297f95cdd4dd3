//! A journal whose relhook is still writing it (a release held by its tests' run, a
//! `changelog --sync` midway): waited for a bounded time, as git's lock users wait for a lock,
//! then refused in one line. Never finished or undone under its writer, whichever command
//! meets it.

use std::path::Path;
use std::time::{Duration, Instant};

use super::journal::{Journal, load};
use super::lock::lock_wait;
use super::writer::is_writer;
use crate::Error;
use crate::error::{Reason, Refusal};

/// Whether the relhook that wrote `j` is another process, still at work.
fn live(j: &Journal) -> bool {
    j.pid != std::process::id() && is_writer(j.pid, j.started)
}

/// `Err` when the relhook that wrote `j` is another process, still at work.
pub(super) fn refuse_if_live(j: &Journal) -> crate::Result<()> {
    match live(j) {
        true => Err(refusal(j)),
        false => Ok(()),
    }
}

/// Waits (a bounded time) while the journal at `path` is a live relhook's; `Err` when it
/// still is, saying which run to wait for. A journal that is gone, unreadable or left by a
/// killed run is the recovery's to look at. `Ok(true)` when there was no journal at all: the
/// caller need not look for one again (one begun since is refused by the index lock).
pub(super) fn wait_for_writer(path: &Path) -> crate::Result<bool> {
    let deadline = Instant::now() + lock_wait();
    loop {
        let j = match load(path) {
            Ok(None) => return Ok(true),
            Ok(Some(j)) => j,
            Err(_) => return Ok(false),
        };
        if !live(&j) {
            return Ok(false);
        }
        if Instant::now() >= deadline {
            return Err(refusal(&j));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// For a dry run, which writes nothing: the transaction a command that writes would finish
/// or undo first, said and left as it is (waited for while its relhook still writes, as
/// [`super::recover`] waits). `None` when there is none.
pub fn left_for_dry_run(repo: &crate::git::Repo) -> crate::Result<Option<super::Pending>> {
    // No journal still leaves a killed relhook's index lock for `pending` to name.
    wait_for_writer(&repo.git_dir().join(super::journal::JOURNAL))?;
    Ok(super::pending(repo).filter(|p| !p.running))
}

/// The one line for a journal a live relhook `j` is writing.
fn refusal(j: &Journal) -> Error {
    Error::Refused(Refusal::new(
        Reason::RelhookRunning,
        format!(
            "a relhook {} is running (pid {}) and is still writing its changes (or undoing them) in this repository; nothing was done",
            j.what, j.pid
        ),
        "wait for it to end, then run this again",
    ))
}
