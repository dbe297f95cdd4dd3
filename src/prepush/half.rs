//! A half-made release about to leave: a branch push that sends a release commit whose tag is
//! missing (a `relhook release` killed after its commit). Published so, the branch says a
//! version was released that no tag, test record or release notes stand for.

use std::collections::HashMap;
use std::path::Path;

use git2::Oid;

use super::{Kind, Refusal, Update, peel};
use crate::config::Config;
use crate::git::Repo;
use crate::release;

/// Whether `u` pushes a branch that sends commits new to the remote (`seen`): where a
/// release commit without its rightful tag could go out.
pub(super) fn sends_branch_history(u: &Update, seen: &HashMap<Oid, Option<usize>>) -> bool {
    !seen.is_empty() && !u.is_delete() && u.tag_name().is_none() && u.is_project_history()
}

/// The refusal for `u` when the branch it pushes ends on a half-made release whose release
/// commit is new to the remote (`seen`). Costs a first-parent walk of at most 50 commit
/// messages from the pushed tip, and only for branch pushes that send commits.
pub(super) fn half_made(
    repo: &Repo,
    config: &Config,
    root: &Path,
    remote: &str,
    u: &Update,
    seen: &HashMap<Oid, Option<usize>>,
) -> Option<Refusal> {
    if !sends_branch_history(u, seen) {
        return None;
    }
    let tip = peel(repo, u.local)?;
    let (commit, tag_state, from_head) =
        match release::packages::half_made_from(repo, config, root, tip) {
            Some(h) => {
                if let Some(r) = h.stale_refusal().filter(|_| seen.contains_key(&h.commit)) {
                    return Some(stale(repo, remote, u, h.commit, r));
                }
                let from_head = release::packages::half_made(repo, config, root)
                    .is_some_and(|at| at.commit == h.commit);
                let why = if h.replaces.is_empty() {
                    " (an interrupted release)"
                } else {
                    ""
                };
                (h.commit, format!("its {}{why}", h.tag_state()), from_head)
            }
            None => {
                let h = release::half_made_from(repo, config, tip)?;
                if let Some(r) = h.stale_refusal().filter(|_| seen.contains_key(&h.commit)) {
                    return Some(stale(repo, remote, u, h.commit, r));
                }
                let from_head =
                    release::half_made(repo, config).is_some_and(|at| at.commit == h.commit);
                let state = if h.misplaced_tag.is_some() {
                    format!(
                        "its tag {} is still on the commit before it (an interrupted release)",
                        h.tag
                    )
                } else {
                    format!("its tag {} is missing (an interrupted release)", h.tag)
                };
                (h.commit, state, from_head)
            }
        };
    if !seen.contains_key(&commit) {
        return None;
    }
    let header = header(repo, commit);
    let branch = u.local_ref.strip_prefix("refs/heads/");
    let resume = match (from_head, branch) {
        (true, _) | (false, None) => crate::resume_advice::command(),
        (false, Some(b)) => format!("{} && {}", go_to(repo, b), crate::resume_advice::command()),
    };
    let push = push_again(repo, remote, u);
    Some(Refusal {
        kind: Kind::HalfRelease,
        refs: vec![u.remote_ref.clone()],
        commit: Some(commit),
        subject: header,
        problems: vec![format!(
            "a release commit, but {tag_state}: pushed now, the branch publishes a release that no tag, test record or release notes stand for"
        )],
        fix: format!(
            "finish the release first: `{resume}` (tests it and makes the tag), then {push}; only to have CI test the release commit before it is tagged, push it on purpose (`{}`)",
            super::push_command(repo, remote, &[u])
        ),
    })
}

/// The refusal for `u` when the branch it pushes holds a release commit, new to the remote,
/// whose tag names another commit (the release commit amended or rebased after tagging):
/// pushed, the branch would carry a release its tag does not name. Costs what
/// [`half_made`] does.
pub(super) fn retagged(
    repo: &Repo,
    config: &Config,
    remote: &str,
    u: &Update,
    seen: &HashMap<Oid, Option<usize>>,
) -> Option<Refusal> {
    if !sends_branch_history(u, seen) {
        return None;
    }
    let r = release::retag_needed_from(repo, config, peel(repo, u.local)?)?;
    if !seen.contains_key(&r.commit) {
        return None;
    }
    Some(Refusal {
        kind: Kind::HalfRelease,
        refs: vec![u.remote_ref.clone()],
        commit: Some(r.commit),
        subject: header(repo, r.commit),
        problems: vec![format!(
            "a release commit, but {}: pushed now, the branch publishes a release its tag does not name",
            r.problem()
        )],
        fix: format!(
            "{}{}, then {}",
            switch(repo, u),
            r.fix(repo),
            push_again(repo, remote, u)
        ),
    })
}

/// The refusal of a branch push that sends release commit `commit`, made again rather than
/// tagged (`r`: why, and the redo).
fn stale(repo: &Repo, remote: &str, u: &Update, commit: Oid, r: crate::error::Refusal) -> Refusal {
    Refusal {
        kind: Kind::HalfRelease,
        refs: vec![u.remote_ref.clone()],
        commit: Some(commit),
        subject: header(repo, commit),
        problems: vec![r.what],
        fix: format!(
            "{}{}, then {}",
            switch(repo, u),
            r.fix.unwrap_or_default(),
            push_again(repo, remote, u)
        ),
    }
}

/// Where a fix for the branch `u` pushes is run, when HEAD is not on it: "`cd WORKTREE`, then "
/// (or `git checkout BRANCH`), so that a `git reset --keep` pasted acts on that branch.
fn switch(repo: &Repo, u: &Update) -> String {
    match (u.local_ref.strip_prefix("refs/heads/"), repo.branch()) {
        (Some(b), Some(h)) if b == h => String::new(),
        (Some(b), _) => format!("`{}`, then ", go_to(repo, b)),
        _ => String::new(),
    }
}

/// The command that takes the user to branch `b` to finish its release there: `git checkout
/// B`, or `cd WORKTREE` when another worktree has it checked out (git refuses the checkout).
fn go_to(repo: &Repo, b: &str) -> String {
    match repo.worktree_with(b) {
        Some(path) => format!("cd {}", crate::shellword::quote(&path.to_string_lossy())),
        None => format!("git checkout {}", crate::shellword::quote(b)),
    }
}

/// The first line of `commit`'s message.
pub(super) fn header(repo: &Repo, commit: Oid) -> String {
    repo.stored_commit(commit)
        .map(|c| c.header())
        .unwrap_or_default()
}

/// The push that sends the branch of `u` again with its tags (`-u` where the branch has no
/// upstream yet).
pub(super) fn push_again(repo: &Repo, remote: &str, u: &Update) -> String {
    match u.local_ref.strip_prefix("refs/heads/") {
        Some(b) if u.remote_ref == format!("refs/heads/{b}") => {
            format!(
                "`git push --follow-tags {}{} {}`",
                set_upstream(repo, b),
                crate::shellword::quote(remote),
                crate::shellword::quote(b)
            )
        }
        _ => "push again with `--follow-tags`".to_owned(),
    }
}

/// `-u ` for a push of local `branch` that has no upstream yet (the push gives it one, so
/// that a plain `git push` works after), else nothing.
pub(super) fn set_upstream(repo: &Repo, branch: &str) -> &'static str {
    match repo.has_upstream(branch) {
        true => "",
        false => "-u ",
    }
}
