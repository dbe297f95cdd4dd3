//! A submodule's change the user told git to ignore (`submodule.<name>.ignore`): libgit2's
//! status honours the setting in `.gitmodules` only, git also (and first) the one in the
//! repository's config, so a tree `git status` calls clean read as dirty.

use git2::{SubmoduleIgnore, SubmoduleStatus};

use super::Repo;

impl Repo {
    /// The submodules whose checkout is not what the index records (another commit, or
    /// changed tracked files) while `git status` is set to hide it (`submodule.<name>.ignore`,
    /// `diff.ignoreSubmodules`), or that it lists: tests run in such a work tree did not test
    /// HEAD's tree. Untracked files in a submodule count
    /// as the setting says, as they do for `git status`.
    pub(super) fn submodules_hidden_changed(&self) -> Vec<String> {
        let Ok(subs) = self.inner.submodules() else {
            return Vec::new();
        };
        let changed =
            moved() | SubmoduleStatus::WD_INDEX_MODIFIED | SubmoduleStatus::WD_WD_MODIFIED;
        subs.iter()
            .filter_map(|sub| {
                let (name, path) = (sub.name()?, sub.path().to_str()?);
                let status = self
                    .inner
                    .submodule_status(name, SubmoduleIgnore::None)
                    .ok()?;
                status.intersects(changed).then(|| path.to_owned())
            })
            .collect()
    }

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
        let moved = moved();
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

/// A submodule's commit moved (in the index or the work tree), added or deleted.
fn moved() -> SubmoduleStatus {
    SubmoduleStatus::WD_MODIFIED
        | SubmoduleStatus::INDEX_MODIFIED
        | SubmoduleStatus::INDEX_ADDED
        | SubmoduleStatus::INDEX_DELETED
        | SubmoduleStatus::WD_ADDED
        | SubmoduleStatus::WD_DELETED
}
