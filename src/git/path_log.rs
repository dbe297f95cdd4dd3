//! The commits along one file's history: where its blob changed, as git's history
//! simplification walks it. Asked of `git rev-list`, which a commit-graph's changed-path
//! filters answer without opening the trees of the commits that left the file alone.

use std::path::Path;

use git2::Oid;

use super::Repo;
use crate::Result;

impl Repo {
    /// The commits reachable from `from` that changed `path` (a path relative to the work
    /// tree, taken literally), newest first: the commits that left its blob as it was are
    /// never listed. A rename is where the file's history starts.
    pub fn path_log(&self, from: Oid, path: &Path) -> Result<Vec<Oid>> {
        let spec = format!(":(literal){}", path.to_string_lossy());
        let listed = self.run_git(&["rev-list", &from.to_string(), "--", &spec], None)?;
        Ok(listed
            .lines()
            .filter_map(|l| Oid::from_str(l.trim()).ok())
            .collect())
    }

    /// The newest commit on `from`'s first-parent line (`from` itself included) that changed
    /// `path` from its first parent's, or `None` when none did down to the first commit: one
    /// git process however long the line, its trees compared along the path alone.
    pub fn last_first_parent_change(&self, from: Oid, path: &Path) -> Result<Option<Oid>> {
        let spec = format!(":(literal){}", path.to_string_lossy());
        let args = [
            "rev-list",
            "--first-parent",
            "-1",
            &from.to_string(),
            "--",
            &spec,
        ];
        let listed = self.run_git(&args, None)?;
        Ok(Oid::from_str(listed.trim()).ok())
    }
}
