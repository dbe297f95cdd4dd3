//! A release at work says so in the git dir (`relhook-release-running`: its pid), so that a
//! second release, `--resume` or doctor meanwhile tell a release still at work from an
//! interrupted one, rather than finishing (or redoing) what the first is doing.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::SystemTime;

use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// The file, in the common git dir (worktrees share their tags).
pub const FILE: &str = "relhook-release-running";

/// Where a killed release's mark goes once a command finds its process gone: no release is
/// said to be at work, and when that run began is still known (see [`killed_run_began`]).
const KILLED: &str = "relhook-release-killed";

/// The mark of this process's release, taken away when it ends (a kill leaves it, naming a
/// process that is gone, or a later one given its pid: no one takes it for a release at work,
/// and the first command that reads it moves it aside).
#[derive(Debug)]
pub struct Running {
    path: PathBuf,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Marks a release at work, or refuses while another live process's release is. Best effort
/// otherwise: a git dir that takes no file only loses the mark.
pub fn begin(repo: &Repo) -> Result<Option<Running>, Refusal> {
    if let Some(why) = refusal(repo) {
        return Err(why);
    }
    let path = repo.common_dir().join(FILE);
    let killed = repo.common_dir().join(KILLED);
    // A killed run's mark is replaced below: when that run began is kept for `killed_run_began`.
    if let Some(began) = killed_began(&path).or_else(|| killed_began(&killed)) {
        *REPLACED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(began);
    }
    let mark = crate::git::txn::own_mark();
    let written = std::fs::File::create(&path).and_then(|mut f| f.write_all(mark.as_bytes()));
    let _ = std::fs::remove_file(&killed);
    Ok(written.is_ok().then_some(Running { path }))
}

/// When the killed release whose mark [`begin`] replaced began (a `--resume` after it).
static REPLACED: Mutex<Option<SystemTime>> = Mutex::new(None);

/// When the mark at `path` was written, if it names a release killed since (its process gone).
fn killed_began(path: &std::path::Path) -> Option<SystemTime> {
    let text = std::fs::read_to_string(path).ok()?;
    if text.trim().is_empty() || crate::git::txn::marked_live(&text).is_some() {
        return None;
    }
    std::fs::metadata(path).ok()?.modified().ok()
}

/// When the last release killed in this repository began: its mark is left (the kill stopped
/// its removal), or this process's own release replaced it. What that run left since (an
/// empty lock, see `notes_lock`) is told by this from what a git at work holds.
pub fn killed_run_began(repo: &Repo) -> Option<SystemTime> {
    let dir = repo.common_dir();
    let left = killed_began(&dir.join(FILE)).or_else(|| killed_began(&dir.join(KILLED)));
    left.or_else(|| {
        *REPLACED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    })
}

/// The pid of another process's release at work, if one is, a killed run's mark left as it
/// is: a dry run writes nothing.
pub fn at_work(repo: &Repo) -> Option<u32> {
    let text = std::fs::read_to_string(repo.common_dir().join(FILE)).ok()?;
    let pid = crate::git::txn::marked_live(&text)?;
    (pid != std::process::id()).then_some(pid)
}

/// The pid of another process's release at work, if one is.
pub fn other(repo: &Repo) -> Option<u32> {
    let path = repo.common_dir().join(FILE);
    let text = std::fs::read_to_string(&path).ok()?;
    // Its start time tells a release at work from a killed one whose pid was given again.
    let Some(pid) = crate::git::txn::marked_live(&text) else {
        retire(repo, &path, &text);
        return None;
    };
    (pid != std::process::id()).then_some(pid)
}

/// Moves a killed release's mark (`text`, read from `path`) out of the way, renamed to
/// [`KILLED`]; one found to hold another mark by then (a release began meanwhile) is put
/// back. A half-written mark, naming no process yet, is left as it is.
fn retire(repo: &Repo, path: &std::path::Path, text: &str) {
    if crate::git::txn::marked_dead(text).is_none() {
        return;
    }
    let killed = repo.common_dir().join(KILLED);
    if std::fs::rename(path, &killed).is_err() {
        return;
    }
    if std::fs::read_to_string(&killed).ok().as_deref() != Some(text) {
        // A link fails where a newer mark took the name meanwhile: that one stays.
        let _ = std::fs::hard_link(&killed, path);
        let _ = std::fs::remove_file(&killed);
    }
}

/// Why nothing may be released, finished or undone now: another release is at work.
pub fn refusal(repo: &Repo) -> Option<Refusal> {
    other(repo).map(|pid| Refusal::bare(Reason::ReleaseRunning, describe(pid)))
}

/// One line for a release at work.
pub fn describe(pid: u32) -> String {
    format!(
        "another relhook release is at work in this repository (pid {pid}: its tests may be running); wait for it to finish, then `relhook doctor` says what is left"
    )
}
