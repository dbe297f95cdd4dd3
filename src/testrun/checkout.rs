//! A clean checkout of one commit in a temporary worktree, for tests that must run on what a
//! release tag names rather than on the work tree (pre-push's own test run, the resume of a
//! release whose commit is below HEAD). The worktree is removed whatever happens: on drop
//! (a failed or panicking run), on Ctrl-C, SIGTERM or SIGHUP (deferred while it exists, see
//! `interrupt`), and, after a SIGKILL, by the next checkout, which removes every one whose
//! relhook is gone.

use std::path::{Path, PathBuf};

use git2::Oid;

use crate::git::Repo;
use crate::interrupt::Deferred;
use crate::{Error, Result};

/// The prefix of the temporary directory a checkout lives in (`<tmp>/relhook-test-XXXX`).
const PREFIX: &str = "relhook-test-";

/// The file beside the checkout naming the pid of the relhook that made it.
const OWNER: &str = "relhook.pid";

/// A detached worktree of one commit in a temporary directory, removed on drop (also when
/// the test run fails or panics).
pub struct Checkout<'a> {
    repo: &'a Repo,
    /// Holds the directory the worktree lives in; removed after the worktree.
    _dir: tempfile::TempDir,
    path: String,
    /// Signals wait until the worktree is gone (dropped last).
    _deferred: Deferred,
}

impl<'a> Checkout<'a> {
    /// Checks `commit` out in a new temporary worktree, with no hooks run.
    pub fn of(repo: &'a Repo, commit: Oid) -> Result<Checkout<'a>> {
        let deferred = Deferred::begin();
        sweep(repo);
        let dir = tempfile::Builder::new()
            .prefix(PREFIX)
            .tempdir()
            .map_err(|e| Error::io("create", std::env::temp_dir(), e))?;
        // Before the worktree exists: a worktree of relhook's always names its owner.
        let owner = dir.path().join(OWNER);
        std::fs::write(&owner, std::process::id().to_string())
            .map_err(|e| Error::io("write", &owner, e))?;
        let path = dir.path().join("checkout");
        let path = path
            .to_str()
            .ok_or_else(|| Error::NotUtf8Path(path.to_path_buf()))?
            .to_owned();
        let id = commit.to_string();
        let args = [
            "-c",
            "core.hooksPath=/dev/null",
            "worktree",
            "add",
            "--quiet",
            "--detach",
            &path,
            &id,
        ];
        if let Err(e) = repo.run_git_elsewhere(&args) {
            // A `worktree add` cut short (its git killed by the same Ctrl-C) may have
            // registered the worktree already.
            let _ = repo.run_git(&["worktree", "remove", "--force", "--force", &path], None);
            drop(dir);
            let _ = repo.run_git(&["worktree", "prune"], None);
            return Err(crate::interrupt::instead(e, "testing"));
        }
        // `worktree add` leaves submodules empty, where the work tree has their files.
        for u in repo.fill_submodules(commit, Path::new(&path)) {
            say_unfilled(&u);
        }
        Ok(Checkout {
            repo,
            _dir: dir,
            path,
            _deferred: deferred,
        })
    }

    /// The top of the checkout.
    pub fn path(&self) -> &Path {
        Path::new(&self.path)
    }
}

/// One line for a submodule the checkout leaves empty: a test that needs its files fails
/// there for that reason, not the project's.
fn say_unfilled(u: &crate::git::Unfilled) {
    use std::io::Write;
    let path = u.path.display();
    let commit = crate::git::short_id(u.commit);
    let why = if u.cloned {
        format!("this clone's copy of it lacks commit {commit}: `git submodule update` fetches it")
    } else {
        "it is not set up in this clone: `git submodule update --init` clones it".to_owned()
    };
    let _ = writeln!(
        std::io::stderr(),
        "relhook: note: submodule {path} is empty in the clean checkout ({why})"
    );
}

impl Drop for Checkout<'_> {
    fn drop(&mut self) {
        remove(self.repo, &self.path);
    }
}

fn remove(repo: &Repo, path: &str) {
    let removed = repo.run_git(&["worktree", "remove", "--force", "--force", path], None);
    if removed.is_err() {
        let _ = std::fs::remove_dir_all(path);
        let _ = repo.run_git(&["worktree", "prune"], None);
    }
}

/// The checkouts a killed relhook (SIGKILL, a power cut) left: worktrees named
/// `<tmp>/relhook-test-*/checkout` whose directory is gone, or whose owner is not running (or
/// is not named).
pub fn leaked(repo: &Repo) -> Vec<PathBuf> {
    let Ok(list) = repo.run_git(&["worktree", "list", "--porcelain"], None) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for path in list.lines().filter_map(|l| l.strip_prefix("worktree ")) {
        let checkout = Path::new(path);
        let Some(dir) = checkout.parent() else {
            continue;
        };
        let ours = checkout.file_name().is_some_and(|n| n == "checkout")
            && dir
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(PREFIX));
        let owner = std::fs::read_to_string(dir.join(OWNER))
            .ok()
            .and_then(|p| p.trim().parse::<u32>().ok());
        if ours && !(checkout.exists() && owner.is_some_and(crate::git::txn::alive)) {
            out.push(checkout.to_path_buf());
        }
    }
    out
}

/// Removes what [`leaked`] finds, with its temporary directory; a leftover whose directory is
/// gone already is pruned.
pub fn sweep(repo: &Repo) {
    for checkout in leaked(repo) {
        match (checkout.exists(), checkout.to_str(), checkout.parent()) {
            (true, Some(path), Some(dir)) => {
                remove(repo, path);
                let _ = std::fs::remove_dir_all(dir);
            }
            _ => {
                let _ = repo.run_git(&["worktree", "prune"], None);
            }
        }
    }
}
