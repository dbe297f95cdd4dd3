//! `git reset HEAD~1` (mixed, git's default) keeps the undone commit's changes in the work
//! tree, unstaged: its changelog entry among them. The next commit (`git add` of the other
//! files, `git commit`) gets its own entry, and the undone one, still in the work tree, would
//! be committed later as if it were a change of its own (and released). It is taken out of the
//! work tree copy with the new entry, and said; `git reset --soft` stages it, and the squash
//! rule (`squash`) replaces it inside the commit instead.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use super::squash::RESET_LOOK_BACK;
use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize};
use crate::history::sync::entries_made;

/// The Unreleased entries of the work tree copy of `path` that the committed version
/// (`committed`, as HEAD stores it) lacks and that commits a recent `git reset` took out of
/// `head`'s history made, word for word; never `new`, the entry of the commit made now (the
/// same change committed again). Every commit asks, so the cheap answers come first: a copy
/// the size of the committed file has nothing unstaged (one stat), and without a reset in the
/// reflog there is nothing to take out (the reflog, read only then).
pub(super) fn find(
    (repo, config): (&Repo, &Config),
    head: Oid,
    (path, committed): (&Path, &[u8]),
    new: Option<&NewEntry>,
) -> Result<Vec<NewEntry>> {
    let Some(file) = repo.work_tree().map(|root| root.join(path)) else {
        return Ok(Vec::new());
    };
    let size = u64::try_from(committed.len()).unwrap_or(u64::MAX);
    if std::fs::metadata(&file).map_or(true, |m| m.len() == size) {
        return Ok(Vec::new());
    }
    let tips = repo.reset_away(RESET_LOOK_BACK);
    if tips.is_empty() {
        return Ok(Vec::new());
    }
    let Some(current) = std::fs::read(&file)
        .ok()
        .filter(|bytes| bytes != committed)
        .and_then(Changelog::from_utf8)
    else {
        return Ok(Vec::new());
    };
    let stored: HashSet<String> = Changelog::from_utf8(committed.to_vec())
        .map(|log| log.unreleased_entries())
        .unwrap_or_default()
        .into_iter()
        .map(|e| normalize(&e.text))
        .collect();
    // The commit's own entry, unless it stands under another type's heading (`fix: add b`
    // undone, `feat: add b` committed): then it is the undone one, and goes.
    let own = |e: &crate::history::changelog::Entry| {
        new.is_some_and(|n| {
            normalize(&n.text) == normalize(&e.text)
                && crate::history::changelog::vocab::same_section(
                    &e.section,
                    &current.section_name(&n.section, n.breaking),
                )
        })
    };
    let unstaged: Vec<_> = current
        .unreleased_entries()
        .into_iter()
        .filter(|e| !stored.contains(&normalize(&e.text)) && !own(e))
        .collect();
    if unstaged.is_empty() {
        return Ok(Vec::new());
    }
    let wanted: HashSet<String> = unstaged.iter().map(|e| normalize(&e.text)).collect();
    let undone = Range {
        tips,
        hidden: vec![head],
        ..Range::default()
    };
    let made = entries_made(repo, config, &undone, &OnceCell::new(), Some(&wanted))?;
    Ok(unstaged
        .into_iter()
        .filter(|e| made.contains(&normalize(&e.text)))
        .map(|e| NewEntry {
            breaking: crate::history::changelog::weight::is_breaking(&e.text),
            section: e.section,
            text: e.text,
        })
        .collect())
}

/// Whether two texts of the file differ in blank lines at most: the work tree copy, once the
/// leftovers are out, is then the committed file, and gets the commit's bytes.
pub(super) fn same_but_blank_lines(a: &str, b: &str) -> bool {
    let lines = |t: &str| {
        t.lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    lines(a) == lines(b)
}
