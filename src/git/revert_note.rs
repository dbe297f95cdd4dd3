//! `git revert -n <commit>`, then a commit with a message of one's own (`revert: drop k`)
//! that names no commit: git keeps REVERT_HEAD until that commit is made, and takes it away
//! before post-commit runs. commit-msg still sees it, and notes it (with HEAD and the
//! subject) for post-commit, which can then tell the commit reverted.

use std::path::Path;

use git2::Oid;

use super::sequence::subject;
use super::{Location, Repo};

/// The note in this worktree's git dir: HEAD, REVERT_HEAD's commit and the subject.
const NOTE: &str = "relhook-revert-head";

/// commit-msg, once the message passed: notes REVERT_HEAD when one commit's revert waits
/// for this commit (not a sequence's step: `sequencer/` names several). Any other commit
/// costs one failed open: a note left by a commit never made is taken away by the next
/// post-commit, which trusts it only on the commit and subject noted. A note that cannot
/// be written is not worth refusing the commit over.
pub(super) fn note_revert_head(loc: &Location, cwd: &Path, message: &[u8]) {
    let dir = &loc.git_dir;
    let Ok(text) = std::fs::read_to_string(dir.join("REVERT_HEAD")) else {
        return;
    };
    let Some(reverted) = (!dir.join("sequencer").exists())
        .then(|| Oid::from_str(text.trim()).ok())
        .flatten()
    else {
        return;
    };
    let Some(head) = Repo::open(cwd).ok().and_then(|r| r.head()) else {
        return;
    };
    let text = String::from_utf8_lossy(message);
    let note = format!("{head}\n{reverted}\n{}\n", subject(&text));
    let _ = crate::fsx::write_atomic(&dir.join(NOTE), note.as_bytes());
}

impl Repo {
    /// post-commit: the commit REVERT_HEAD named when commit-msg ran, if HEAD is the commit
    /// then made (on the commit noted, with the subject noted); the note is taken away
    /// either way, so it speaks for one commit only.
    pub fn took_revert_head(&self) -> Option<Oid> {
        let path = self.inner.path().join(NOTE);
        let text = std::fs::read_to_string(&path).ok()?;
        let _ = std::fs::remove_file(&path);
        let mut lines = text.lines();
        let noted = Oid::from_str(lines.next()?.trim()).ok()?;
        let reverted = Oid::from_str(lines.next()?.trim()).ok()?;
        let noted_subject = lines.next().unwrap_or("").trim();
        let commit = self.inner.find_commit(self.head()?).ok()?;
        let message = String::from_utf8_lossy(commit.message_bytes()).into_owned();
        let taken = (commit.parent_id(0).ok() == Some(noted) && subject(&message) == noted_subject)
            .then_some(reverted);
        self.revert_taken.set(taken);
        taken
    }

    /// What [`Repo::took_revert_head`] took in this process: the commit HEAD's commit reverts
    /// by `git revert --no-commit`, whatever its message says.
    pub fn revert_head_taken(&self) -> Option<Oid> {
        self.revert_taken.get()
    }
}
