//! A submodule's change the user told git to ignore (`submodule.<name>.ignore`): libgit2's
//! status honours the setting in `.gitmodules` only, git also (and first) the one in the
//! repository's config, so a tree `git status` calls clean read as dirty.

use git2::{SubmoduleIgnore, SubmoduleStatus};

use super::Repo;

impl Repo {
    /// Whether the change `git status` would show for the submodule at `path` is one its
    /// `submodule.<name>.ignore` in the repository's config hides: `all` hides every change,
    /// `dirty` all but a moved commit, `untracked` untracked files only.
    pub(super) fn submodule_change_ignored(&self, path: &str) -> bool {
        let Ok(sub) = self.inner.find_submodule(path) else {
            return false;
        };
        let Some(name) = sub.name().map(str::to_owned) else {
            return false;
        };
        let Some(rule) = self.config_string(&format!("submodule.{name}.ignore")) else {
            return false;
        };
        let Ok(status) = self.inner.submodule_status(&name, SubmoduleIgnore::None) else {
            return false;
        };
        let moved = SubmoduleStatus::WD_MODIFIED
            | SubmoduleStatus::INDEX_MODIFIED
            | SubmoduleStatus::INDEX_ADDED
            | SubmoduleStatus::INDEX_DELETED
            | SubmoduleStatus::WD_ADDED
            | SubmoduleStatus::WD_DELETED;
        match rule.trim() {
            "all" => true,
            "dirty" => !status.intersects(moved),
            "untracked" => !status.intersects(
                moved | SubmoduleStatus::WD_INDEX_MODIFIED | SubmoduleStatus::WD_WD_MODIFIED,
            ),
            _ => false,
        }
    }
}
