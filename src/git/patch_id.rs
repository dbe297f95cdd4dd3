//! A commit's patch id (what `git patch-id` computes): the change itself, whatever commit
//! carries it, so a cherry-pick made without `-x` is still known as a copy.

use git2::Oid;

use super::Repo;

impl Repo {
    /// The patch id of `commit`'s change against its only parent (`None`: a root commit, a
    /// merge, or an object this clone cannot read).
    pub fn patch_id(&self, commit: Oid) -> Option<Oid> {
        let c = self.inner.find_commit(commit).ok()?;
        if c.parent_count() != 1 {
            return None;
        }
        let tree = c.tree().ok()?;
        let parent = c.parent(0).ok()?.tree().ok()?;
        let diff = self
            .inner
            .diff_tree_to_tree(Some(&parent), Some(&tree), None)
            .ok()?;
        diff.patchid(None).ok()
    }
}
