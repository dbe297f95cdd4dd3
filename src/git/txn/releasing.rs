//! A release testing its release commit: a mark in the git dir (`relhook-releasing`) naming
//! the relhook that made it, so that commit-msg refuses a commit that would go on top of a
//! release commit the release may yet take back (its tests fail, Ctrl-C). A mark whose relhook
//! is gone (killed) counts for nothing.

use std::path::{Path, PathBuf};

use super::writer::{marked_live, own_mark};
use crate::git::Repo;

/// The mark's name in the git dir.
const MARK: &str = "relhook-releasing";

/// The mark of a release under way, removed when dropped.
pub struct Releasing {
    path: Option<PathBuf>,
}

impl Repo {
    /// Marks a release under way until the returned value is dropped. A mark that cannot be
    /// written only loses commit-msg's refusal: the release goes on.
    pub fn mark_releasing(&self) -> Releasing {
        let path = self.git_dir().join(MARK);
        let text = own_mark();
        Releasing {
            path: crate::fsx::write_atomic_via(self.git_dir(), &path, text.as_bytes(), None)
                .ok()
                .map(|()| path),
        }
    }
}

impl Drop for Releasing {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The pid of the relhook whose release is under way in the repository of `git_dir`, when
/// it is still running.
pub fn releasing(git_dir: &Path) -> Option<u32> {
    let text = std::fs::read_to_string(git_dir.join(MARK)).ok()?;
    // This mark always had its `pid` line: a bare number is no mark of it.
    text.starts_with("pid ")
        .then(|| marked_live(&text))
        .flatten()
}

/// Removes the mark of a release whose relhook is gone (killed): it counts for nothing, and
/// left there it only puzzles whoever looks in the git dir.
pub(super) fn sweep_dead_mark(git_dir: &Path) {
    let mark = git_dir.join(MARK);
    if mark.exists() && releasing(git_dir).is_none() {
        let _ = std::fs::remove_file(mark);
    }
}
