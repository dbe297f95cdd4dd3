//! A release at work says so in the git dir (`relhook-release-running`: its pid), so that a
//! second release, `--resume` or doctor meanwhile tell a release still at work from an
//! interrupted one, rather than finishing (or redoing) what the first is doing.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// The file, in the common git dir (worktrees share their tags).
pub const FILE: &str = "relhook-release-running";

/// The mark of this process's release, taken away when it ends (a kill leaves it, naming a
/// process that is gone, or a later one given its pid: no one takes it for a release at work).
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
    let mark = crate::git::txn::own_mark();
    let written = std::fs::File::create(&path).and_then(|mut f| f.write_all(mark.as_bytes()));
    Ok(written.is_ok().then_some(Running { path }))
}

/// The pid of another process's release at work, if one is.
pub fn other(repo: &Repo) -> Option<u32> {
    let text = std::fs::read_to_string(repo.common_dir().join(FILE)).ok()?;
    // Its start time tells a release at work from a killed one whose pid was given again.
    let pid = crate::git::txn::marked_live(&text)?;
    (pid != std::process::id()).then_some(pid)
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
