//! A `git bisect` under way in this worktree: it detaches HEAD at each commit it tests, so
//! what relhook would do on a branch waits until `git bisect reset` puts the branch back.

use super::Repo;

impl Repo {
    /// Whether a bisect is under way: git keeps its log in this worktree's git dir from
    /// `git bisect start` until `git bisect reset` (HEAD may be detached or not meanwhile).
    pub fn bisecting(&self) -> bool {
        self.inner.path().join("BISECT_LOG").exists()
    }
}
