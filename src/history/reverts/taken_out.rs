//! A merge revert whose merge this repository has in no form: a plain `git rebase` made the
//! merged branch a line of its own, and a clone made since the rebase was pushed has none of
//! the objects the revert names (`rewritten::lined_copies` reads the branch from them where
//! they are). What the revert took out of the changelog tells its branch then: post-commit
//! took the branch's entries out with the revert, and the rebase carried that change. Each
//! entry stands for the one commit of the revert's history that calls for it; an entry two
//! such commits call for tells neither (the same words may be another change), so nothing is
//! guessed.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use git2::Oid;

use super::MergeRevert;
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::diff::{DiffWork, changed_entries};
use crate::history::changelog::normalize;

/// The commits of `in_range` that stand for the branch `m`'s merge brought in, told by the
/// entries `m.revert` took out of a changelog (see the module); none when this repository has
/// the named merge (its branch is read from it) or the revert took no entry out.
pub(super) fn copies(
    repo: &Repo,
    m: &MergeRevert,
    config: &Config,
    in_range: &HashSet<Oid>,
) -> Vec<Oid> {
    if repo.commit_text(m.merge).is_some() {
        return Vec::new();
    }
    let taken = taken_out(repo, m.revert, config);
    if taken.is_empty() {
        return Vec::new();
    }
    let mut by_entry: HashMap<String, Vec<Oid>> = HashMap::new();
    for &id in in_range.iter().filter(|&&id| id != m.revert) {
        let Some(text) = repo.commit_text(id) else {
            continue;
        };
        let Some(e) = super::commit_entry(repo, &text, &config.changelog, None) else {
            continue;
        };
        let key = normalize(&e.text);
        if taken.contains(&key) && repo.reaches(m.revert, id) {
            by_entry.entry(key).or_default().push(id);
        }
    }
    let mut out: Vec<Oid> = (by_entry.into_values())
        .filter_map(|ids| match ids[..] {
            [one] => Some(one),
            _ => None,
        })
        .collect();
    out.sort();
    out
}

/// The entries (normalised) `revert` took out of the changelogs `config` names, against its
/// first parent.
fn taken_out(repo: &Repo, revert: Oid, config: &Config) -> HashSet<String> {
    let Some(parent) = repo.first_parent(revert) else {
        return HashSet::new();
    };
    let mut paths: Vec<PathBuf> = vec![config.changelog.path.clone()];
    paths.extend(config.packages.iter().map(|p| p.changelog.clone()));
    paths.dedup();
    let text = |commit: Oid, path: &PathBuf| -> Option<String> {
        let blob = repo.blob_at(commit, path)?;
        String::from_utf8(repo.blob_bytes(blob)?).ok()
    };
    let mut out = HashSet::new();
    for path in &paths {
        let (Some(before), after) = (text(parent, path), text(revert, path)) else {
            continue;
        };
        let after = after.unwrap_or_default();
        let changed = changed_entries(&before, &after, &mut DiffWork::default());
        out.extend(changed.removed.iter().map(|t| normalize(t)));
    }
    out
}
