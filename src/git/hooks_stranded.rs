//! A `core.hooksPath` in this repository's own config that names no hooks directory of its
//! own: the `.git/hooks` of where the repository was before it moved (install advises that
//! absolute path under a global setting), now missing, or that of another repository (a
//! copy). git runs no hook, or that repository's, and says nothing; `relhook install` would
//! create the old folder, or write into the other repository.

use std::path::{Path, PathBuf};

use super::HooksLocation;
use super::hookdir::normalize;

/// What the setting names instead of this repository's hooks directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stranded {
    /// A directory that does not exist, outside this repository.
    Missing,
    /// The hooks directory of another repository: its git directory.
    Other(PathBuf),
}

impl HooksLocation {
    /// Whether this repository's own absolute `core.hooksPath` (local or worktree level) is
    /// stranded, and how.
    pub fn stranded_hooks_path(&self) -> Option<Stranded> {
        let setting = self.hooks_path.as_ref()?;
        let value = Path::new(&setting.value);
        // A relative one follows the repository; `~/…` is the user's own place.
        if !matches!(setting.scope.as_str(), "local" | "worktree")
            || !value.is_absolute()
            || self.hooks_off().is_some()
        {
            return None;
        }
        let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| normalize(p));
        let hooks = real(&self.hooks_dir);
        if hooks.starts_with(real(&self.work_tree)) || hooks.starts_with(real(&self.common_dir)) {
            return None;
        }
        if !hooks.exists() {
            return Some(Stranded::Missing);
        }
        let parent = hooks.parent()?;
        let git_dir = hooks.file_name().is_some_and(|n| n == "hooks")
            && parent.join("HEAD").is_file()
            && parent.join("objects").is_dir();
        git_dir.then(|| Stranded::Other(parent.to_owned()))
    }
}
