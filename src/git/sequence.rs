//! A stopped pick that ends a series of cherry-picks or reverts (`git revert A B`). Its
//! `--continue` commits it with a child `git commit`, which removes `sequencer/` before
//! post-commit runs; then the parent checks that its index still matches HEAD, so an amend
//! there fails the whole command ("your local changes would be overwritten by revert").
//! commit-msg runs while the sequence is still on disk: it notes HEAD for post-commit.

use std::path::Path;

use git2::Oid;

use super::{Location, Repo};

/// The note in this worktree's git dir: the commit the concluding pick is made on.
const NOTE: &str = "relhook-sequence-pick";

/// commit-msg, once the message passed: notes HEAD and the message's subject when the commit
/// being made concludes a stopped pick of a sequence. One stat for any other commit. A note
/// that cannot be written is not worth refusing the commit over: post-commit would then amend
/// as before.
pub fn note_concluding_pick(loc: &Location, cwd: &Path, message: &[u8]) {
    let dir = &loc.git_dir;
    if !dir.join("sequencer").is_dir()
        || !(dir.join("REVERT_HEAD").exists() || dir.join("CHERRY_PICK_HEAD").exists())
    {
        return;
    }
    let Some(head) = Repo::open(cwd).ok().and_then(|r| r.head()) else {
        return;
    };
    let text = String::from_utf8_lossy(message);
    let subject = subject(&text);
    let _ = crate::fsx::write_atomic(&dir.join(NOTE), format!("{head}\n{subject}\n").as_bytes());
}

/// The first line of a message that is neither blank nor a comment, trimmed.
fn subject(message: &str) -> &str {
    message
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("")
}

impl Repo {
    /// post-commit: whether HEAD is the pick commit-msg noted (made on the commit it noted,
    /// with the subject it noted: a note left by a pick then aborted speaks for no later
    /// commit); the note is taken away either way, so it speaks for one commit only.
    pub fn took_concluding_pick(&self) -> bool {
        let path = self.inner.path().join(NOTE);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return false;
        };
        let _ = std::fs::remove_file(&path);
        let Some(head) = self.head() else {
            return false;
        };
        let mut lines = text.lines();
        let Some(Ok(noted)) = lines.next().map(|l| Oid::from_str(l.trim())) else {
            return false;
        };
        let noted_subject = lines.next().unwrap_or("").trim();
        let Ok(commit) = self.inner.find_commit(head) else {
            return false;
        };
        let message = String::from_utf8_lossy(commit.message_bytes()).into_owned();
        commit.parent_id(0).ok() == Some(noted) && subject(&message) == noted_subject
    }
}
