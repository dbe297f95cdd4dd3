//! A remote ahead of this clone: it has branches and tags this clone's remote-tracking refs do
//! not show (pushed from another clone since the last fetch, or never fetched: a branch
//! fetched by name into `FETCH_HEAD`, a single-branch clone). The commits below them read as
//! new to it, and a commit that dodged commit-msg there would be refused here, or counted as
//! never linted, though the remote has it. Before such a verdict the remote is asked (once,
//! through [`Asked`]) and the commits of its refs that this clone has are hidden too. Its refs
//! at commits this clone lacks hide nothing (their history is not here): where the verdict
//! still rests on commits, one line says so, and which fetch brings them.
//!
//! Cost: nothing for a push whose commits all pass; else one connection and, when it hides
//! anything more, a second walk of the pushed commits. A push whose commits all pass
//! asks nothing for its count alone, and says it as what is not known to be there.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use super::asked::Asked;
use super::{Inspection, Kind, Update, commits};
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::shellword::quote;

/// What [`commits::lint_new`] found of the commits `pushed` brings to the remote with
/// `hidden` (what it is known to have) hidden, and the commits walked; asked of the remote
/// first where a refusal or count would rest on commits it may have already (`hidden` then
/// grows with what it has).
pub(super) fn lint_new(
    repo: &Repo,
    config: &Config,
    asked: &Asked<'_>,
    pushed: &[&Update],
    hidden: &mut Vec<Oid>,
) -> Result<(Inspection, HashMap<Oid, Option<usize>>)> {
    let mut pass = lint_pass(repo, config, asked.shown(), pushed, hidden)?;
    if rests_on_commits(&pass.0) && hide_what_it_has(asked, hidden) {
        pass = lint_pass(repo, config, asked.shown(), pushed, hidden)?;
    }
    if rests_on_commits(&pass.0) {
        pass.0.notes.extend(unknown_note(asked));
    }
    pass.0.counted_with_answer = asked.answered();
    Ok(pass)
}

/// [`lint_new`]'s count made again where a check after it asked the remote (a tag a push
/// leaves behind, another remote's note): the commits of the remote's branches and tags that
/// this clone has are hidden too, so that the success line says how many are new to it. Only
/// a count is made: a push with a commit refused, or one from before the install, asked
/// before its lint.
pub(super) fn recount(
    repo: &Repo,
    asked: &Asked<'_>,
    pushed: &[&Update],
    hidden: &mut Vec<Oid>,
    found: &mut Inspection,
) {
    if found.counted_with_answer || !asked.answered() {
        return;
    }
    if hide_what_it_has(asked, hidden) {
        let Ok((linted, before)) = count_new(repo, pushed, hidden, &mut found.before_install)
        else {
            return;
        };
        found.commits_checked = linted;
        found.unlinted_before_install = before;
    }
    found.counted_with_answer = true;
}

/// How many commits `pushed` brings with `hidden` hidden, made since the install and before
/// it, as [`commits::lint_new`] walks them (tips the remote has already bring nothing).
fn count_new(
    repo: &Repo,
    pushed: &[&Update],
    hidden: &[Oid],
    before: &mut crate::history::adoption::BeforeInstall,
) -> Result<(usize, usize)> {
    let mut tips: Vec<Oid> = (pushed.iter())
        .filter_map(|u| super::peel(repo, u.local))
        .filter(|tip| !repo.held_by_any_by_dates(hidden, *tip))
        .collect();
    tips.sort();
    tips.dedup();
    let (mut linted, mut old) = (0, 0);
    if tips.is_empty() {
        return Ok((0, 0));
    }
    let range = crate::git::Range {
        tips,
        hidden: hidden.to_vec(),
        single: false,
        describe: "the pushed refs".into(),
    };
    repo.walk(&range, |c| {
        match before.holds(repo, &c) {
            true => old += 1,
            false => linted += 1,
        }
        true
    })?;
    Ok((linted, old))
}

/// One lint of the commits new to the remote, `hidden` hidden.
fn lint_pass(
    repo: &Repo,
    config: &Config,
    remote: &str,
    pushed: &[&Update],
    hidden: &[Oid],
) -> Result<(Inspection, HashMap<Oid, Option<usize>>)> {
    let mut found = Inspection {
        before_install: crate::history::adoption::BeforeInstall::load(repo, hidden)?,
        ..Inspection::default()
    };
    let mut seen = HashMap::new();
    commits::lint_new(repo, config, remote, pushed, hidden, &mut seen, &mut found)?;
    Ok((found, seen))
}

/// Whether the verdict rests on commits taken as new: some refused, or counted as never
/// linted.
fn rests_on_commits(found: &Inspection) -> bool {
    found.unlinted_before_install > 0 || found.refusals.iter().any(|r| r.kind == Kind::Commit)
}

/// Adds to `hidden` the commits of the remote's branches and tags that this clone has, asked
/// of it now if not yet; whether any was not hidden already.
fn hide_what_it_has(asked: &Asked<'_>, hidden: &mut Vec<Oid>) -> bool {
    if asked.refs().is_none() {
        return false;
    }
    let had: HashSet<Oid> = hidden.iter().copied().collect();
    let more: Vec<Oid> = (asked.known().into_iter())
        .filter(|c| !had.contains(c))
        .collect();
    if more.is_empty() {
        return false;
    }
    hidden.extend(more);
    hidden.sort();
    hidden.dedup();
    true
}

/// The line for the remote's branches and tags at commits this clone lacks, where it was
/// asked: what they hold cannot be told from what this push sends.
fn unknown_note(asked: &Asked<'_>) -> Option<String> {
    let unknown = asked.unknown();
    let remote = asked.shown();
    let short = |n: &String| n.strip_prefix("refs/heads/").unwrap_or(n).to_owned();
    let (them, it) = match unknown.as_slice() {
        [] => return None,
        [one] => (format!("{} at a commit", short(one)), "it"),
        _ => (
            format!("{} branches or tags at commits", unknown.len()),
            "them",
        ),
    };
    let r = quote(remote);
    // By name: a branch this clone does not track is not fetched by a plain `git fetch`.
    let fetch = match unknown.len() {
        1..=5 => {
            let refs: Vec<String> = unknown.iter().map(|n| quote(n)).collect();
            format!("git fetch {r} {}", refs.join(" "))
        }
        _ => format!("git fetch {r}"),
    };
    Some(format!(
        "{remote} has {them} this clone does not have: commits below {it} cannot be told apart from new ones, so some counted here as new to {remote} may be there already (`{fetch}` brings {it}; then push again)"
    ))
}
