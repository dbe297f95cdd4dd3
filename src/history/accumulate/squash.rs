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
//!
//! git removes `SQUASH_MSG` before post-commit runs (measured with git 2.47), so the squash is
//! recognised by what the commit adds, not by git's state.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::weight::{Weight, is_breaking};
use crate::history::changelog::{Changelog, normalize};
use crate::history::sync::entries_made;

/// The Unreleased entries of `log` (the file as `head` stores it) that `head` itself added and
/// that are, word for word, the entries of commits on a branch but not in `head`'s history:
/// those `new` replaces, and those it keeps (they weigh more than `new`).
pub(super) fn parts(
    repo: &Repo,
    config: &Config,
    head: Oid,
    (path, log): (&Path, &Changelog),
    new: &NewEntry,
) -> Result<(Vec<NewEntry>, Vec<NewEntry>)> {
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
    Ok(brought
        .into_iter()
        .filter(|e| made.contains(&normalize(&e.text)))
        .map(|e| NewEntry {
            breaking: is_breaking(&e.text),
            section: e.section,
            text: e.text,
        })
        .partition(|e| weight(config, e) <= own))
}

fn weight(config: &Config, e: &NewEntry) -> Weight {
    Weight::of(e.breaking, &e.section, &config.changelog)
}

/// Which of `texts` (normalized) are the entries of commits on a branch but not in `head`'s
/// history: the commits a squash squashes.
fn squashed<'a>(
    repo: &Repo,
    config: &Config,
    head: Oid,
    texts: impl IntoIterator<Item = &'a str>,
) -> Result<HashSet<String>> {
    let wanted: HashSet<String> = texts.into_iter().map(normalize).collect();
    let unmerged = Range {
        tips: repo.branch_commits(),
        hidden: vec![head],
        ..Range::default()
    };
    entries_made(repo, config, &unmerged, &OnceCell::new(), Some(&wanted))
}
