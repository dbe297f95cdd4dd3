//! Where git looks for the hooks, as `core.hooksPath` makes it differ between worktrees and
//! between the folders git runs in.

use super::{Check, Status, check, shell_word};
use crate::git::HooksLocation;

/// A relative `core.hooksPath` to a directory only this worktree has (see
/// [`HooksLocation::lost_in_other_worktrees`]): what it means, and the setting that fixes it
/// (the main worktree's directory by its absolute path, which every worktree finds). From a
/// linked worktree it says that this worktree's own directory is the one git looks in.
pub fn lost_in_other_worktrees(loc: &HooksLocation) -> Option<(String, String)> {
    let dir = loc.lost_in_other_worktrees()?;
    let setting = loc.hooks_path.as_ref()?;
    let scope = match setting.scope.as_str() {
        "worktree" => "--worktree ",
        _ => "",
    };
    let (here, which) = match loc.hooks_of_main_worktree() {
        Some(_) => (
            format!(
                "so this linked worktree looks in {}, a directory of its own, and no other worktree runs what is there",
                loc.hooks_dir.display()
            ),
            "the main worktree's hooks directory by its absolute path",
        ),
        None => (
            "so a linked worktree (`git worktree add`) finds no such directory and runs no hooks at all, relhook's included, and says nothing".to_owned(),
            "the same directory by its absolute path",
        ),
    };
    Some((
        format!(
            "core.hooksPath = {} is relative, and this repository tracks nothing there: git looks for it from each worktree's own top, {here}",
            setting.value
        ),
        format!(
            "`git config {scope}core.hooksPath {}` ({which}, which every worktree finds)",
            shell_word(&dir)
        ),
    ))
}

/// A relative `core.hooksPath` read from outside the work tree (GIT_DIR and GIT_WORK_TREE set):
/// commands that stay there find no hooks.
pub(super) fn relative_from_outside(loc: &HooksLocation) -> Option<Check> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let value = loc.relative_from_outside(&cwd)?;
    let detail = format!(
        "core.hooksPath is relative ({value}) and {} is outside the work tree: git commands that stay here (`git tag`, `git push` with GIT_DIR or --git-dir) look for {value} here and run no hook, so hand tags are neither checked nor released",
        cwd.display()
    );
    let fix = format!(
        "run git from inside the work tree (cd {})",
        shell_word(&loc.work_tree)
    );
    Some(check("core.hooksPath", Status::Warning, detail, Some(fix)))
}
