//! A clean checkout of one commit in a temporary worktree, for tests that must run on what a
//! release tag names rather than on the work tree (pre-push's own test run, the resume of a
//! release whose commit is below HEAD).

use std::path::Path;

use git2::Oid;

use crate::git::Repo;
use crate::{Error, Result};

/// A detached worktree of one commit in a temporary directory, removed on drop (also when
/// the test run fails or panics).
pub struct Checkout<'a> {
    repo: &'a Repo,
    /// Holds the directory the worktree lives in; removed after the worktree.
    _dir: tempfile::TempDir,
    path: String,
}

impl<'a> Checkout<'a> {
    /// Checks `commit` out in a new temporary worktree, with no hooks run.
    pub fn of(repo: &'a Repo, commit: Oid) -> Result<Checkout<'a>> {
        let dir = tempfile::Builder::new()
            .prefix("relhook-test-")
            .tempdir()
            .map_err(|e| Error::io("create", std::env::temp_dir(), e))?;
        let path = dir.path().join("checkout");
        let path = path
            .to_str()
            .ok_or_else(|| Error::NotUtf8Path(path.to_path_buf()))?
            .to_owned();
        let id = commit.to_string();
        repo.run_git(
            &[
                "-c",
                "core.hooksPath=/dev/null",
                "worktree",
                "add",
                "--quiet",
                "--detach",
                &path,
                &id,
            ],
            None,
        )?;
        Ok(Checkout {
            repo,
            _dir: dir,
            path,
        })
    }

    /// The top of the checkout.
    pub fn path(&self) -> &Path {
        Path::new(&self.path)
    }
}

impl Drop for Checkout<'_> {
    fn drop(&mut self) {
        let removed = self.repo.run_git(
            &["worktree", "remove", "--force", "--force", &self.path],
            None,
        );
        if removed.is_err() {
            let _ = std::fs::remove_dir_all(&self.path);
            let _ = self.repo.run_git(&["worktree", "prune"], None);
        }
    }
}
