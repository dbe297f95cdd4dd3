//! The commits a rebase brought under a release commit, found by the release commit as it was
//! made: the reflogs of HEAD and the branches keep it (an amend, a rebase and a reword keep
//! its author header and its header), and what was below it then is what the release was made
//! over. A commit below the release commit now that is not there, nor a rewrite of one there
//! (same author header: `rebase -i` that rewords or reorders, `git commit --amend`, a
//! squash), came later: a teammate's commit `git pull --rebase` put under it, a commit moved
//! below it. One made with the hooks off has no entry anywhere, so only this tells it from a
//! commit the release was made over and reworded since (pre-push's reword fix, then
//! `--resume`), or one whose entry was taken out of the section by hand.
//!
//! Without the reflogs (expired, `core.logAllRefUpdates` off) the release commit as it was
//! cannot be found and nothing is said here: the rule never guesses.
//!
//! Cost: the reflogs' entries since the release commit was authored (a day earlier, for
//! clocks), then two walks bounded by what the rebase changed.

use std::collections::HashSet;

use git2::Oid;

use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::normalize;

/// How far before its author date a release commit's first form may be in the reflogs.
const SKEW: i64 = 86_400;

/// What a rebase brought under a release commit.
#[derive(Debug, Default)]
pub(super) struct Brought {
    /// The commits.
    pub ids: HashSet<Oid>,
    /// The entries of those with no entry in the changelog at the release commit (made with
    /// the hooks off): what a release made now would add to its section.
    pub unlogged: Vec<String>,
}

/// The commits below release commit `commit` of `version` that were not below it when it was
/// made, and their entries the changelog there lacks.
pub(super) fn brought_below(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    version: &semver::Version,
) -> Brought {
    let mut out = Brought::default();
    let (Some(parent), Some(first)) = (repo.first_parent(commit), first_form(repo, commit)) else {
        return out;
    };
    // Below the release tags under it, commits are other releases' business.
    let prefix = &config.version.tag_prefix;
    let released: Vec<Oid> = repo
        .release_tags(parent, prefix)
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.commit)
        .collect();
    let walk = |tip: Oid, hidden: Vec<Oid>| {
        let mut seen = Vec::new();
        let range = Range {
            tips: vec![tip],
            hidden,
            ..Range::default()
        };
        let walked = repo.walk(&range, |c| {
            seen.push(c);
            true
        });
        walked.ok().map(|()| seen)
    };
    let Some(before) = walk(first, vec![parent]) else {
        return out;
    };
    let Some(now) = walk(parent, [vec![first], released].concat()) else {
        return out;
    };
    let authors: HashSet<&[u8]> = before.iter().map(|c| c.author.as_slice()).collect();
    let brought: Vec<_> = now
        .into_iter()
        .filter(|c| c.parents < 2 && !authors.contains(c.author.as_slice()))
        .collect();
    if brought.is_empty() {
        return out;
    }
    let path = &config.changelog.path;
    let told: HashSet<String> = crate::history::sync::changelog_at(repo, commit, path)
        .map(|log| {
            let section = log.entries_of(&version.to_string()).unwrap_or_default();
            section
                .into_iter()
                .chain(log.unreleased_entries())
                .map(|e| normalize(&e.text))
                .collect()
        })
        .unwrap_or_default();
    let forge = crate::history::sync::forge(repo);
    let mut filter = crate::history::packages::Filter::new(repo, config);
    for c in brought.iter().rev() {
        let message = c.text();
        if !filter.counts(c.id, &message).unwrap_or(false) {
            continue;
        }
        out.ids.insert(c.id);
        let entry = crate::history::reverts::commit_entry(
            repo,
            &message,
            &config.changelog,
            forge.as_ref(),
        );
        if let Some(e) = entry.filter(|e| !told.contains(&normalize(&e.text))) {
            out.unlogged.push(e.text);
        }
    }
    out
}

/// Release commit `commit` as it was first made, when the reflogs still have it and it was
/// rewritten since: the oldest commit they name with its author header and its header.
fn first_form(repo: &Repo, commit: Oid) -> Option<Oid> {
    let author = repo.author_of(commit)?;
    let header = |id: Oid| {
        let message = repo.stored_commit(id)?.message;
        let end = message.iter().position(|b| *b == b'\n');
        Some(message[..end.unwrap_or(message.len())].to_vec())
    };
    let ours = header(commit)?;
    let since = repo.author_time(commit)?.saturating_sub(SKEW);
    repo.reflog_commits_since(since)
        .into_iter()
        .map(|(id, _)| id)
        .find(|id| {
            *id != commit
                && repo.author_of(*id).as_ref() == Some(&author)
                && header(*id).as_ref() == Some(&ours)
        })
}
