//! Commits new to the remote pushed to that another remote has already: pre-push does not
//! judge them (published history is not reworded, and a mirror or a fork is never asked to
//! take a rewrite another remote has), but it says it let them through unchecked. They are
//! new to the remote all the same: its own checks (a release tag left behind, or one it has on
//! another commit) are made for them.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use super::asked::Asked;
use super::{Inspection, Update, peel};
use crate::git::{Range, Repo};

/// How many such commits are counted at most (a push to a new remote holds the whole history).
const LIMIT: usize = 100_000;

/// Commits the remote already has, or another remote published: every remote-tracking ref
/// (as `relhook release` judges what is unpublished; a mirror or a fork is never asked to
/// take reworded history another remote has), and the old value of every pushed ref that is
/// known here.
pub(super) fn known_to_remote(repo: &Repo, updates: &[Update]) -> Vec<Oid> {
    let mut out: Vec<Oid> = updates
        .iter()
        .filter(|u| !u.remote.is_zero())
        .filter_map(|u| peel(repo, u.remote))
        .collect();
    out.extend(repo.remote_tracking_commits("*"));
    out.sort();
    out.dedup();
    out
}

/// For a push to a remote this clone knows nothing of (a ref new to it, no remote-tracking
/// ref of it: never fetched, or its refs deleted), the commits of the refs it has now, asked
/// of it, added to `hidden`: else every commit it has already would be counted as new to it.
/// `Err` when it could not be asked (nothing added): the note for what is counted then.
pub(super) fn ask_unknown_remote(
    repo: &Repo,
    asked: &Asked<'_>,
    updates: &[Update],
    hidden: &mut Vec<Oid>,
) -> Result<(), String> {
    let remote = asked.shown();
    let new_ref =
        (updates.iter()).any(|u| !u.is_delete() && u.is_project_history() && u.remote.is_zero());
    if !new_ref || !repo.remote_tracking_commits(remote).is_empty() {
        return Ok(());
    }
    if asked.refs().is_none() {
        return Err(format!(
            "{remote} could not be asked what it has (`git ls-remote` failed), and this clone has no remote-tracking ref of it: the commits counted as new to it may include some it has already"
        ));
    };
    hidden.extend(asked.known());
    hidden.sort();
    hidden.dedup();
    Ok(())
}

/// The commits the branches of `pushed` bring to `remote` itself: those linted (`seen`) and
/// those [`super::commits::lint_new`] left out because another remote has them; with the note
/// for the latter (commits from before `relhook install` are not counted, never judged).
pub(super) fn new_to_remote(
    repo: &Repo,
    asked: &Asked<'_>,
    pushed: &[&Update],
    seen: &HashMap<Oid, Option<usize>>,
    found: &mut Inspection,
) -> (Option<String>, HashSet<Oid>) {
    let mut new: HashSet<Oid> = seen.keys().copied().collect();
    let note = unchecked_note(repo, asked, pushed, found, &mut new);
    (note, new)
}

/// The note for commits of `pushed` new to `remote` that are not in `new` (the linted ones),
/// each added to it.
fn unchecked_note(
    repo: &Repo,
    asked: &Asked<'_>,
    pushed: &[&Update],
    found: &mut Inspection,
    new: &mut HashSet<Oid>,
) -> Option<String> {
    let remote = asked.shown();
    // Branches only: tags pushed alone have their own note (`behind`), and their history is
    // the branches'.
    let pushed: Vec<&Update> = pushed
        .iter()
        .copied()
        .filter(|u| u.remote_ref.starts_with("refs/heads/"))
        .collect();
    if pushed.is_empty() {
        return None;
    }
    let others: Vec<String> = repo
        .remote_names()
        .into_iter()
        .filter(|r| r != remote && !repo.remote_tracking_commits(r).is_empty())
        .collect();
    if others.is_empty() || !repo.has_remote(remote) {
        return None;
    }
    // What it has: its remote-tracking refs, and what it answered when it was asked.
    let mut hidden: Vec<Oid> = repo.remote_tracking_commits(remote);
    hidden.extend(
        pushed
            .iter()
            .filter(|u| !u.remote.is_zero())
            .filter_map(|u| peel(repo, u.remote)),
    );
    let range = Range {
        tips: pushed.iter().filter_map(|u| peel(repo, u.local)).collect(),
        hidden,
        single: false,
        describe: format!("the commits new to {remote}"),
    };
    let mut unchecked = walk_unchecked(repo, &range, asked.known(), new, found)?;
    // A count to say: asked what it has (the push's one answer) before it is said, as
    // commits it has already are not new to it.
    if unchecked.1 > 0 && !asked.answered() && asked.refs().is_some() {
        unchecked = walk_unchecked(repo, &range, asked.known(), new, found)?;
    }
    let (walked, count) = unchecked;
    new.extend(walked);
    if count == 0 {
        return None;
    }
    let (n, verb, them) = match count {
        1 => ("1 commit".to_owned(), "was", "it"),
        n => (format!("{n} commits"), "were", "them"),
    };
    let has = match others.as_slice() {
        [one] => format!("{one} has"),
        _ => format!("other remotes ({}) have", others.join(", ")),
    };
    // The remote's branch, where it has one: the range relhook check judges.
    let judge =
        pushed
            .iter()
            .find(|u| !u.remote.is_zero())
            .map_or("relhook check --all".to_owned(), |u| {
                format!(
                    "relhook check {}..{}",
                    crate::git::short_id(u.remote),
                    crate::git::short_id(u.local)
                )
            });
    Some(format!(
        "{n} new to {remote} {verb} not checked: {has} {them} already, and published history is not reworded (`{judge}` judges {them})"
    ))
}

/// The commits of `range` below none of `known` either (what the remote answered it has)
/// that `new` lacks, and how many of them were made since `relhook install`: `None` when the
/// history could not be walked.
fn walk_unchecked(
    repo: &Repo,
    range: &Range,
    known: Vec<Oid>,
    new: &HashSet<Oid>,
    found: &mut Inspection,
) -> Option<(Vec<Oid>, usize)> {
    let mut range = range.clone();
    range.hidden.extend(known);
    let (mut walked, mut count) = (Vec::new(), 0usize);
    let ok = repo.walk(&range, |c| {
        if !new.contains(&c.id) {
            walked.push(c.id);
            if !found.before_install.holds(repo, &c) {
                count += 1;
            }
        }
        count < LIMIT
    });
    ok.is_ok().then_some((walked, count))
}
