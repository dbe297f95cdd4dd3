//! An amend that changes what the message calls for, of a commit whose entry a person has
//! reworded by hand: the hand edit wins and stays, and one line says so, with the entry the
//! new message calls for (the same line a `rebase -i` reword gets). An amend that makes the
//! message weigh more than the hand entry (`feat:` → `feat!:`) gets its entry beside it, as a
//! commit made so at once would (and as `changelog --sync` counts it).

use std::path::Path;

use git2::Oid;

use super::op::Op;
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize, one_line};

/// For amended commit `head` (its file now `log`), whose message went from calling for `old`
/// to `new`: the entry to add when the entries the person wrote in it by hand no longer stand
/// for it, by the weight rule a fresh commit's own entry meets (`own_entry`).
pub(super) fn outweighed(
    (repo, config): (&Repo, &Config),
    head: Oid,
    (path, log): (&Path, &Changelog),
    (old, new): (Option<&NewEntry>, Option<&NewEntry>),
) -> Result<Option<Op>> {
    let Some(new) = new.filter(|n| old != Some(*n)) else {
        return Ok(None);
    };
    let by_hand = carried(repo, head, (path, log), None);
    let Some(first) = by_hand.first() else {
        return Ok(None);
    };
    if super::own_entry::written((repo, config), head, (path, log), &by_hand, new)?.is_some() {
        return Ok(None);
    }
    // Beside a hand entry that weighs less, said; else (a reworded entry that is no entry of
    // its own) as any commit's.
    use crate::history::changelog::weight::Weight;
    let weight = |e: &NewEntry| Weight::of(e.breaking, &e.section, config);
    if by_hand.iter().all(|e| weight(e) < weight(new)) {
        return Ok(Some(Op::Beside(new.clone(), first.clone())));
    }
    Ok((!log.contains_entry(&new.text, true)).then(|| Op::Add(new.clone())))
}

/// For an amend that replaces the generated entry `old` with `new`: the generated one taken
/// out instead when an entry the person wrote in the commit by hand stands for `new` (the
/// amend back from `feat!:` to `feat:` of [`outweighed`]).
pub(super) fn stands_again(
    (repo, config): (&Repo, &Config),
    head: Oid,
    (path, log): (&Path, &Changelog),
    (old, new): (&NewEntry, &NewEntry),
) -> Result<Option<Op>> {
    let by_hand = carried(repo, head, (path, log), Some(old));
    if by_hand.is_empty() {
        return Ok(None);
    }
    let hand = super::own_entry::written((repo, config), head, (path, log), &by_hand, new)?;
    Ok(hand.map(|(hand, _)| Op::StandIn(old.clone(), hand)))
}

/// The Unreleased entries of `log` that commit `head` added, but `generated`.
pub(super) fn carried(
    repo: &Repo,
    head: Oid,
    (path, log): (&Path, &Changelog),
    generated: Option<&NewEntry>,
) -> Vec<NewEntry> {
    let added: std::collections::HashSet<String> = crate::history::sync::added_by(repo, head, path)
        .iter()
        .map(|t| normalize(t))
        .collect();
    let generated = generated.map(|g| normalize(&g.text));
    // No more entries than its parent had, but the generated one: the commit reworded
    // another commit's entry (a typo fixed), which is no entry of its own.
    let listed = log.unreleased_entries();
    let own = listed
        .iter()
        .filter(|e| generated.as_ref() == Some(&normalize(&e.text)))
        .count();
    let before = repo
        .first_parent(head)
        .and_then(|p| repo.file_at(p, path).ok().flatten())
        .and_then(|f| Changelog::from_utf8(f.bytes))
        .map_or(0, |l| l.unreleased_entries().len());
    if listed.len() - own <= before {
        return Vec::new();
    }
    listed
        .into_iter()
        .filter(|e| {
            let key = normalize(&e.text);
            added.contains(&key) && generated.as_ref() != Some(&key)
        })
        .map(|e| NewEntry {
            breaking: crate::history::changelog::weight::is_breaking(&e.text),
            section: e.section,
            text: e.text,
        })
        .collect()
}

/// The line for amended commit `head`, whose change to `path` (now `log`) added `carried` only (the
/// entry as the person left it), when the message went from calling for `old` to `new`;
/// `None` when the entry already reads as `new` asks, or the message did not change it.
/// `amended`: a `git commit --amend` (else the same change committed again after a reset).
pub(super) fn notice(
    (repo, amended): (&Repo, bool),
    head: Oid,
    (path, log): (&Path, &Changelog),
    (old, new): (Option<&NewEntry>, Option<&NewEntry>),
) -> Option<String> {
    if old == new {
        return None;
    }
    let carried: Vec<String> = crate::history::sync::added_by(repo, head, path)
        .into_iter()
        .collect();
    let [kept] = carried.as_slice() else {
        return None;
    };
    // Quoted as the file has it (`Alpha`, not the key's `alpha`).
    let (kept, marker) = (&log.as_written(kept), log.marker());
    let (shown, commit) = (path.display(), crate::git::short_id(head));
    let commit = if amended {
        format!("amended commit {commit}")
    } else {
        format!("commit {commit} (made again after a reset)")
    };
    match new {
        Some(n) if normalize(kept) == normalize(&n.text) => None,
        Some(n) => Some(format!(
            "{shown} keeps `{marker} {}` for {commit}, as it was edited by hand; if it should follow the new message, change it by hand to `{marker} {}` under {}",
            one_line(kept),
            one_line(&n.text),
            n.section
        )),
        None => Some(format!(
            "{shown} keeps `{marker} {}`, edited by hand, though {commit} no longer calls for an entry; remove it by hand if it should go",
            one_line(kept)
        )),
    }
}
