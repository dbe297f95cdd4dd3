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
        // The newest is refs/stash itself, which git keeps (and `stash@{0}` names) even once
        // its reflog has expired (`git reflog expire --expire=now refs/stash`).
        let newest = self.inner.refname_to_id("refs/stash").ok();
        out.extend(newest.map(|at| ("`stash@{0}`".to_owned(), at)));
        if let Ok(log) = self.inner.reflog("refs/stash") {
            out.extend(
                log.iter()
                    .enumerate()
                    .filter(|(i, e)| *i > 0 || Some(e.id_new()) != newest)
                    .map(|(i, e)| (format!("`stash@{{{i}}}`"), e.id_new())),
            );
        }
        out.extend(self.other_detached_heads());
        out.retain(|(_, at)| !at.is_zero());
        out
    }

    /// The detached HEADs of the other worktrees (one on a branch: that branch holds it). A
    /// linked worktree's HEAD is read in its git dir (`.git/worktrees/<name>/HEAD`), as git
    /// reads it: one whose folder is not there (locked on a drive not mounted, or removed
    /// without `git worktree prune`) still holds its commit until git prunes it.
    fn other_detached_heads(&self) -> Vec<(String, Oid)> {
        let said = |path: &std::path::Path, at| {
            let path = path.components().collect::<std::path::PathBuf>();
            (format!("the HEAD of worktree {}", path.display()), at)
        };
        let mut out = Vec::new();
        if self.inner.is_worktree()
            && let Ok(main) = Repository::open(self.inner.commondir())
            && let Some(path) = main.workdir().map(std::path::Path::to_owned)
            && let Some(at) = detached_head(main.path())
        {
            out.push(said(&path, at));
        }
        let Ok(names) = self.inner.worktrees() else {
            return out;
        };
        let here = self.inner.path().canonicalize().ok();
        for name in names.iter().flatten() {
            let dir = self.inner.commondir().join("worktrees").join(name);
            if dir.canonicalize().ok() == here {
                continue;
            }
            let Ok(wt) = self.inner.find_worktree(name) else {
                continue;
            };
            out.extend(detached_head(&dir).map(|at| said(wt.path(), at)));
        }
        out
    }
}

/// The commit the `HEAD` file in git dir `dir` names when it is detached (an object id, not
/// `ref: <branch>`).
fn detached_head(dir: &std::path::Path) -> Option<Oid> {
    let text = std::fs::read_to_string(dir.join("HEAD")).ok()?;
    let id = text.trim();
    (id.len() == 40 && id.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| Oid::from_str(id).ok())
        .flatten()
}
