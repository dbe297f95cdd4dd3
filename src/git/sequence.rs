//! A stopped pick that ends a series of cherry-picks or reverts (`git revert A B`). Its
//! `--continue` commits it with a child `git commit`, which removes `sequencer/` before
//! post-commit runs; then the parent checks that its index still matches HEAD, so an amend
//! there fails the whole command ("your local changes would be overwritten by revert").
//! commit-msg runs while the sequence is still on disk: it notes HEAD for post-commit. A
//! sequence started with `-n` (`git revert -n A B`) commits none of its picks: the commit the
//! user then makes is their own, and no git runs on after it, so nothing is noted.

use std::path::Path;

use git2::Oid;

use super::{Location, Repo};

/// The note in this worktree's git dir: the commit the concluding pick is made on.
const NOTE: &str = "relhook-sequence-pick";

/// commit-msg, once the message passed: notes HEAD and the message's subject when the commit
/// being made concludes a stopped pick of a sequence. Any other commit takes away a note left
/// by one never made (a key that could not sign it), which would otherwise speak for a later
/// commit of the same subject: one stat and one unlink. A note that cannot be written is not
/// worth refusing the commit over: post-commit would then amend as before. A `git revert -n`
/// waiting for this commit is noted too (see `revert_note`).
pub fn note_concluding_pick(loc: &Location, cwd: &Path, message: &[u8]) {
    super::revert_note::note_revert_head(loc, cwd, message);
    let dir = &loc.git_dir;
    if !dir.join("sequencer").is_dir()
        || !(dir.join("REVERT_HEAD").exists() || dir.join("CHERRY_PICK_HEAD").exists())
        || commits_nothing(dir)
    {
        let _ = std::fs::remove_file(dir.join(NOTE));
        return;
    }
    let Some(head) = Repo::open(cwd).ok().and_then(|r| r.head()) else {
        return;
    };
    let text = String::from_utf8_lossy(message);
    let subject = subject(&text);
    let _ = crate::fsx::write_atomic(&dir.join(NOTE), format!("{head}\n{subject}\n").as_bytes());
}

/// Whether the commit being written is a rebase's `reword` step: git has made the pick and
/// runs a child `git commit --amend` for its new message, so the last step in
/// `rebase-merge/done` (git appends each as it starts it) is `reword` (or `r`). A refused
/// message then stops the rebase on the pick: only an amend takes the message back.
pub fn rewording(loc: &Location) -> bool {
    let Ok(done) = std::fs::read_to_string(loc.git_dir.join("rebase-merge/done")) else {
        return false;
    };
    done.lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty() && !l.starts_with('#'))
        .and_then(|step| step.split_whitespace().next())
        .is_some_and(|command| command == "reword" || command == "r")
}

/// Whether the sequence under way was started with `-n`, as git records it in
/// `sequencer/opts` (`no-commit = true`).
fn commits_nothing(git_dir: &Path) -> bool {
    git2::Config::open(&git_dir.join("sequencer/opts"))
        .and_then(|c| c.get_bool("options.no-commit"))
        .unwrap_or(false)
}

/// The first line of a message that is neither blank nor a comment, trimmed.
pub(super) fn subject(message: &str) -> &str {
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
