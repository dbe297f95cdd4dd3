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

    /// The other worktrees (linked ones, and the main one seen from a linked one) that have a
    /// branch checked out: each one's path and branch (a short name). Detached ones (relhook's
    /// own test worktrees among them) are left out.
    pub fn other_worktree_branches(&self) -> Vec<(PathBuf, String)> {
        let branch = |r: &Repository| {
            let head = r.find_reference("HEAD").ok()?;
            Some(
                head.symbolic_target()?
                    .strip_prefix("refs/heads/")?
                    .to_owned(),
            )
        };
        let here = self.inner.workdir().and_then(|p| p.canonicalize().ok());
        let mut out = Vec::new();
        let mut push = |path: &std::path::Path, r: &Repository| {
            let path: PathBuf = path.components().collect();
            if path.canonicalize().ok() != here
                && let Some(b) = branch(r)
            {
                out.push((path, b));
            }
        };
        let main = Repository::open(self.inner.commondir()).ok();
        if let Some(main) = main.filter(|m| !m.is_bare())
            && let Some(dir) = main.workdir()
        {
            push(dir, &main);
        }
        let names = self.inner.worktrees();
        for name in names.iter().flat_map(|n| n.iter().flatten()) {
            let Some(wt) = self.inner.find_worktree(name).ok() else {
                continue;
            };
            if wt.validate().is_ok()
                && let Ok(repo) = Repository::open_from_worktree(&wt)
            {
                push(wt.path(), &repo);
            }
        }
        out
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
