//! Entries a squash merge stands for, met again when the squashed branch merges its target
//! back (or is merged into it again). `topic`'s `feat: a` wrote `- a`; GitHub squash-merged
//! topic into main as `feat: a (#12)`, whose entry is `- a (#12)`; main merged back into
//! topic then unioned the two, one change listed twice. The squash carries topic's commits
//! when its change (the changelogs aside) is the change from the merge base to one of topic's
//! commits on its first-parent line: those commits' entries go, where the squash's side does
//! not list them itself (a `fix:` squash keeps a `feat:` commit's entry beside its own, and so
//! does the merge). Words alone decide nothing: another change worded alike has another
//! patch, and an entry edited by hand is not the one its commit's message calls for; both stay.
//! A newer copy of the commit found so (one commit of topic cherry-picked onto main under a
//! header of its own) is no squash: the copy's entry stands for it, as a squash's does.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{MergeBase, Range, Repo};
use crate::history::changelog::{Changelog, Entry, Merged, normalize};

/// How many commits of a branch's first-parent line are tried as the end of what a squash
/// carries: each costs a tree diff against the merge base. A squash of a branch further back
/// is not looked for (both entries stay, as without this rule).
const LINE: usize = 500;

/// `merged` (the merge of `sides`, whose changelogs are `logs`) without the entries a squash
/// on one side stands for (see the module), which it names in `merged.carried`. On any
/// doubt (history unreadable), as it was.
pub(super) fn leave_out_carried(
    repo: &Repo,
    config: &Config,
    sides: [Oid; 2],
    logs: [&Changelog; 2],
    merged: &mut Merged,
) {
    let Ok(mut log) = Changelog::parse(&merged.text) else {
        return;
    };
    let Ok(carried) = carried(repo, config, sides, logs, &log) else {
        return;
    };
    if carried.is_empty() {
        return;
    }
    for (e, _) in &carried {
        log.remove_entry(&e.section, &e.text);
    }
    merged.text = log.render();
    merged.carried = carried;
}

/// A commit of a side whose message calls for an entry.
struct Written {
    id: Oid,
    header: String,
    /// Its entry, normalised.
    entry: String,
    /// Committer time: a squash is made after the commits it carries.
    time: i64,
}

/// The Unreleased entries of `merged` that a squash on one side stands for, each with it.
fn carried(
    repo: &Repo,
    config: &Config,
    sides: [Oid; 2],
    logs: [&Changelog; 2],
    merged: &Changelog,
) -> Result<Vec<(Entry, String)>> {
    let MergeBase::Found(base) = repo.merge_base_of(sides[0], sides[1])? else {
        return Ok(Vec::new());
    };
    let now = merged.unreleased_entries();
    let listed_now: HashSet<String> = now.iter().map(|e| normalize(&e.text)).collect();
    let skip = crate::history::copies::changelogs(config);
    // What only the other side can have brought: side `s` lists none of it.
    let one_sided_of = |s: usize| -> HashSet<String> {
        let mut listed = logs[s].released_texts();
        listed.extend(
            logs[s]
                .unreleased_entries()
                .iter()
                .map(|e| normalize(&e.text)),
        );
        listed_now.difference(&listed).cloned().collect()
    };
    // Each squash found, with the entries of the commits it carries that its side lacks.
    let mut found: Vec<Found> = Vec::new();
    for (s, c) in [(0, 1), (1, 0)] {
        let squash_unreleased: HashSet<String> = logs[s]
            .unreleased_entries()
            .iter()
            .map(|e| normalize(&e.text))
            .collect();
        let one_sided = one_sided_of(s);
        if one_sided.is_empty() {
            continue;
        }
        let wanted: HashSet<String> = squash_unreleased
            .intersection(&listed_now)
            .cloned()
            .collect();
        let squashes = entry_commits(repo, config, (base, sides[s]), Some(&wanted))?;
        if squashes.is_empty() {
            continue;
        }
        let line = first_parent_line(repo, base, sides[c])?;
        let mut outlines: HashMap<Oid, Option<Oid>> = HashMap::new();
        for squash in squashes {
            let Some(end) = carried_up_to(repo, (base, &line), squash.id, &skip, &mut outlines)?
            else {
                continue;
            };
            let written = entry_commits(repo, config, (base, end), None)?;
            let copy = copied_by(repo, &squash, end, &written, &skip)?;
            let entries: Vec<String> = written
                .into_iter()
                .map(|w| w.entry)
                .filter(|e| one_sided.contains(e))
                .collect();
            found.push(Found {
                by: squash,
                entries,
                copy,
                side: c,
            });
        }
    }
    stand_copies(&mut found, &one_sided_of);
    // A one-commit branch and its squash carry each other: the newer one (the squash) stands,
    // and an entry standing for commits is never taken out for another squash.
    found.sort_by_key(|f| std::cmp::Reverse(f.by.time));
    let mut standing: HashSet<String> = HashSet::new();
    let mut out: Vec<(Entry, String)> = Vec::new();
    for Found {
        by: squash,
        entries,
        copy,
        ..
    } in found
    {
        if out.iter().any(|(e, _)| normalize(&e.text) == squash.entry) {
            continue;
        }
        standing.insert(squash.entry.clone());
        let (what, verb) = match copy {
            Some(_) => ("the commit", "copies"),
            None => ("the squash merge", "carries"),
        };
        let said = format!(
            "{what} {} `{}` on the other side {verb}",
            crate::git::short_id(squash.id),
            squash.header
        );
        for text in entries.iter().filter(|t| !standing.contains(*t)) {
            let entry = now.iter().find(|e| normalize(&e.text) == *text);
            let new = out.iter().all(|(e, _)| normalize(&e.text) != *text);
            if let Some(e) = entry.filter(|_| new) {
                out.push((e.clone(), said.clone()));
            }
        }
    }
    Ok(out)
}

/// A commit found standing for commits of the other side.
struct Found {
    /// The squash (or, once [`stand_copies`] turned it round, the copy).
    by: Written,
    /// The entries it stands for that its side lacks.
    entries: Vec<String>,
    /// The newer commit of the other side that copies `by` (a cherry-pick of it), if any.
    copy: Option<Written>,
    /// The other side.
    side: usize,
}

/// `end`, the commit of the other side `squash` carries up to, when it is a newer copy of
/// `squash` (the same patch: a cherry-pick of it, as `git cherry-pick -n` and a header of
/// its own make), with its entry.
fn copied_by(
    repo: &Repo,
    squash: &Written,
    end: Oid,
    written: &[Written],
    skip: &[std::path::PathBuf],
) -> Result<Option<Written>> {
    let Some(copy) = written
        .iter()
        .find(|w| w.id == end && w.time >= squash.time)
    else {
        return Ok(None);
    };
    if repo.patch_key(end, skip)? != repo.patch_key(squash.id, skip)? {
        return Ok(None);
    }
    Ok(Some(Written {
        id: copy.id,
        header: copy.header.clone(),
        entry: copy.entry.clone(),
        time: copy.time,
    }))
}

/// A commit carried by an older one whose patch it copies (a cherry-pick of a branch's
/// commit) is no squash's: the copy is the newer, so it stands for the commit it copies, as a
/// squash does for a one-commit branch. A copy also found as a squash itself is left to that.
fn stand_copies(found: &mut [Found], one_sided_of: &dyn Fn(usize) -> HashSet<String>) {
    let squashes: HashSet<Oid> = found.iter().map(|f| f.by.id).collect();
    for f in found.iter_mut() {
        let Some(copy) = f.copy.take() else { continue };
        if squashes.contains(&copy.id) {
            continue;
        }
        let copied = std::mem::replace(&mut f.by, copy);
        let one_sided = one_sided_of(f.side);
        f.entries = Vec::from_iter(Some(copied.entry.clone()).filter(|e| one_sided.contains(e)));
        f.copy = Some(copied);
    }
}

/// The commit of `line` (a first-parent line above `base`) up to which `squash` carries the
/// branch: the change from `base` to it is the squash's, the changelogs aside. Outlines (the
/// paths changed, from trees alone) first; keys (a line diff) only where outlines meet.
fn carried_up_to(
    repo: &Repo,
    (base, line): (Oid, &[Oid]),
    squash: Oid,
    skip: &[std::path::PathBuf],
    outlines: &mut HashMap<Oid, Option<Oid>>,
) -> Result<Option<Oid>> {
    let Some(outline) = repo.patch_outline(squash, skip)? else {
        return Ok(None);
    };
    let mut key = None;
    for t in line {
        let theirs = match outlines.get(t) {
            Some(o) => *o,
            None => *outlines
                .entry(*t)
                .or_insert(repo.outline_between(Some(base), *t, skip)?),
        };
        if theirs != Some(outline) {
            continue;
        }
        let mine = match key {
            Some(k) => k,
            None => *key.insert(repo.patch_key(squash, skip)?),
        };
        if mine.is_some() && repo.key_between(Some(base), *t, skip)? == mine {
            return Ok(Some(*t));
        }
    }
    Ok(None)
}

/// The commits of `base..tip` (no merges) whose message calls for an entry; only those whose
/// entry is in `wanted`, when given.
fn entry_commits(
    repo: &Repo,
    config: &Config,
    (base, tip): (Oid, Oid),
    wanted: Option<&HashSet<String>>,
) -> Result<Vec<Written>> {
    let range = Range {
        tips: vec![tip],
        hidden: vec![base],
        ..Range::default()
    };
    let mut out = Vec::new();
    repo.walk(&range, |c| {
        if c.parents < 2 {
            let message = c.text();
            let entry =
                crate::history::reverts::commit_entry(repo, &message, &config.changelog, None);
            let text = entry.map(|e| normalize(&e.text));
            if let Some(entry) = text.filter(|t| wanted.is_none_or(|w| w.contains(t))) {
                out.push(Written {
                    id: c.id,
                    header: message.lines().next().unwrap_or("").to_owned(),
                    entry,
                    time: c.time,
                });
            }
        }
        true
    })?;
    Ok(out)
}

/// `tip` and its first parents down to `base` (not included), newest first, at most [`LINE`].
fn first_parent_line(repo: &Repo, base: Oid, tip: Oid) -> Result<Vec<Oid>> {
    let range = Range {
        tips: vec![tip],
        hidden: vec![base],
        ..Range::default()
    };
    let mut first: HashMap<Oid, Option<Oid>> = HashMap::new();
    repo.walk(&range, |c| {
        first.insert(c.id, c.parent_ids.first().copied());
        true
    })?;
    let mut line = Vec::new();
    let mut at = Some(tip);
    while let Some(id) = at.filter(|_| line.len() < LINE) {
        let Some(parent) = first.get(&id) else {
            break;
        };
        line.push(id);
        at = *parent;
    }
    Ok(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(n: u8, entry: &str) -> Written {
        Written {
            id: Oid::from_bytes(&[n; 20]).unwrap(),
            header: format!("feat: {entry}"),
            entry: entry.to_owned(),
            time: i64::from(n),
        }
    }

    #[test]
    fn a_newer_copy_stands_for_the_commit_it_copies_unless_it_is_a_squash_itself() {
        let one_sided = |_: usize| HashSet::from(["search".to_owned()]);
        let mut found = vec![Found {
            by: written(1, "search"),
            entries: vec!["search (backport)".into()],
            copy: Some(written(2, "search (backport)")),
            side: 0,
        }];
        stand_copies(&mut found, &one_sided);
        assert_eq!(found[0].by.entry, "search (backport)");
        assert_eq!(found[0].entries, ["search"]);
        assert!(found[0].copy.is_some());
        // A one-commit branch and its squash, each found carrying the other: left as found.
        let mut found = vec![
            Found {
                by: written(1, "a"),
                entries: vec!["a (#12)".into()],
                copy: Some(written(2, "a (#12)")),
                side: 1,
            },
            Found {
                by: written(2, "a (#12)"),
                entries: vec!["a".into()],
                copy: None,
                side: 0,
            },
        ];
        stand_copies(&mut found, &one_sided);
        assert_eq!(found[0].by.entry, "a");
        assert!(found.iter().all(|f| f.copy.is_none()));
    }
}
