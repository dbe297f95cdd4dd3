//! What a CI range needs from git: whether the clone is shallow and where its boundary is,
//! whether a commit or ref is present, the upstream of HEAD's branch, and merge bases that
//! tell "no common history" apart from "the history that would say was not fetched".

use git2::{ErrorCode, Oid};

use super::Repo;
use super::walk::{OidMap, parse_raw, parse_shallow};
use crate::{Error, Result};

/// The answer to "where do these two histories meet".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeBase {
    /// Their best common ancestor.
    Found(Oid),
    /// No common ancestor in the history this clone has, and the clone is shallow: the answer
    /// lies in history that was not fetched.
    BeyondShallow,
    /// No common ancestor, and the clone has all of its history: unrelated histories.
    Unrelated,
}

impl Repo {
    /// Whether a push to `remote` mirrors (`remote.<name>.mirror`, set by `git remote add
    /// --mirror=push`): git then deletes the remote's refs this clone lacks.
    pub fn remote_mirrors(&self, remote: &str) -> bool {
        self.config_bool(&format!("remote.{remote}.mirror"))
            .unwrap_or(false)
    }

    /// The tags `remote` (a name or a URL) has now, asked of it with `git ls-remote`: a
    /// second connection, made only for a mirror push, whose deletions git does not tell
    /// pre-push about.
    pub fn remote_tags(&self, remote: &str) -> Result<Vec<(String, Oid)>> {
        let text = self.run_git(&["ls-remote", "--tags", "--refs", "--", remote], None)?;
        Ok(listed_refs(&text))
    }

    /// Every ref of `remote` (a name or a URL) now, with the object it names (a tag's peeled
    /// commit too, as `<tag>^{}`), asked of it with `git ls-remote`: a second connection.
    pub fn remote_refs(&self, remote: &str) -> Result<Vec<(String, Oid)>> {
        let text = self.run_git(&["ls-remote", "--", remote], None)?;
        Ok(listed_refs(&text))
    }

    /// [`Repo::remote_tags`], each with the commit an annotated tag's object names (`None`:
    /// a lightweight tag, whose id is the commit's), so that ids this clone lacks are said as
    /// what they are.
    pub fn remote_tags_peeled(&self, remote: &str) -> Result<Vec<(String, Oid, Option<Oid>)>> {
        let text = self.run_git(&["ls-remote", "--tags", "--", remote], None)?;
        let lines: Vec<(&str, Oid)> = text
            .lines()
            .filter_map(|l| {
                let (id, name) = l.split_once('\t')?;
                Some((name, Oid::from_str(id).ok()?))
            })
            .collect();
        let peeled = |name: &str| {
            let want = format!("{name}^{{}}");
            lines.iter().find(|(n, _)| *n == want).map(|(_, id)| *id)
        };
        Ok(lines
            .iter()
            .filter(|(n, _)| !n.ends_with("^{}"))
            .map(|(n, id)| ((*n).to_owned(), *id, peeled(n)))
            .collect())
    }

    /// The commits at a shallow clone's boundary (listed in `shallow`: their parents were not
    /// fetched); empty for a complete clone.
    pub fn shallow_boundary(&self) -> OidMap<()> {
        std::fs::read_to_string(self.inner.commondir().join("shallow"))
            .map(|t| parse_shallow(&t))
            .unwrap_or_default()
    }

    /// The commits of [`Repo::shallow_boundary`] whose parents were not fetched: git lists a
    /// root commit there too when the depth asked for is exactly the history's, and nothing
    /// lies below a root. A walk that reaches one of these has not seen all of its range.
    pub fn shallow_cuts(&self) -> OidMap<()> {
        let boundary = self.shallow_boundary();
        let Ok(odb) = self.inner.odb() else {
            return boundary;
        };
        boundary
            .into_iter()
            .filter(|(id, _)| {
                odb.read(*id)
                    .map_or(true, |o| !parse_raw(*id, o.data()).parents.is_empty())
            })
            .collect()
    }

    /// Whether this is a shallow clone.
    pub fn is_shallow(&self) -> bool {
        !self.shallow_boundary().is_empty()
    }

    /// The commit a full ref name (`refs/remotes/origin/main`) points at, if the ref exists.
    pub fn ref_commit(&self, full_name: &str) -> Option<Oid> {
        let r = self.inner.find_reference(full_name).ok()?;
        r.peel_to_commit().ok().map(|c| c.id())
    }

    /// The commit with this full hexadecimal id, if its object is in this clone.
    pub fn present_commit(&self, hex: &str) -> Option<Oid> {
        let id = Oid::from_str(hex).ok()?;
        if id.is_zero() {
            return None;
        }
        self.inner.find_commit(id).ok().map(|c| c.id())
    }

    /// The commit a revision names (`main`, `origin/main`, `v1.2.0`, a hash), if it resolves.
    pub fn revision_commit(&self, spec: &str) -> Option<Oid> {
        let obj = self.inner.revparse_single(spec).ok()?;
        obj.peel_to_commit().ok().map(|c| c.id())
    }

    /// The upstream of HEAD's branch: its short name and commit.
    pub fn head_upstream(&self) -> Option<(String, Oid)> {
        let head = self.inner.head().ok()?;
        if !head.is_branch() {
            return None;
        }
        let up = git2::Branch::wrap(head).upstream().ok()?;
        let name = up.name().ok().flatten()?.to_owned();
        Some((name, up.get().target()?))
    }

    /// Where a push of HEAD's branch goes, as far as a plain `git push` can tell.
    pub fn push_destination(&self) -> PushDestination {
        let Some(head) = self.inner.head().ok().filter(|h| h.is_branch()) else {
            return PushDestination::Detached;
        };
        let Some(branch) = head.shorthand().map(str::to_owned) else {
            return PushDestination::Detached;
        };
        let remotes = self.remote_names();
        if remotes.is_empty() {
            return PushDestination::NoRemote { branch };
        }
        let upstream = git2::Branch::wrap(head).upstream().is_ok();
        // git's own order for the remote a push goes to.
        let config = self.config_snapshot();
        let get = |key: &str| {
            config
                .as_ref()
                .and_then(|c| c.get_string(key).ok())
                .filter(|v| !v.is_empty())
        };
        let remote = get(&format!("branch.{branch}.pushRemote"))
            .or_else(|| get("remote.pushDefault"))
            .or_else(|| get(&format!("branch.{branch}.remote")))
            .or_else(|| (remotes.len() == 1).then(|| remotes[0].clone()));
        // Among several remotes and nothing naming one, git's own fallback: `origin`.
        let guessed = remote.is_none() && remotes.iter().any(|r| r == "origin");
        let remote = remote.or_else(|| guessed.then(|| "origin".into()));
        // An upstream of another name on the remote it pulls from (`git switch -c rel
        // origin/main`): push.default=simple (git's default) refuses a plain push there,
        // `current` and `matching` push elsewhere or nothing, so a push names it whatever the
        // setting (`HEAD:main` is right under `upstream` too).
        let renamed = get(&format!("branch.{branch}.merge"))
            .and_then(|m| m.strip_prefix("refs/heads/").map(str::to_owned))
            .filter(|m| upstream && *m != branch)
            .filter(|_| remote.is_some() && get(&format!("branch.{branch}.remote")) == remote);
        // `nothing` refuses a plain push, `matching` sends only branches the remote has.
        let plain_push = get("push.default").is_none_or(|d| d != "nothing" && d != "matching");
        PushDestination::Branch {
            branch,
            remote,
            upstream: upstream && plain_push,
            renamed,
            guessed,
        }
    }

    /// git's `push.default` setting, when set.
    pub fn push_default(&self) -> Option<String> {
        self.config_string("push.default")
    }

    /// The branch a pull from `remote` names for HEAD's branch: the upstream's (`main`, for
    /// `rel` made by `git switch -c rel origin/main`) when the branch pulls from `remote`, else
    /// its own name, which `remote` has where it was pushed. `None` when HEAD is on no branch.
    pub fn pull_branch(&self, remote: &str) -> Option<String> {
        let branch = self.branch()?;
        let upstream = (self.config_string(&format!("branch.{branch}.remote")))
            .filter(|r| r == remote)
            .and_then(|_| self.config_string(&format!("branch.{branch}.merge")))
            .and_then(|m| m.strip_prefix("refs/heads/").map(str::to_owned));
        Some(upstream.unwrap_or(branch))
    }

    /// The remote's branch that local `branch` goes to on `remote`, as last fetched: its
    /// upstream's when it pulls from `remote`, else the one of its own name: its name there
    /// and commit. `None` when this clone has no such remote-tracking branch.
    pub fn tracked_on(&self, branch: &str, remote: &str) -> Option<(String, Oid)> {
        let there = (self.config_string(&format!("branch.{branch}.remote")))
            .filter(|r| r == remote)
            .and_then(|_| self.config_string(&format!("branch.{branch}.merge")))
            .and_then(|m| m.strip_prefix("refs/heads/").map(str::to_owned))
            .unwrap_or_else(|| branch.to_owned());
        let at = self.ref_commit(&format!("refs/remotes/{remote}/{there}"))?;
        Some((there, at))
    }

    /// Whether `head`'s history shares a commit with any of `likely`'s or `others`' histories:
    /// one walk of all of them together, newest first, which ends soon after `head`'s own
    /// commits run out (as `git rev-list head --not others` does). A merge base per other tip
    /// would walk both whole histories when they share nothing: seconds per commit on an orphan
    /// gh-pages beside a project's dozens of branches. `likely` (the branches HEAD's was made
    /// from) are walked first and `others` join the walk only when those share nothing: a
    /// branch forked from the root commit is told from the main line's history alone, not from
    /// every stale branch's. A shallow clone may lack the commit they share: yes.
    pub fn shares_history(&self, head: Oid, likely: &[Oid], others: &[Oid]) -> Result<bool> {
        let what = || format!("walk the history of {head}");
        let read = |id: Oid| {
            self.inner
                .find_commit(id)
                .map_err(|e| Error::git(what(), e))
        };
        let mut walk = Shared::default();
        walk.add(head, OWN, &read)?;
        for tips in [likely, others] {
            for tip in tips {
                if walk.add(*tip, THEIRS, &read)? {
                    return Ok(true);
                }
            }
            if walk.run(&read)? {
                return Ok(true);
            }
        }
        Ok(!self.shallow_boundary().is_empty())
    }

    /// Where `a` and `b` meet, honouring a shallow clone's boundary (commits there have no
    /// parents as far as this answer is concerned, as for git).
    pub fn merge_base_of(&self, a: Oid, b: Oid) -> Result<MergeBase> {
        let boundary = self.shallow_boundary();
        match self.inner.merge_base(a, b) {
            Ok(base) => Ok(MergeBase::Found(base)),
            Err(e) if e.code() == ErrorCode::NotFound && !boundary.is_empty() => {
                Ok(MergeBase::BeyondShallow)
            }
            Err(e) if e.code() == ErrorCode::NotFound => Ok(MergeBase::Unrelated),
            // A parent object that is missing although the clone claims to be complete:
            // treat as history that was not fetched, never as a pass.
            Err(_) if !boundary.is_empty() => Ok(MergeBase::BeyondShallow),
            Err(e) => Err(Error::git(format!("find the merge base of {a} and {b}"), e)),
        }
    }
}

/// `head`'s side of [`Repo::shares_history`]'s walk.
const OWN: u8 = 1;
/// The other tips' side.
const THEIRS: u8 = 2;
/// Commits walked past the last of `head`'s, in case a clock went backwards.
const SLOP: usize = 5;

/// Reads a commit for [`Shared`].
type ReadCommit<'r, 'a> = dyn Fn(Oid) -> Result<git2::Commit<'r>> + 'a;

/// [`Repo::shares_history`]'s walk: which side reached each commit, the queue newest first,
/// and how much of `head`'s side is left. Kept between its rounds, so that tips joining it
/// later walk none of the history already walked.
#[derive(Default)]
struct Shared {
    flags: OidMap<u8>,
    queue: std::collections::BinaryHeap<(i64, Oid)>,
    own_queued: usize,
    oldest_own: Option<i64>,
}

impl Shared {
    /// Adds a tip of side `flag`: whether the two sides met there.
    fn add(&mut self, id: Oid, flag: u8, read: &ReadCommit<'_, '_>) -> Result<bool> {
        let seen = self.flags.entry(id).or_default();
        let was = *seen;
        *seen |= flag;
        if *seen == OWN | THEIRS {
            return Ok(true);
        }
        if was == 0 {
            self.queue.push((read(id)?.time().seconds(), id));
            self.own_queued += usize::from(flag == OWN);
        }
        Ok(false)
    }

    /// Walks on until the sides meet (`true`), or only their side is left and it is older
    /// than all of `head`'s (`false`); what is still queued then stays for the next round.
    fn run(&mut self, read: &ReadCommit<'_, '_>) -> Result<bool> {
        let mut slop = SLOP;
        while let Some(&(time, id)) = self.queue.peek() {
            let flag = self.flags[&id];
            if flag == THEIRS && self.own_queued == 0 {
                // Only their history is left: done once it is older than all of `head`'s.
                let oldest = self.oldest_own.unwrap_or(i64::MAX);
                slop = if time >= oldest { SLOP } else { slop - 1 };
                if slop == 0 {
                    return Ok(false);
                }
            }
            self.queue.pop();
            super::walk::step();
            if flag == OWN {
                self.own_queued -= 1;
                self.oldest_own = Some(self.oldest_own.map_or(time, |o| o.min(time)));
            }
            for parent in read(id)?.parent_ids() {
                let seen = self.flags.entry(parent).or_default();
                let was = *seen;
                *seen |= flag;
                if *seen == OWN | THEIRS {
                    return Ok(true);
                }
                if was == 0 {
                    self.queue.push((read(parent)?.time().seconds(), parent));
                    self.own_queued += usize::from(flag == OWN);
                }
            }
        }
        Ok(false)
    }
}

/// Where a push of HEAD's branch goes ([`Repo::push_destination`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushDestination {
    /// HEAD is on a branch.
    Branch {
        /// The branch's short name.
        branch: String,
        /// The remote a push goes to (`None`: several remotes and none chosen).
        remote: Option<String>,
        /// Whether the branch has an upstream, so that a plain `git push` knows where (and
        /// push.default is not `nothing` or `matching`, under which it does not go there).
        upstream: bool,
        /// The upstream's branch on `remote` when its name is not the branch's: a plain `git
        /// push` refuses it or goes elsewhere, so a push names it (`HEAD:<it>`).
        renamed: Option<String>,
        /// Whether `remote` is `origin` only as git's fallback among several remotes, nothing
        /// (push remote, remote.pushDefault, upstream) naming it.
        guessed: bool,
    },
    /// The repository has no remote at all.
    NoRemote {
        /// HEAD's branch.
        branch: String,
    },
    /// HEAD is on no branch.
    Detached,
}

/// `git ls-remote`'s lines, `<id>\t<name>`, as (name, id); a line of another shape is skipped.
fn listed_refs(text: &str) -> Vec<(String, Oid)> {
    text.lines()
        .filter_map(|l| {
            let (id, name) = l.split_once('\t')?;
            Some((name.to_owned(), Oid::from_str(id).ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::testing::git;

    fn renamed(root: &std::path::Path) -> Option<String> {
        match Repo::open(root).unwrap().push_destination() {
            PushDestination::Branch { renamed, .. } => renamed,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_upstream_of_another_name_is_named_where_a_plain_push_refuses_it() {
        let dir = tempfile::tempdir().unwrap();
        let (bare, root) = (dir.path().join("o.git"), dir.path().join("w"));
        git(dir.path(), &["init", "-q", "--bare", "o.git"]);
        git(dir.path(), &["init", "-q", "-b", "main", "w"]);
        git(&root, &["remote", "add", "origin", bare.to_str().unwrap()]);
        git(&root, &["commit", "-q", "--allow-empty", "-m", "a"]);
        git(&root, &["push", "-q", "-u", "origin", "main"]);
        assert_eq!(renamed(&root), None);
        git(&root, &["switch", "-q", "-c", "rel", "origin/main"]);
        assert_eq!(renamed(&root).as_deref(), Some("main"));
        // Pushed elsewhere than it pulls from, `simple` pushes to the branch's own name.
        git(&root, &["remote", "add", "fork", bare.to_str().unwrap()]);
        git(&root, &["config", "branch.rel.pushRemote", "fork"]);
        assert_eq!(renamed(&root), None);
        git(&root, &["config", "--unset", "branch.rel.pushRemote"]);
        // Named whatever push.default says: `HEAD:main` is right under every setting.
        for setting in ["upstream", "current", "matching", "nothing", "simple"] {
            git(&root, &["config", "push.default", setting]);
            assert_eq!(renamed(&root).as_deref(), Some("main"), "{setting}");
        }
    }

    #[test]
    fn a_pull_names_the_upstreams_branch_on_the_remote_it_pulls_from() {
        let dir = tempfile::tempdir().unwrap();
        let (bare, root) = (dir.path().join("o.git"), dir.path().join("w"));
        git(dir.path(), &["init", "-q", "--bare", "o.git"]);
        git(dir.path(), &["init", "-q", "-b", "main", "w"]);
        git(&root, &["remote", "add", "origin", bare.to_str().unwrap()]);
        git(&root, &["remote", "add", "fork", bare.to_str().unwrap()]);
        git(&root, &["commit", "-q", "--allow-empty", "-m", "a"]);
        git(&root, &["push", "-q", "-u", "origin", "main"]);
        git(&root, &["switch", "-q", "-c", "rel", "origin/main"]);
        let pull = |remote: &str| Repo::open(&root).unwrap().pull_branch(remote);
        assert_eq!(pull("origin").as_deref(), Some("main"));
        assert_eq!(pull("fork").as_deref(), Some("rel"));
        git(&root, &["switch", "-q", "--detach"]);
        assert_eq!(pull("origin"), None);
    }
}
