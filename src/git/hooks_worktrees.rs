//! A relative `core.hooksPath` and linked worktrees: git reads the path from each worktree's
//! own top, so a directory the repository does not track is a different one in each worktree
//! (and none at all in a new one). The directory every worktree should name is the main
//! worktree's: there `relhook install` writes, and there the hooks already are.

use std::path::{Component, Path, PathBuf};

use super::HooksLocation;
use super::hookdir::normalize;

impl HooksLocation {
    /// The hooks directory every worktree should name by its absolute path, when
    /// `core.hooksPath` names one by a relative path in the work tree (or its `.git`) where the
    /// repository tracks nothing: git finds a relative hooks path from each worktree's own
    /// top, so every other worktree (`git worktree add`) has no such directory, and git runs
    /// no hook there, silently. It is the main worktree's, seen from any worktree; this
    /// worktree's own where the setting is this worktree's alone (`git config --worktree`) or
    /// the main worktree is bare. A tracked directory is in every checkout; a path outside the
    /// work tree is another matter (install says so).
    pub fn lost_in_other_worktrees(&self) -> Option<PathBuf> {
        let setting = self.hooks_path.as_ref()?;
        if Path::new(&setting.value).is_absolute() || setting.value.starts_with('~') {
            return None;
        }
        let rel = self.rel_in_work_tree()?;
        let parts: Vec<_> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        let rel_text = parts.join("/");
        let listed = self.git(&["--literal-pathspecs", "ls-files", "-z", "--", &rel_text]);
        if listed.is_ok_and(|files| !files.is_empty()) {
            return None;
        }
        if setting.scope == "worktree" {
            return Some(self.hooks_dir.clone());
        }
        let main = self.main_work_tree();
        Some(main.map_or_else(|| self.hooks_dir.clone(), |top| normalize(&top.join(rel))))
    }

    /// The main worktree's hooks directory, when this is a linked worktree that the relative
    /// `core.hooksPath` sends to a directory of its own ([`Self::lost_in_other_worktrees`]):
    /// hooks written here would check this worktree's commits alone, and go with it.
    pub fn hooks_of_main_worktree(&self) -> Option<PathBuf> {
        let shared = self.lost_in_other_worktrees()?;
        let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| normalize(p));
        (real(&shared) != real(&self.hooks_dir)).then_some(shared)
    }

    /// The hooks directory's path from the top of the work tree, not empty: found on disk, or
    /// (a directory this worktree does not have) read from the setting itself.
    fn rel_in_work_tree(&self) -> Option<PathBuf> {
        let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| normalize(p));
        let rel = match real(&self.hooks_dir).strip_prefix(real(&self.work_tree)) {
            Ok(rel) => rel.to_owned(),
            Err(_) if self.hooks_dir.symlink_metadata().is_err() => {
                let value = normalize(Path::new(&self.hooks_path.as_ref()?.value));
                let inside = value
                    .components()
                    .all(|c| matches!(c, Component::Normal(_)));
                inside.then_some(value)?
            }
            Err(_) => return None,
        };
        (!rel.as_os_str().is_empty()).then_some(rel)
    }

    /// The top of the main worktree, as `git worktree list` names it first (this one's, when
    /// this is the main worktree); `None` when the main one is bare.
    fn main_work_tree(&self) -> Option<PathBuf> {
        let out = self.git(&["worktree", "list", "--porcelain", "-z"]).ok()?;
        let mut fields = out.split('\0');
        let top = fields.next()?.strip_prefix("worktree ")?;
        // The main worktree's record, up to the empty field that ends it.
        let bare = fields.take_while(|f| !f.is_empty()).any(|f| f == "bare");
        (!bare).then(|| PathBuf::from(top))
    }
}
