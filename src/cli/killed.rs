//! commit-msg's guard after a killed relhook: a commit that would quietly undo what a killed
//! run finished, or take what a killed release half-wrote, is refused with the command that
//! puts it right.

use std::io::Write;

use super::Context;
use crate::Result;
use crate::git::{self, Location};

/// A relhook killed after it amended HEAD, whose staged index someone then removed (git
/// advises deleting a stale `index.lock`), leaves the index from before its amend: a commit
/// made from it would quietly take its files (CHANGELOG.md) back. A release killed before it
/// moved the branch: a commit would take what it half-wrote. The journal is looked at only
/// when it exists (one stat per commit). A release testing its commit refuses any commit.
pub(super) fn commit_would_undo_or_take(ctx: &Context, loc: &Location) -> Result<bool> {
    // A release testing its commit takes it back if the tests fail: a commit on top of it
    // would keep the failed release commit under the user's (or be lost with it).
    if let Some(pid) = crate::git::txn::releasing(&loc.git_dir) {
        let mut err = crate::cli::stream::stderr();
        let _ = writeln!(
            err,
            "relhook: commit refused: a relhook release is testing its release commit (pid {pid}) and takes it back if the tests fail, so this commit would go on top of a release that may be undone"
        );
        let _ = writeln!(
            err,
            "relhook: fix: commit again when that release has finished (nothing of yours was changed)"
        );
        return Ok(true);
    }
    if !crate::git::txn::journal_path(&loc.git_dir).exists() {
        return Ok(false);
    }
    let repo = git::Repo::open(&ctx.cwd)?;
    let root = loc.work_tree.as_deref().unwrap_or(&loc.git_dir);
    let names = |files: &[std::path::PathBuf]| {
        files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap_or(f).display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut err = crate::cli::stream::stderr();
    if let Some(u) = crate::git::txn::undone_by_commit(&repo) {
        // A release's tag is made after its commit: its resume finishes both.
        let (what, it, fix) = if u.release {
            // `--allow-dirty`: the change being committed is in the tree, and stays out of it.
            let fix = crate::git::txn::advised(Some(&u.ran_with), || {
                crate::resume_advice::with("--allow-dirty")
            });
            (
                "a relhook release killed after its release commit",
                "it",
                fix,
            )
        } else {
            ("a relhook killed after amending HEAD", "its amend", u.sync)
        };
        let _ = writeln!(
            err,
            "relhook: commit refused: {what} (pid {}) left the index from before {it} (its \
             index.lock was removed), so this commit would take {} back",
            u.pid,
            names(&u.files)
        );
        let _ = writeln!(
            err,
            "relhook: fix: run `{fix}` (it finishes that {}), then commit again",
            if u.release { "release" } else { "amend" }
        );
        return Ok(true);
    }
    // Killed before it moved the branch, the release is undone by the next relhook command,
    // unless a commit takes what it wrote first (`git commit -a` once the locks are removed).
    if let Some(crate::git::txn::Undone {
        pid, files, sync, ..
    }) = crate::git::txn::taken_by_commit(&repo)
    {
        let _ = writeln!(
            err,
            "relhook: commit refused: a relhook release killed before it finished (pid {pid}) \
             left {} as it was writing it, and this commit would take that release's changes \
             with no release made",
            names(&files)
        );
        // Staged (`git add -A`), the files would count as the user's and the undo keep them:
        // they are unstaged first (their content is relhook's, no edit of the user's).
        let quoted: Vec<String> = files
            .iter()
            .map(|f| crate::shellword::from_top(f.strip_prefix(root).unwrap_or(f)))
            .collect();
        let _ = writeln!(
            err,
            "relhook: fix: run `git reset -q -- {} && {sync}` (it undoes that release), then commit again",
            quoted.join(" ")
        );
        return Ok(true);
    }
    Ok(false)
}
