//! The names and ids a tree holds, for a caller that follows a few files through history by
//! their ids alone (a blob read once per id, not once per commit).

use git2::Oid;

use super::Repo;

impl Repo {
    /// The entries of tree `tree` (its files and folders, one level): name and id. Empty when
    /// the tree is not here.
    pub fn tree_entries(&self, tree: Oid) -> Vec<(String, Oid)> {
        let Ok(tree) = self.inner.find_tree(tree) else {
            return Vec::new();
        };
        tree.iter()
            .filter_map(|e| Some((e.name()?.to_owned(), e.id())))
            .collect()
    }
}
