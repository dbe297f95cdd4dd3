//! The bounded waits for locks other git processes hold (an editor polling `git status` holds
//! the index lock for milliseconds) before relhook takes them or lets git go on.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::journal;
use super::lock::{self, lock_wait};
use crate::git::Repo;
use crate::{Error, Result};

impl Repo {
    /// Waits (a bounded time) until no process holds the index lock; nothing is taken.
    ///
    /// It only watches the lock file: taking the lock to test it would leave a lock that
    /// nothing removes if relhook were killed while holding it.
    pub fn wait_for_index_lock(&self) -> Result<()> {
        let mut name = self.index_path()?.into_os_string();
        name.push(".lock");
        let lock = PathBuf::from(name);
        // Left by a relhook that was killed: waiting never frees it, the recovery does.
        if let Some(pid) = lock::stale_relhook_lock(&lock) {
            let fix =
                journal::pending(self).map_or("relhook changelog --sync".to_owned(), |p| p.fix);
            return Err(Error::LeftByRelhook {
                path: lock,
                pid,
                fix,
            });
        }
        let wait = lock_wait();
        let deadline = Instant::now() + wait;
        while lock.exists() {
            if Instant::now() >= deadline {
                return Err(Error::locked(lock, wait));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(())
    }

    /// Waits (a bounded time) for the index lock, then the ref locks a release commit on HEAD
    /// takes: `HEAD.lock` and its branch's (the files backend; a reftable's lock is its
    /// table's, which the commit waits for itself). Checked before a hand tag is accepted, so
    /// that git refuses it rather than keeping a tag whose release commit cannot be made.
    pub fn wait_for_commit_locks(&self) -> Result<()> {
        self.wait_for_index_lock()?;
        self.wait_for_head_locks()
    }

    /// [`Repo::wait_for_commit_locks`]'s ref locks.
    fn wait_for_head_locks(&self) -> Result<()> {
        let mut locks = vec![self.git_dir().join("HEAD.lock")];
        if let Ok(branch) = self.head_ref_name()
            && branch.starts_with("refs/heads/")
        {
            locks.push(self.common_dir().join(format!("{branch}.lock")));
        }
        let wait = lock_wait();
        let deadline = Instant::now() + wait;
        for lock in locks {
            while lock.exists() {
                if Instant::now() >= deadline {
                    return Err(Error::locked(lock, wait));
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        Ok(())
    }
}
