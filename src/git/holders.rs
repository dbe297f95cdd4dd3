//! The refs besides HEAD and the local branches that keep a commit: tags, remote-tracking
//! branches, other worktrees' detached HEADs, stashes. A commit one of them holds is not gone
//! (a pull brings a remote's back, a tag or a worktree still has it, a stash is made on it), so
//! a changelog entry of it is never taken out as lost.

use git2::{Oid, Repository};

use super::Repo;

impl Repo {
    /// Each such ref as a user names it (a tag, a remote-tracking branch and the stash by
    /// name, a worktree by its path), with the commit it holds.
    pub fn other_holders(&self) -> Vec<(String, Oid)> {
        let mut out: Vec<(String, Oid)> = Vec::new();
        for (name, at) in self.branches_at("tags/*") {
            let tag = name.strip_prefix("tags/").unwrap_or(&name);
            out.push((format!("tag `{tag}`"), at));
        }
        for (name, at) in self.branches_at("remotes/*") {
            let branch = name.strip_prefix("remotes/").unwrap_or(&name);
            out.push((format!("remote-tracking branch `{branch}`"), at));
        }
        // Every stash, not only the newest: older ones are entries of refs/stash's reflog.
        if let Ok(log) = self.inner.reflog("refs/stash") {
            out.extend(
                log.iter()
                    .enumerate()
                    .map(|(i, e)| (format!("`stash@{{{i}}}`"), e.id_new())),
            );
        }
        out.extend(self.other_detached_heads());
        out.retain(|(_, at)| !at.is_zero());
        out
    }

    /// The detached HEADs of the other worktrees (one on a branch: that branch holds it).
    fn other_detached_heads(&self) -> Vec<(String, Oid)> {
        let detached = |r: &Repository, path: &std::path::Path| {
            let head = r.find_reference("HEAD").ok()?;
            let at = head.target()?;
            let path = path.components().collect::<std::path::PathBuf>();
            Some((format!("the HEAD of worktree {}", path.display()), at))
        };
        let mut out = Vec::new();
        if self.inner.is_worktree()
            && let Ok(main) = Repository::open(self.inner.commondir())
            && let Some(path) = main.workdir().map(std::path::Path::to_owned)
        {
            out.extend(detached(&main, &path));
        }
        let Ok(names) = self.inner.worktrees() else {
            return out;
        };
        let here = self.inner.path().canonicalize().ok();
        for name in names.iter().flatten() {
            let Ok(wt) = self.inner.find_worktree(name) else {
                continue;
            };
            let Ok(repo) = Repository::open_from_worktree(&wt) else {
                continue;
            };
            if repo.path().canonicalize().ok() == here {
                continue;
            }
            out.extend(detached(&repo, wt.path()));
        }
        out
    }
}
