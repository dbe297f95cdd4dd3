//! A folder moved by a commit (`git mv packages/a packages/core`), told as git's rename
//! detection tells a file's: the old folder gone, the new one there, and a file of the same
//! content in both. How a package renamed together with its folder is recognised.

use std::collections::HashSet;
use std::path::Path;

use git2::{ObjectType, Oid, TreeWalkMode, TreeWalkResult};

use super::Repo;

impl Repo {
    /// Whether folder `from` in `base`'s tree became folder `to` in `commit`'s: `from` is
    /// gone from `commit`, `to` was not in `base`, and a file in `to` has the content of one
    /// that was in `from` (unchanged by the move, as git's rename detection needs).
    pub fn moved_dir(&self, base: Oid, commit: Oid, from: &Path, to: &Path) -> bool {
        if from == to || self.path_id(commit, from).is_some() || self.path_id(base, to).is_some() {
            return false;
        }
        let (Some(old), Some(new)) = (self.path_id(base, from), self.path_id(commit, to)) else {
            return false;
        };
        if old == new {
            return true;
        }
        let before = self.blobs_under(old);
        !before.is_empty() && self.blobs_under(new).iter().any(|b| before.contains(b))
    }

    /// The ids of the files in tree `tree` and below (none when it is no tree, or missing).
    fn blobs_under(&self, tree: Oid) -> HashSet<Oid> {
        let mut out = HashSet::new();
        if let Ok(tree) = self.inner.find_tree(tree) {
            let _ = tree.walk(TreeWalkMode::PreOrder, |_, entry| {
                if entry.kind() == Some(ObjectType::Blob) {
                    out.insert(entry.id());
                }
                TreeWalkResult::Ok
            });
        }
        out
    }
}
