//! Where the remote's branches stand after the push, as far as this clone can tell, and the
//! release tags that would end up on no branch of the remote: a new release tag whose branch
//! update git will reject (git still sends the tag), a tag pushed before any branch holds its
//! commit, and a published release a forced branch update drops.
//!
//! pre-push cannot see `--force` (or a `+` refspec): a branch update that is not a
//! fast-forward is taken as rejected when judging where a new tag lands, and as forced when
//! judging what it drops; both are refused, and both messages say so. Cost: a few ancestry
//! questions per pushed release tag; the tag list is read only for updates that are not
//! fast-forwards.

use git2::Oid;

use super::{Kind, Refusal, Update, diverged, peel};
use crate::config::Config;
use crate::git::{Repo, short_id};
use crate::tag::rules;

/// A new release tag that may land on no branch of the remote.
pub(super) enum Stranded {
    /// A branch update of this push holds it and git will reject it (not a fast-forward).
    Refused(Refusal),
    /// The tag goes alone and no remote branch holds its commit as last fetched: the remote
    /// may have it since (a push to a URL, another clone's push), which this clone cannot see,
    /// so it is said, not refused (once for all such tags: [`alone_note`]).
    Unsure(Alone),
}

/// A new release tag that goes alone, its commit on no branch of the remote as last fetched.
pub(super) struct Alone {
    name: String,
    version: Option<semver::Version>,
    commit: Oid,
    /// The local branch that holds its commit, if one does.
    branch: Option<String>,
}

/// A branch update of this push.
struct BranchUpdate<'a> {
    update: &'a Update,
    /// The branch's name on the remote.
    branch: &'a str,
    local: Oid,
    /// The remote's commit, when it has the branch and this clone has that commit.
    remote: Option<Oid>,
    fast_forward: bool,
}

/// A branch this push deletes on the remote.
struct Deletion<'a> {
    update: &'a Update,
    branch: &'a str,
    /// The remote's commit there, when this clone has it.
    remote: Oid,
}

/// The remote's branches around the push.
pub(super) struct Landing<'a> {
    updates: Vec<BranchUpdate<'a>>,
    deletions: Vec<Deletion<'a>>,
    /// The remote's other branches, as last fetched.
    others: Vec<Oid>,
    /// The remote's branches once the push is made, by name (see [`Landing::branches`]).
    after: Vec<(String, Oid)>,
    /// The new tags this push sends, each with its commit.
    tags: Vec<(String, Oid)>,
}

impl<'a> Landing<'a> {
    pub(super) fn new(repo: &Repo, remote: &str, updates_in: &'a [Update]) -> Self {
        let updates: Vec<BranchUpdate<'a>> = updates_in
            .iter()
            .filter(|u| !u.is_delete())
            .filter_map(|u| {
                let branch = u.remote_ref.strip_prefix("refs/heads/")?;
                let local = peel(repo, u.local)?;
                let remote = (!u.remote.is_zero())
                    .then(|| peel(repo, u.remote))
                    .flatten();
                let fast_forward =
                    u.remote.is_zero() || remote.is_some_and(|r| repo.reaches(local, r));
                Some(BranchUpdate {
                    update: u,
                    branch,
                    local,
                    remote,
                    fast_forward,
                })
            })
            .collect();
        let deletions: Vec<Deletion<'a>> = updates_in
            .iter()
            .filter(|u| u.is_delete() && !u.remote.is_zero())
            .filter_map(|u| {
                Some(Deletion {
                    update: u,
                    branch: u.remote_ref.strip_prefix("refs/heads/")?,
                    remote: peel(repo, u.remote)?,
                })
            })
            .collect();
        let pushed = |name: &str| {
            let tracked = |branch: &str| name == format!("{remote}/{branch}");
            updates.iter().any(|b| tracked(b.branch)) || deletions.iter().any(|d| tracked(d.branch))
        };
        let tracked: Vec<(String, Oid)> = match repo.has_remote(remote) {
            true => repo.branches_at(&format!("remotes/{remote}/*")),
            false => Vec::new(),
        };
        let tracked: Vec<(String, Oid)> = (tracked.into_iter())
            .filter(|(name, _)| !pushed(name.strip_prefix("remotes/").unwrap_or(name)))
            .collect();
        let others = tracked.iter().map(|(_, c)| *c).collect();
        // The branches this push updates first (in git's order), then the others by name:
        // where several hold a tag, the one named is the push's, else the first by name.
        let mut others_after: Vec<(String, Oid)> = (tracked.into_iter())
            .filter_map(|(name, c)| {
                let branch = name.strip_prefix(&format!("remotes/{remote}/"))?;
                (branch != "HEAD").then(|| (branch.to_owned(), c))
            })
            .collect();
        others_after.sort();
        let after = (updates.iter())
            .map(|b| (b.branch.to_owned(), b.local))
            .chain(others_after)
            .collect();
        let tags = updates_in
            .iter()
            .filter(|u| !u.is_delete() && u.remote.is_zero())
            .filter_map(|u| Some((u.tag_name()?.to_owned(), peel(repo, u.local)?)))
            .collect();
        Landing {
            updates,
            deletions,
            others,
            after,
            tags,
        }
    }

    /// The remote's branches once the push is made, as far as this clone can tell: its
    /// remote-tracking branches (none for a remote never fetched, or a URL), with the branches
    /// this push updates at their new tips and without those it deletes.
    pub(super) fn branches(&self) -> &[(String, Oid)] {
        &self.after
    }

    /// Whether some branch of the remote holds `commit` after the push, whether each update
    /// that is not a fast-forward is rejected or forced.
    fn holds(&self, repo: &Repo, commit: Oid) -> bool {
        repo.held_by_any(&self.others, commit)
            || self.updates.iter().any(|b| {
                repo.reaches(b.local, commit)
                    && (b.fast_forward || b.remote.is_some_and(|r| repo.reaches(r, commit)))
            })
    }

    /// The refusal for new release tag `name` on `commit` when no branch of the remote would
    /// hold it.
    pub(super) fn stranded(
        &self,
        repo: &Repo,
        config: &Config,
        remote: &str,
        u: &Update,
        name: &str,
        commit: Oid,
    ) -> Option<Stranded> {
        if !u.remote.is_zero() || !is_release(config, name) || self.holds(repo, commit) {
            return None;
        }
        let held = self.updates.iter().find(|b| repo.reaches(b.local, commit));
        // The other tags of its release commit this push sends: one refusal for them all.
        let names = super::shared::pushed_with(repo, config, name, commit, &self.tags);
        let (problem, fix) = match held {
            Some(b) => rejected(repo, config, remote, b, &names, commit),
            None => {
                let branch = holding_branch(repo, commit);
                let diverged = branch
                    .as_deref()
                    .and_then(|b| diverged_alone(repo, config, remote, b, &names, commit));
                let Some(refused) = diverged else {
                    return Some(Stranded::Unsure(Alone {
                        name: name.to_owned(),
                        version: name
                            .get(config.version.tag_prefix.len()..)
                            .and_then(|v| semver::Version::parse(v).ok()),
                        commit,
                        branch,
                    }));
                };
                refused
            }
        };
        Some(Stranded::Refused(Refusal {
            kind: Kind::Stranded,
            refs: vec![u.remote_ref.clone()],
            commit: Some(commit),
            subject: match &names[..] {
                [one] => format!("release tag {one}, on no branch of {remote}"),
                many => format!("release tags {}, on no branch of {remote}", many.join(", ")),
            },
            problems: vec![problem],
            fix,
        }))
    }

    /// Published release tags (reachable from a branch's old value on the remote) that a
    /// branch update that is not a fast-forward would leave on no branch of the remote.
    pub(super) fn dropped(
        &self,
        repo: &Repo,
        configs: impl FnOnce() -> Vec<Config>,
        remote: &str,
    ) -> Vec<Refusal> {
        let mut out = Vec::new();
        if self.updates.iter().all(|b| b.fast_forward) && self.deletions.is_empty() {
            return out;
        }
        let configs = &configs();
        out.extend(self.deleted(repo, configs, remote));
        for b in self.updates.iter().filter(|b| !b.fast_forward) {
            let Some(old) = b.remote else { continue };
            for config in configs {
                // One tip at a time: `reaches` keeps one tip's ancestry, so asking of each
                // tip in turn walks each history once.
                let mut tags = repo.release_tag_candidates(&config.version.tag_prefix);
                for (tip, held) in std::iter::once((old, true))
                    .chain(std::iter::once((b.local, false)))
                    .chain(self.others.iter().map(|o| (*o, false)))
                {
                    tags.retain(|t| repo.reaches(tip, t.commit) == held);
                }
                tags.sort_by(|x, y| x.version.cmp(&y.version));
                out.extend(tags.into_iter().map(|t| Refusal {
                    kind: Kind::Rewrite,
                    // The ref's line names the commit pushed; the release's is in the problem.
                    refs: vec![b.update.remote_ref.clone()],
                    commit: Some(b.local),
                    subject: format!("dropping release {} from {remote}'s {}", t.name, b.branch),
                    problems: vec![format!(
                        "{remote}'s {} is at {}, which holds the published release {} ({}); this update is not a fast-forward, and forced (pre-push cannot see `--force`) it would leave {} on no branch of {remote}",
                        b.branch, short_id(old), t.name, short_id(t.commit), t.name
                    )],
                    fix: format!(
                        "build on what was published instead: `git rebase {}` (replays this branch's new commits onto it), then push again; to withdraw {}, publish a fixed version (`{} patch`); to drop it from {} on purpose: `RELHOOK_SKIP=1 git push --force ...`",
                        short_id(old), t.name, rules::release_command(config), b.branch
                    ),
                }));
            }
        }
        out
    }
}

impl Landing<'_> {
    /// Published release tags that only a branch this push deletes holds on the remote: each
    /// is left on no branch of it. A branch this push updates holds what its new tip holds,
    /// and what its old one does when the update is not a fast-forward (git may reject it;
    /// [`Landing::dropped`] refuses the forced case).
    fn deleted(&self, repo: &Repo, configs: &[Config], remote: &str) -> Vec<Refusal> {
        let mut out = Vec::new();
        for d in &self.deletions {
            for config in configs {
                let mut tags = repo.release_tag_candidates(&config.version.tag_prefix);
                tags.retain(|t| repo.reaches(d.remote, t.commit));
                let after = self.others.iter().copied().chain(
                    self.updates
                        .iter()
                        .flat_map(|b| std::iter::once(b.local).chain(b.remote)),
                );
                for tip in after {
                    tags.retain(|t| !repo.reaches(tip, t.commit));
                }
                tags.sort_by(|x, y| x.version.cmp(&y.version));
                // The release branch to keep it on (`git switch` needs a real name).
                let stay = crate::release::release_branches(repo, config)
                    .into_iter()
                    .find(|b| !b.contains('*') && b != d.branch && repo.has_local_branch(b))
                    .unwrap_or_else(|| "<a branch that stays>".to_owned());
                // Checked out in another worktree, it is reached by `cd` (git refuses the switch).
                let switch = if stay.starts_with('<') {
                    format!("git switch {stay}")
                } else {
                    repo.switch_command(&stay)
                };
                out.extend(tags.into_iter().map(|t| Refusal {
                    kind: Kind::Rewrite,
                    refs: vec![d.update.remote_ref.clone()],
                    commit: Some(d.remote),
                    subject: format!(
                        "deleting {remote}'s {}, the only branch there that holds release {}",
                        d.branch, t.name
                    ),
                    problems: vec![format!(
                        "{remote}'s {} is at {}, which holds the published release {} ({}), and no other branch of {remote} does (as last fetched): deleted, it would leave {} on no branch of {remote}",
                        d.branch,
                        short_id(d.remote),
                        t.name,
                        short_id(t.commit),
                        t.name
                    )],
                    fix: format!(
                        "merge it into a branch that stays first (`{} && git merge {remote}/{}`, then push {stay}), or keep it; to delete it on purpose: `RELHOOK_SKIP=1 git push {remote} --delete {}`",
                        switch, d.branch, d.branch
                    ),
                }));
            }
        }
        out
    }
}

/// The one note for the release tags that go alone (see [`Stranded::Unsure`]): a push of
/// every tag to a new remote sends hundreds, said in one line with their number and the
/// first few, oldest version first.
pub(super) fn alone_note(repo: &Repo, remote: &str, alone: &mut [Alone]) -> Option<String> {
    alone.sort_by(|a, b| match (&a.version, &b.version) {
        (Some(x), Some(y)) => x.cmp_precedence(y).then_with(|| a.name.cmp(&b.name)),
        _ => a.name.cmp(&b.name),
    });
    let first = alone.first()?;
    let mut branches: Vec<String> = Vec::new();
    for b in alone.iter().filter_map(|a| a.branch.as_ref()) {
        if !branches.contains(b) {
            branches.push(b.clone());
        }
    }
    let quoted: Vec<String> = branches
        .iter()
        .map(|b| crate::shellword::quote(b))
        .collect();
    // A branch with no upstream yet gets one, as every other push relhook names.
    let u = match branches.iter().all(|b| repo.has_upstream(b)) {
        true => "",
        false => "-u ",
    };
    let command = format!("`git push --follow-tags {u}{remote} {}`", quoted.join(" "));
    let unheld = alone.iter().any(|a| a.branch.is_none());
    if alone.len() == 1 {
        let push = match &first.branch {
            Some(_) => command,
            None => "its branch with `--follow-tags`".to_owned(),
        };
        return Some(format!(
            "{} goes alone, and no branch of {remote} holds {} as last fetched: if {remote} does not have it (`git fetch {remote}` tells), push the branch too: {push}",
            first.name,
            short_id(first.commit)
        ));
    }
    const SHOWN: usize = 3;
    let mut names: Vec<&str> = alone.iter().take(SHOWN).map(|a| a.name.as_str()).collect();
    if alone.len() > SHOWN {
        names.push("…");
    }
    let push = match (branches.is_empty(), unheld) {
        (true, _) => "their branches with `--follow-tags`".to_owned(),
        (false, false) => command,
        (false, true) => format!("{command}, and the others' branches with `--follow-tags`"),
    };
    Some(format!(
        "{} release tags go alone ({}), and no branch of {remote} holds their commits as last fetched: if {remote} does not have them (`git fetch {remote}` tells), push their branches too: {push}",
        alone.len(),
        names.join(", ")
    ))
}

/// Whether `name` is a release tag (`tag_prefix` + SemVer).
fn is_release(config: &Config, name: &str) -> bool {
    name.strip_prefix(config.version.tag_prefix.as_str())
        .is_some_and(|v| semver::Version::parse(v).is_ok())
}

/// The local branch holding `commit`: the current one if it does, else the first that does.
fn holding_branch(repo: &Repo, commit: Oid) -> Option<String> {
    if let (Some(b), Some(head)) = (repo.branch(), repo.head()) {
        if repo.reaches(head, commit) {
            return Some(b);
        }
    }
    repo.branches_at("heads/*")
        .into_iter()
        .find(|(_, c)| repo.reaches(*c, commit))
        .map(|(n, _)| n.trim_start_matches("heads/").to_owned())
}

/// What is wrong when the update of branch `b`, which holds release tag `name`'s `commit`, is
/// not a fast-forward, and the way to a pushed release ([`diverged::fix`]).
fn rejected(
    repo: &Repo,
    config: &Config,
    remote: &str,
    b: &BranchUpdate<'_>,
    names: &[String],
    commit: Oid,
) -> (String, String) {
    let why = match b.remote {
        None => "which this clone has not fetched",
        Some(_) => "which this branch does not contain",
    };
    let problem = format!(
        "{remote}'s {} is at {} ({why}), so this update of it is not a fast-forward: git will reject it (unless forced; pre-push cannot see `--force`) and still send {}, which no branch of {remote} would hold",
        b.branch,
        short_id(b.update.remote),
        super::shared::said(names, commit)
    );
    let on = diverged::Diverged {
        local_branch: b.update.local_ref.strip_prefix("refs/heads/"),
        branch: b.branch,
        local: b.local,
        update: b.update.clone(),
    };
    (
        problem,
        diverged::fix(repo, config, remote, &on, names, commit),
    )
}

/// Release tag `name` on `commit` goes alone, and `branch`, the local branch holding it,
/// cannot be pushed without a rebase (git rejected it before pre-push, or it is not pushed):
/// refused with the fix of a rejected update, as the remote would get the tag and not the
/// branch.
fn diverged_alone(
    repo: &Repo,
    config: &Config,
    remote: &str,
    branch: &str,
    names: &[String],
    commit: Oid,
) -> Option<(String, String)> {
    let (local, there, at) = diverged::alone_on(repo, remote, branch, commit)?;
    let (goes, it) = match names.len() {
        1 => ("goes", names.join("")),
        _ => ("go", "them".to_owned()),
    };
    let problem = format!(
        "{}, {goes} alone: {remote}'s {there} is at {} as last fetched, which {branch} does not contain, so {branch} cannot be pushed as it is (git rejects it as not a fast-forward) and no branch of {remote} would hold {it}",
        super::shared::said(names, commit),
        short_id(at)
    );
    let on = diverged::Diverged {
        local_branch: Some(branch),
        branch: &there,
        local,
        // Not in this push (or rejected before pre-push): the branch as it would be pushed.
        update: Update {
            local_ref: format!("refs/heads/{branch}"),
            local,
            remote_ref: format!("refs/heads/{there}"),
            remote: at,
        },
    };
    Some((
        problem,
        diverged::fix(repo, config, remote, &on, names, commit),
    ))
}
