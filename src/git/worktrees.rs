//! The worktrees of a repository (`git worktree add`), for advice: a branch checked out in
//! another worktree cannot be switched to here (git: "already used by worktree at ..."), so
//! the way to it is `cd` to that worktree.

use std::path::PathBuf;

use git2::Repository;

use super::Repo;

impl Repo {
    /// The other worktree that has `branch` (a short name) checked out: a linked one, or the
    /// main one seen from a linked one. `None` when no other worktree holds it.
    pub fn worktree_with(&self, branch: &str) -> Option<PathBuf> {
        let wanted = format!("refs/heads/{branch}");
        let holds = |r: &Repository| {
            r.find_reference("HEAD")
                .ok()
                .and_then(|h| h.symbolic_target().map(|t| t == wanted))
                .unwrap_or(false)
        };
        let here = self.inner.workdir().map(|p| p.canonicalize().ok());
        // git2 ends a work tree's path with `/`: dropped, for the path shown.
        let other = |path: Option<PathBuf>| {
            path.map(|p| p.components().collect::<PathBuf>())
                .filter(|p| Some(p.canonicalize().ok()) != here)
        };
        if self.inner.is_worktree() {
            let main = Repository::open(self.inner.commondir()).ok();
            if let Some(main) = main.filter(|m| !m.is_bare() && holds(m))
                && let Some(path) = other(main.workdir().map(PathBuf::from))
            {
                return Some(path);
            }
        }
        let names = self.inner.worktrees().ok()?;
        names.iter().flatten().find_map(|name| {
            let wt = self.inner.find_worktree(name).ok()?;
            wt.validate().ok()?;
            let repo = Repository::open_from_worktree(&wt).ok()?;
            holds(&repo).then(|| other(Some(wt.path().to_owned())))?
        })
    }

    /// The command that takes the user to `branch`: `git switch BRANCH`, or `cd WORKTREE` when
    /// another worktree has it checked out (where git refuses the switch).
    pub fn switch_command(&self, branch: &str) -> String {
        match self.worktree_with(branch) {
            Some(path) => format!("cd {}", crate::shellword::quote(&path.to_string_lossy())),
            None => format!("git switch {}", crate::shellword::quote(branch)),
        }
    }
}
