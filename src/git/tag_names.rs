//! Tag names under a prefix whatever follows it: the release tags relhook cannot read as
//! SemVer (PEP 440's `v1.0.0b1`) are told apart from the rest by `history`, not here.

use git2::Oid;

use super::Repo;

impl Repo {
    /// Every tag whose name starts with `prefix`, with the commit it tags (tags of other
    /// objects left out).
    pub fn tags_under(&self, prefix: &str) -> Vec<(String, Oid)> {
        let Ok(refs) = self.inner.references_glob(&format!("refs/tags/{prefix}*")) else {
            return Vec::new();
        };
        refs.flatten()
            .filter_map(|r| Some((r.shorthand()?.to_owned(), r.peel_to_commit().ok()?.id())))
            .collect()
    }
}
