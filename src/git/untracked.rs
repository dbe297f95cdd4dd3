//! Whether HEAD tracks a path, and whether git ignores it (`.gitignore`, `info/exclude`,
//! `core.excludesFile`): a file the project does not track is no release commit's to add.

use std::path::Path;

use super::Repo;

impl Repo {
    /// Whether HEAD holds `path` (relative to the top of the work tree); `false` before the
    /// first commit.
    pub fn tracked_at_head(&self, path: &Path) -> bool {
        self.head().and_then(|h| self.blob_at(h, path)).is_some()
    }

    /// Whether git ignores `path` (relative to the top of the work tree).
    pub fn is_ignored(&self, path: &Path) -> bool {
        self.inner.is_path_ignored(path).unwrap_or(false)
    }
}
