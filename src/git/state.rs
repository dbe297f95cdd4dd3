//! The repository's state as a release runbook checks it by hand: a clean tree, the branch,
//! its upstream, the tags already taken; and the few writes a release makes through `git`
//! itself (commit and tag, so that the user's signing setup and identity apply).

use std::path::Path;
use std::process::{Command, Stdio};

use git2::{Oid, Status, StatusOptions};

use super::Repo;
use crate::{Error, Result};

impl Repo {
    /// Paths that make the work tree dirty (modified, staged, untracked), at most `limit`.
    pub fn dirty_paths(&self, limit: usize) -> Result<Vec<String>> {
        let mut opts = StatusOptions::new();
        opts.include_untracked(true)
            .include_ignored(false)
            .exclude_submodules(false);
        let statuses = self
            .git2()
            .statuses(Some(&mut opts))
            .map_err(|e| Error::git("read the status", e))?;
        Ok(statuses
            .iter()
            .filter(|s| s.status() != Status::CURRENT && !s.status().contains(Status::IGNORED))
            .take(limit)
            .map(|s| s.path().unwrap_or("?").to_owned())
            .collect())
    }

    /// The current branch's short name; `None` when HEAD is detached or unborn.
    pub fn branch(&self) -> Option<String> {
        let head = self.git2().head().ok()?;
        head.is_branch()
            .then(|| head.shorthand().map(str::to_owned))
            .flatten()
    }

    /// How many commits the branch's upstream (as last fetched) has that HEAD lacks.
    pub fn behind_upstream(&self) -> Option<(String, usize)> {
        let head = self.git2().head().ok()?;
        if !head.is_branch() {
            return None;
        }
        let local = head.target()?;
        let up = git2::Branch::wrap(head).upstream().ok()?;
        let name = up.name().ok().flatten()?.to_owned();
        let (_, behind) = self
            .git2()
            .graph_ahead_behind(local, up.get().target()?)
            .ok()?;
        Some((name, behind))
    }

    /// The object a tag name points at, if the tag exists.
    pub fn tag_target(&self, name: &str) -> Option<Oid> {
        self.git2()
            .find_reference(&format!("refs/tags/{name}"))
            .ok()?
            .target()
    }

    /// Runs `git` in the work tree with relhook's own hooks switched off (the release makes
    /// these refs itself), feeding `stdin`; fails with git's message.
    pub fn run_git(&self, args: &[&str], stdin: Option<&[u8]>) -> Result<String> {
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.git2().path().to_owned());
        let mut cmd = Command::new("git");
        cmd.current_dir(&cwd)
            .args(args)
            .env("RELHOOK_SKIP", "1")
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let what = format!("git {}", args.first().copied().unwrap_or(""));
        let mut child = cmd.spawn().map_err(|e| Error::io("run", &what, e))?;
        if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
            use std::io::Write;
            pipe.write_all(input)
                .map_err(|e| Error::io("write to", &what, e))?;
        }
        let out = child
            .wait_with_output()
            .map_err(|e| Error::io("run", &what, e))?;
        if !out.status.success() {
            return Err(Error::GitCommand {
                args: args.join(" "),
                status: out.status.code(),
                stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
            });
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    /// Moves the current branch (or a detached HEAD) back to `to` and restores the index
    /// entries of `paths` from it: a soft undo of a commit relhook made.
    pub fn undo_commit(&self, to: Oid, paths: &[&Path]) -> Result<()> {
        let repo = self.git2();
        let target = repo
            .find_object(to, None)
            .map_err(|e| Error::git("find the commit to return to", e))?;
        repo.reset(&target, git2::ResetType::Soft, None)
            .map_err(|e| Error::git("move HEAD back", e))?;
        if !paths.is_empty() {
            repo.reset_default(Some(&target), paths.iter().copied())
                .map_err(|e| Error::git("restore the index", e))?;
        }
        Ok(())
    }
}
