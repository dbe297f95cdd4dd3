//! A commit that brings other commits' entries with it: `git merge --squash feature` (the merge
//! driver puts the branch's entries into Unreleased, staged) or `git cherry-pick -n`, then
//! `git commit -m "feat: the feature"`. Those commits are not in this branch's history, so
//! history lists the commit's own entry alone (`--rebuild`, and `--sync`, for which the
//! commit's own change to the file accounts for it); post-commit therefore puts that entry in
//! their place, inside the commit, and says so. Only entries that read exactly as those
//! commits' messages make them are replaced: one a person wrote or edited stays. A commit
//! whose message calls for no entry (`chore: bring in the feature`) keeps them all.
//!
//! A squash's entry stands for the entries it squashes only up to its own weight (a
//! `**BREAKING**` entry a major, a `feat` one a minor, any other a patch: `changelog::weight`):
//! a breaking change or a feature is never replaced by an entry that does not say it. A
//! `fix: squashed topic` over `feat!: drop the old api` and `feat: topic a` keeps their entries
//! beside its own, and the version counts them (`release::unlogged`), as it would count those
//! commits; otherwise the release would be a patch and the feature gone from the changelog.
//! An amend that changes the squash's weight (`fix:` → `fix!:`, or back) weighs them again
//! (`reweighed`), so the commit reads as if first made with its new message.
//!
//! git removes `SQUASH_MSG` before post-commit runs (measured with git 2.47), so the squash is
//! recognised by what the commit adds, not by git's state. `git reset --soft HEAD~1` and the
//! commit made again (in other words) is such a squash too: the commits the reset took out of
//! history, which HEAD's reflog names, left their entries staged.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use super::op::{Op, plural};
use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::weight::{Weight, is_breaking};
use crate::history::changelog::{Changelog, normalize, one_line};
use crate::history::sync::{added_by, changelog_at, entries_made};

/// How many of HEAD's newest reflog entries are read for the `git reset`s before a commit.
pub(super) const RESET_LOOK_BACK: usize = 16;

/// What `head` itself added to Unreleased besides `new`, split by who wrote it.
#[derive(Default)]
pub(super) struct Brought {
    /// Word for word the entries of commits on a branch but not in `head`'s history, which
    /// `new` replaces...
    pub replaced: Vec<NewEntry>,
    /// ...or keeps, as they weigh more than `new`.
    pub kept: Vec<NewEntry>,
    /// Entries no such commit makes: written by the person making `head`.
    pub by_hand: Vec<NewEntry>,
}

/// The Unreleased entries of `log` (the file as `head` stores it) that `head` itself added.
pub(super) fn parts(
    repo: &Repo,
    config: &Config,
    head: Oid,
    (path, log): (&Path, &Changelog),
    new: &NewEntry,
) -> Result<Brought> {
    // Most commits leave the file to post-commit: one tree lookup says so.
    if !repo.changes_path(head, path) {
        return Ok(Default::default());
    }
    let added = crate::history::sync::added_by(repo, head, path);
    let own = normalize(&new.text);
    let brought: Vec<_> = log
        .unreleased_entries()
        .into_iter()
        .filter(|e| {
            let k = normalize(&e.text);
            k != own && added.contains(&k)
        })
        .collect();
    if brought.is_empty() {
        return Ok(Default::default());
    }
    let made = squashed(repo, config, head, brought.iter().map(|e| e.text.as_str()))?;
    let own = weight(config, new);
    let (squashed, by_hand): (Vec<NewEntry>, Vec<NewEntry>) = brought
        .into_iter()
        .map(|e| NewEntry {
            breaking: is_breaking(&e.text),
            section: e.section,
            text: e.text,
        })
        .partition(|e| made.contains(&normalize(&e.text)));
    let (replaced, kept) = squashed.into_iter().partition(|e| weight(config, e) <= own);
    Ok(Brought {
        replaced,
        kept,
        by_hand,
    })
}

fn weight(config: &Config, e: &NewEntry) -> Weight {
    Weight::of(e.breaking, &e.section, config)
}

/// Which of `texts` (normalized) are the entries of commits on a branch but not in `head`'s
/// history: the commits a squash squashes. Or of commits a `git reset` just took out of
/// history (`reset --soft HEAD~1`, then the commit again in other words): the entries they
/// left staged are theirs, and this commit's own entry takes their place.
fn squashed<'a>(
    repo: &Repo,
    config: &Config,
    head: Oid,
    texts: impl IntoIterator<Item = &'a str>,
) -> Result<HashSet<String>> {
    let wanted: HashSet<String> = texts.into_iter().map(normalize).collect();
    entries_made(
        repo,
        config,
        &unmerged(repo, head),
        &OnceCell::new(),
        Some(&wanted),
    )
}

/// The commits on a branch but not in `head`'s history, and those a `git reset` just took
/// out of it: what a squash at `head` squashes.
fn unmerged(repo: &Repo, head: Oid) -> Range {
    let mut tips = repo.branch_commits();
    tips.extend(repo.reset_away(RESET_LOOK_BACK));
    Range {
        tips,
        hidden: vec![head],
        ..Range::default()
    }
}

/// The entries (normalized) the commits a squash at `head` squashes make from their messages
/// (see [`squashed`]), all of them.
pub(super) fn squashed_entries(repo: &Repo, config: &Config, head: Oid) -> Result<HashSet<String>> {
    entries_made(repo, config, &unmerged(repo, head), &OnceCell::new(), None)
}

/// `own` (an amend's edit of its own entry), with the squashed entries weighed again when the
/// amended commit is a squash whose header now weighs otherwise (see `reweighed`).
pub(super) fn reweigh(
    repo: &Repo,
    config: &Config,
    head: Oid,
    file: (&Path, &Changelog),
    entries: (Option<&NewEntry>, Option<&NewEntry>),
    own: Option<Op>,
) -> Result<Option<Op>> {
    let (gone, back, unsure) = reweighed(repo, config, head, file, entries)?;
    if gone.is_empty() && back.is_empty() && unsure.is_empty() {
        return Ok(own);
    }
    let entry = entries.1.is_some();
    Ok(Some(Op::Reweigh(
        own.map(Box::new),
        gone,
        back,
        unsure,
        entry,
    )))
}

/// An amend of a squash whose header now weighs otherwise (`old` → `new`: `fix:` → `fix!:`,
/// `feat:` → `chore:`): the squashed entries its old header kept and the new one stands for
/// (to take out), those its old header stood for and the new one does not (to put back), and
/// those the new header would stand for that relhook cannot tell are squashed ones (kept).
/// The squashed entries are read from the commit's earlier versions, which HEAD's reflog
/// names: the version git first made carries them all, as the merge staged them, so no branch
/// is needed to find them. One is put back only when relhook's rewrite of a version took it
/// out (the last version that held it was replaced by relhook, not by a person's amend): an
/// entry a person took out stays out. One is taken out only while it is still the entry of a
/// commit on a branch but not in history, as at the squash itself; once that branch is gone
/// it is kept, and said, rather than dropped.
fn reweighed(
    repo: &Repo,
    config: &Config,
    head: Oid,
    (path, log): (&Path, &Changelog),
    (old, new): (Option<&NewEntry>, Option<&NewEntry>),
) -> Result<Reweighed> {
    let (was, now) = (
        old.map(|e| weight(config, e)),
        new.map(|e| weight(config, e)),
    );
    if was == now {
        return Ok(Default::default());
    }
    // An amend's chain is short; a bound keeps a reflog of amends from costing more.
    let versions = repo.replaced_versions(head, 64);
    let forge = OnceCell::new();
    let own: HashSet<String> = versions
        .iter()
        .filter_map(|(c, _)| super::entries::entry_of(repo, *c, config, &forge))
        .chain(old.cloned())
        .chain(new.cloned())
        .map(|e| normalize(&e.text))
        .collect();
    // Each version's file, newest first, with whether relhook's rewrite replaced it.
    let logs: Vec<(Option<std::rc::Rc<Changelog>>, bool)> = versions
        .iter()
        .map(|(c, by_relhook)| (changelog_at(repo, *c, path), *by_relhook))
        .collect();
    let mut brought: Vec<NewEntry> = Vec::new();
    for ((c, _), (stored, _)) in versions.iter().zip(&logs) {
        let Some(stored) = stored.as_ref().filter(|_| repo.changes_path(*c, path)) else {
            continue;
        };
        let added = added_by(repo, *c, path);
        for e in stored.unreleased_entries() {
            let k = normalize(&e.text);
            if added.contains(&k)
                && !own.contains(&k)
                && !brought.iter().any(|b| normalize(&b.text) == k)
            {
                brought.push(NewEntry {
                    breaking: is_breaking(&e.text),
                    section: e.section,
                    text: e.text,
                });
            }
        }
    }
    let mut out = Reweighed::default();
    let mut heavier = Vec::new();
    for e in brought {
        let w = Some(weight(config, &e));
        let held = log.contains_entry(&e.text, true);
        if held && w > was && w <= now {
            heavier.push(e);
        } else if !held && w <= was && w > now && taken_out_by_relhook(&logs, &e.text) {
            out.1.push(e);
        }
    }
    // Those a commit of this history calls for (a sync commit amended into a `feat:`) are
    // that commit's entries: neither squashed nor unsure.
    let theirs = made_in_history(repo, config, head, &heavier)?;
    heavier.retain(|e| !theirs.contains(&normalize(&e.text)));
    if !heavier.is_empty() {
        let made = squashed(repo, config, head, heavier.iter().map(|e| e.text.as_str()))?;
        for e in heavier {
            if made.contains(&normalize(&e.text)) {
                out.0.push(e);
            } else {
                out.2.push(e);
            }
        }
    }
    Ok(out)
}

/// Which of `entries` (normalized) a commit of `head`'s history since the last release calls
/// for, `head` left out.
fn made_in_history(
    repo: &Repo,
    config: &Config,
    head: Oid,
    entries: &[NewEntry],
) -> Result<HashSet<String>> {
    match repo.first_parent(head).filter(|_| !entries.is_empty()) {
        Some(parent) => super::own_entry::made_since_release(repo, config, parent, entries),
        None => Ok(HashSet::new()),
    }
}

/// Taken out, put back, and kept as relhook cannot tell (see `reweighed`).
type Reweighed = (Vec<NewEntry>, Vec<NewEntry>, Vec<NewEntry>);

/// Whether the newest of `logs` (earlier versions, newest first) whose Unreleased holds `text`
/// was replaced by relhook's rewrite: relhook, not a person, took the entry out.
fn taken_out_by_relhook(logs: &[(Option<std::rc::Rc<Changelog>>, bool)], text: &str) -> bool {
    logs.iter()
        .find(|(l, _)| l.as_ref().is_some_and(|l| l.contains_entry(text, true)))
        .is_some_and(|(_, by_relhook)| *by_relhook)
}

/// The squashed entries kept beside the commit's own, and why: the heaviest one is named
/// (a breaking change before a feature), with the amend that would mark it in history.
pub(super) fn kept_beside(kept: &[NewEntry], marker: char, again: &str) -> String {
    let Some(first) = kept.iter().find(|e| e.breaking).or(kept.first()) else {
        return String::new();
    };
    let (kind, mark, how) = if first.breaking {
        ("a breaking change", "mark", "with `!` after the type")
    } else {
        ("a feature", "announce", "as `feat:`")
    };
    format!(
        "kept {}`{marker} {}` beside it{again}: the commits it squashes include {kind} this commit's header does not {mark}, so the next version counts it as {kind} (`git commit --amend` {how} marks it in history too)",
        match kept.len() {
            1 => String::new(),
            n => format!("{n} entries, first: "),
        },
        one_line(&first.text),
    )
}

/// "2 entries of the commits it squashes (first: `- x`)".
pub(super) fn of_the_squashed(entries: &[NewEntry], marker: char) -> String {
    format!(
        "{} of the commits it squashes ({}`{marker} {}`)",
        plural(entries.len(), "entry", "entries"),
        if entries.len() > 1 { "first: " } else { "" },
        entries
            .first()
            .map_or_else(String::new, |e| one_line(&e.text)),
    )
}
