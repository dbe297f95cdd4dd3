//! A merge that a revert names and history does not have. post-commit rewrites a merge
//! concluded after a changelog conflict (the entries its resolution dropped go back in), so
//! the id git printed for it, which `git revert -m 1 <id>` may then name, is of a commit no
//! branch holds. The merge history has in its place has the same parents: it stands for the
//! named one wherever a merge revert is read (post-commit, `--sync`, `--rebuild`, notes and
//! the next version). A plain revert whose named commit was rebased is paired by header
//! ([`by_header_when_rewritten`]).

use std::collections::HashSet;

use git2::Oid;

use super::MergeRevert;
use crate::Result;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::RevertKey;

/// `m` with its merge as history has it: the named merge when the revert's history holds it;
/// else the one merge there of the same parents (when the named commit is not in this
/// repository at all, the one merge of its mainline parent since), else `m` as it is.
pub fn in_history(repo: &Repo, m: MergeRevert) -> MergeRevert {
    if repo.reaches(m.revert, m.merge) {
        return m;
    }
    let named = parents(repo, m.merge);
    let since = Range {
        tips: vec![m.revert],
        hidden: vec![m.mainline],
        ..Range::default()
    };
    let mut found = Vec::new();
    let walked = repo.walk(&since, |c| {
        let same = match &named {
            Some(p) => *p == c.parent_ids,
            None => c.parents >= 2 && c.parent_ids.contains(&m.mainline),
        };
        if same {
            found.push(c.id);
        }
        found.len() < 2
    });
    match found[..] {
        [merge] if walked.is_ok() => MergeRevert { merge, ..m },
        _ => rebased(repo, m, named.as_deref()).unwrap_or(m),
    }
}

/// The merge a revert names, rebased since with the revert (`git rebase --rebase-merges`):
/// history holds it under another id and other parents. It is the one merge of the revert's
/// history whose header the revert quotes (`Revert "Merge branch 'x'"`), its mainline the
/// parent at the place the named merge had it (the first, when the named one is not here).
fn rebased(repo: &Repo, m: MergeRevert, named: Option<&[Oid]>) -> Option<MergeRevert> {
    let message = repo.commit_text(m.revert)?;
    let quoted = message.lines().next()?.trim().strip_prefix("Revert \"")?;
    let header = crate::commit::parse::unquoted(quoted);
    // Bounded by the named mainline where this repository has it (not in a clone made since
    // the rebase was pushed: there the walk stops at a second such merge, or at the root).
    let since = Range {
        tips: vec![m.revert],
        hidden: parents(repo, m.mainline)
            .map(|_| m.mainline)
            .into_iter()
            .collect(),
        ..Range::default()
    };
    let mut found = Vec::new();
    repo.walk(&since, |c| {
        if c.parents >= 2 && c.text().lines().next().map(str::trim) == Some(header) {
            found.push((c.id, c.parent_ids));
        }
        found.len() < 2
    })
    .ok()?;
    let [(merge, parents)] = &found[..] else {
        return None;
    };
    let at = named
        .and_then(|p| p.iter().position(|id| *id == m.mainline))
        .unwrap_or(0);
    Some(MergeRevert {
        merge: *merge,
        mainline: *parents.get(at)?,
        ..m
    })
}

/// Whether `reapply` (a commit, the id its body names, its header) undoes merge revert
/// `revert` that a rebase rewrote after the reapply was made: the id it names is of no commit
/// its history holds, and its header brings back the merge header the revert quotes (git's
/// `Reapply "Merge branch 'x'"`, or `Revert "Revert "Merge branch 'x'""` before git 2.43).
pub(super) fn reapplies(repo: &Repo, reapply: (Oid, &str, &str), revert: Oid) -> bool {
    let (id, named, header) = reapply;
    let held = repo
        .revision_commit(named)
        .is_some_and(|n| repo.reaches(id, n));
    if held {
        return false;
    }
    let Some(message) = repo.commit_text(revert) else {
        return false;
    };
    let Some(quoted) = message
        .lines()
        .next()
        .and_then(|h| h.trim().strip_prefix("Revert \""))
    else {
        return false;
    };
    crate::commit::parse::reapplied(header) == Some(crate::commit::parse::unquoted(quoted))
}

/// The parents of `commit`, when this repository has it.
fn parents(repo: &Repo, commit: Oid) -> Option<Vec<Oid>> {
    let mut out = None;
    let one = Range {
        tips: vec![commit],
        single: true,
        ..Range::default()
    };
    repo.walk(&one, |c| {
        out = Some(c.parent_ids);
        false
    })
    .ok()?;
    out
}

/// Reverts of `keys` (one range's commits, as revert pairing reads them) whose body names a
/// commit outside their own history: a revert made before the commit it names was rebased or
/// amended (commitlint's `Revert "chore!: minimum node version v20"`, whose change history
/// holds under another id). Such a revert is paired by the header it quotes, as one naming
/// no commit is, so that it cancels the copy history holds. A named commit in the range, or
/// in the revert's history (a change released before), stays as it is.
pub fn by_header_when_rewritten(repo: &Repo, keys: &mut [(Oid, RevertKey)]) {
    let ids: Vec<String> = keys.iter().map(|(id, _)| id.to_string()).collect();
    for (id, key) in keys.iter_mut() {
        let Some(target) = key.reverts.as_mut() else {
            continue;
        };
        let Some(named) = target.commit.as_deref().map(str::to_ascii_lowercase) else {
            continue;
        };
        if ids.iter().any(|c| c.starts_with(&named)) {
            continue;
        }
        let held = repo
            .revparse_commit(&named)
            .is_ok_and(|n| repo.reaches(*id, n));
        if !held {
            target.commit = None;
        }
    }
}

/// The commits of `in_range` that stand for what the merge revert `m` names brought in when a
/// plain `git rebase` made that branch a line of its own (the merge is in no form in the
/// revert's history): those whose header is one of the named merge's branch commits'. Needs
/// the named merge's objects (a clone made since the rebase lacks them: nothing is found).
pub(super) fn lined_copies(
    repo: &Repo,
    m: &MergeRevert,
    in_range: &HashSet<Oid>,
) -> Result<Vec<Oid>> {
    if repo.reaches(m.revert, m.merge) || repo.commit_text(m.merge).is_none() {
        return Ok(Vec::new());
    }
    let header = |text: &str| text.lines().next().unwrap_or("").trim().to_owned();
    let mut headers = HashSet::new();
    let branch = Range {
        tips: vec![m.merge],
        hidden: vec![m.mainline],
        ..Range::default()
    };
    repo.walk(&branch, |c| {
        if c.parents < 2 {
            headers.insert(header(&c.text()));
        }
        true
    })?;
    Ok(in_range
        .iter()
        .filter(|&&id| id != m.revert)
        .filter(|&&id| {
            repo.commit_text(id)
                .is_some_and(|t| headers.contains(&header(&t)))
        })
        .copied()
        .collect())
}
