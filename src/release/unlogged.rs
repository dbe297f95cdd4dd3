//! Entries in Unreleased that no commit since the last stable release wrote: the entries a
//! `chore:` squash keeps (`git merge --squash topic`, whose commits are not in this branch's
//! history), the `**BREAKING**` entry a `fix:` squash keeps beside its own, or entries a
//! person wrote. The release ships them (its section is Unreleased), so they count towards
//! its version as a commit would: a `**BREAKING**` entry calls for a major, an entry under
//! the section `feat` commits go to for a minor, any other for a patch. An entry a commit of
//! the range wrote is that commit's, counted once, through the commit.

use std::cell::OnceCell;
use std::collections::HashSet;

use git2::Oid;

use super::next::Decider;
use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::normalize;
use crate::history::changelog::weight::{Weight, is_breaking};

/// An Unreleased entry no commit since the last stable release wrote.
#[derive(Debug, Clone)]
pub struct Unlogged {
    /// The entry's text (its first line stands for it).
    pub text: String,
    /// `major`, `minor` or `patch`: what it calls for.
    pub calls_for: &'static str,
}

fn rank(level: &str) -> u8 {
    match level {
        "major" => 3,
        "minor" => 2,
        _ => 1,
    }
}

/// The Unreleased entries of the changelog at `head` that no commit of the range (`head`
/// less `hidden`: the last stable release and what every stable release shipped) wrote,
/// when they change what the commits decide: one calls for more than every commit, or no
/// commit since the latest tag has an entry (so the release would otherwise be refused as
/// empty). The history is walked only then, and only until those entries are accounted for.
/// An entry Unreleased already held at the last stable release (`stable`, a tag made without
/// relhook, which left the section as it was) shipped with it.
pub(super) fn unlogged(
    repo: &Repo,
    config: &Config,
    (head, stable, hidden): (Oid, Option<Oid>, Vec<Oid>),
    commits: &[Decider],
) -> Result<Vec<Unlogged>> {
    let Some(log) = crate::history::sync::changelog_at(repo, head, &config.changelog.path) else {
        return Ok(Vec::new());
    };
    let entries = log.unreleased_entries().into_iter().map(|e| {
        let weight = Weight::of(is_breaking(&e.text), &e.section, config);
        Unlogged {
            text: e.text,
            calls_for: weight.level(),
        }
    });
    let logged = commits.iter().any(|c| c.after_latest && c.in_changelog);
    let most = commits.iter().map(|c| rank(c.calls_for)).max().unwrap_or(0);
    let candidates: Vec<Unlogged> = entries
        .filter(|e| !logged || rank(e.calls_for) > most)
        .collect();
    if candidates.is_empty() {
        return Ok(candidates);
    }
    let shipped: HashSet<String> = stable
        .and_then(|s| crate::history::sync::changelog_at(repo, s, &config.changelog.path))
        .map(|l| {
            l.unreleased_entries()
                .iter()
                .map(|e| normalize(&e.text))
                .collect()
        })
        .unwrap_or_default();
    let candidates: Vec<Unlogged> = candidates
        .into_iter()
        .filter(|e| !shipped.contains(&normalize(&e.text)))
        .collect();
    if candidates.is_empty() {
        return Ok(candidates);
    }
    let wanted: HashSet<String> = candidates.iter().map(|e| normalize(&e.text)).collect();
    let range = Range {
        tips: vec![head],
        hidden,
        ..Range::default()
    };
    let made =
        crate::history::sync::entries_made(repo, config, &range, &OnceCell::new(), Some(&wanted))?;
    Ok(candidates
        .into_iter()
        .filter(|e| !made.contains(&normalize(&e.text)))
        .collect())
}
