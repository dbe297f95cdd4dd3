//! Lock files git leaves behind when it is killed mid-update: every later update of that ref
//! (or of the index) fails until the file goes, and git's own message says so only then.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::Repo;

/// How deep under `refs/` lock files are looked for (`refs/tags/v1.0.0.lock` is two down; a
/// ref in nested folders deeper).
const DEPTH: usize = 8;

impl Repo {
    /// Waits (a bounded time) until no process holds the lock of any of the tags `names`, or
    /// HEAD's (git's own commit takes it, and the release commit moves HEAD's branch), so that
    /// a release finds a lock left behind before its commit and tests, not at its tag.
    pub fn wait_for_tag_locks(
        &self,
        names: impl IntoIterator<Item = impl AsRef<str>>,
    ) -> crate::Result<()> {
        let deadline = std::time::Instant::now() + super::txn::lock_wait();
        self.wait_for_lock(&self.inner.path().join("HEAD.lock"), deadline)?;
        for name in names {
            let file = format!("{}.lock", name.as_ref());
            let lock = self.inner.commondir().join("refs/tags").join(file);
            self.wait_for_lock(&lock, deadline)?;
        }
        Ok(())
    }

    /// Waits (a bounded time) until no process holds HEAD's lock: libgit2 moves HEAD's branch
    /// (and writes HEAD's reflog) without taking it, where git would wait for it or fail.
    pub fn wait_for_head_lock(&self) -> crate::Result<()> {
        let deadline = std::time::Instant::now() + super::txn::lock_wait();
        self.wait_for_lock(&self.inner.path().join("HEAD.lock"), deadline)
    }

    /// The files inside the git dirs a commit on HEAD's branch writes: this worktree's
    /// index and HEAD reflog, and the branch's reflog in the common dir (linked worktrees and
    /// `GIT_DIR` keep them apart). No file is read.
    pub fn commit_writes(&self) -> Vec<PathBuf> {
        let own = self.inner.path();
        let mut files = vec![own.join("index"), own.join("logs").join("HEAD")];
        if let Some(branch) = self.branch() {
            let logs = self.inner.commondir().join("logs/refs/heads");
            files.push(logs.join(branch));
        }
        files
    }

    /// The index's lock when it is there: a git at work holds it (`git commit` while its
    /// editor is open), or a git killed mid-update (a `git revert` or `git checkout` rewriting
    /// the work tree) left it, and every git command that writes the index fails until it goes.
    pub fn index_lock_left(&self) -> Option<PathBuf> {
        let lock = super::txn::left_lock::lock_of(&self.index_path().ok()?);
        lock.symlink_metadata().is_ok().then_some(lock)
    }

    /// Of `locks`, the ones still there after the bounded wait a release gives a tag's lock
    /// (one wait for all of them), each as the release says it: a git at work holds a ref's
    /// lock for milliseconds, so one that outlasts the wait was likely left by a process
    /// killed holding it (a `git tag` killed in its hook), and every update of its ref fails.
    pub fn outlasting_locks(&self, locks: &[PathBuf]) -> Vec<(PathBuf, crate::Error)> {
        let deadline = std::time::Instant::now() + super::txn::lock_wait();
        (locks.iter())
            .filter_map(|l| Some((l.clone(), self.wait_for_lock(l, deadline).err()?)))
            .collect()
    }

    fn wait_for_lock(&self, lock: &Path, deadline: std::time::Instant) -> crate::Result<()> {
        // A lock a minute old is no git at work but one that died (doctor calls it stale):
        // waiting for it only delays the same answer.
        let stale = |p: &Path| {
            p.symlink_metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age >= Duration::from_secs(60))
        };
        while lock.exists() {
            if std::time::Instant::now() >= deadline || stale(lock) {
                let left = deadline.saturating_duration_since(std::time::Instant::now());
                let waited = super::txn::lock_wait().saturating_sub(left);
                return Err(crate::Error::locked(lock.to_path_buf(), waited));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(())
    }

    /// The lock files of this worktree's git dir (index, HEAD) and of the common dir (refs,
    /// packed-refs, config) older than `age`, each with its age. A git process at work holds
    /// its locks for milliseconds; `git commit` holds the index's while its editor is open.
    pub fn old_locks(&self, age: Duration) -> Vec<(PathBuf, Duration)> {
        let now = SystemTime::now();
        let old = |p: &Path| {
            let modified = p.symlink_metadata().ok()?.modified().ok()?;
            now.duration_since(modified).ok().filter(|d| *d >= age)
        };
        let git_dir = self.inner.path();
        let common = self.inner.commondir();
        // Every lock at the top of the git dirs, not only the index's and HEAD's: a `git
        // commit` killed mid-way leaves `AUTO_MERGE.lock` or `ORIG_HEAD.lock` too, and every
        // later commit then says it cannot lock that ref.
        let top = |dir: &Path| -> Vec<PathBuf> {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return Vec::new();
            };
            (entries.flatten())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "lock"))
                .collect()
        };
        let mut found = top(git_dir);
        if git_dir != common {
            found.extend(top(common));
        }
        let mut dirs = vec![(common.join("refs"), 0)];
        if git_dir != common {
            dirs.push((git_dir.join("refs"), 0));
        }
        while let Some((dir, depth)) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let path = e.path();
                match e.file_type() {
                    Ok(t) if t.is_dir() && depth < DEPTH => dirs.push((path, depth + 1)),
                    Ok(t) if t.is_file() && path.extension().is_some_and(|x| x == "lock") => {
                        found.push(path);
                    }
                    _ => {}
                }
            }
        }
        let mut out: Vec<(PathBuf, Duration)> = found
            .into_iter()
            .filter_map(|p| old(&p).map(|d| (p, d)))
            .collect();
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_lock_files_are_found_and_fresh_ones_are_not() {
        let dir = tempfile::tempdir().unwrap();
        git2::Repository::init(dir.path()).unwrap();
        let repo = Repo::open(dir.path()).unwrap();
        let git_dir = dir.path().join(".git");
        std::fs::create_dir_all(git_dir.join("refs/tags/nested")).unwrap();
        // QA42: a killed `git commit` left AUTO_MERGE.lock, which doctor did not name.
        for f in [
            "index.lock",
            "AUTO_MERGE.lock",
            "packed-refs.lock",
            "refs/tags/nested/v1.0.0.lock",
            "refs/heads/main.lock",
        ] {
            std::fs::write(git_dir.join(f), "x").unwrap();
        }
        std::fs::write(git_dir.join("refs/tags/v2.0.0"), "x").unwrap();
        assert!(repo.old_locks(Duration::from_secs(3600)).is_empty());
        let found: Vec<PathBuf> = repo
            .old_locks(Duration::ZERO)
            .into_iter()
            .map(|(p, _)| p.strip_prefix(&git_dir).unwrap().to_owned())
            .collect();
        assert_eq!(
            found,
            [
                PathBuf::from("AUTO_MERGE.lock"),
                PathBuf::from("index.lock"),
                PathBuf::from("packed-refs.lock"),
                PathBuf::from("refs/heads/main.lock"),
                PathBuf::from("refs/tags/nested/v1.0.0.lock")
            ]
        );
    }
}
