//! A merge that a revert names and history does not have. post-commit rewrites a merge
//! concluded after a changelog conflict (the entries its resolution dropped go back in), so
//! the id git printed for it, which `git revert -m 1 <id>` may then name, is of a commit no
//! branch holds. The merge history has in its place has the same parents: it stands for the
//! named one wherever a merge revert is read (post-commit, `--sync`, `--rebuild`, notes and
//! the next version). A plain revert whose named commit was rebased is paired by header
//! ([`by_header_when_rewritten`]).

use git2::Oid;

use super::MergeRevert;
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
        _ => m,
    }
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
