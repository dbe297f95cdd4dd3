//! The commits a rebase brought under a release commit, found by the release commit as it was
//! made: the reflogs of HEAD and the branches keep it (an amend, a rebase and a reword keep
//! its author header and its header), and what was below it then is what the release was made
//! over. A commit below the release commit now that is not there, nor a rewrite of one there
//! (same author header and same header or change: `rebase -i` that rewords or reorders, `git
//! commit --amend`, a squash), came later: a teammate's commit `git pull --rebase` put under it, a commit moved
//! below it. One made with the hooks off has no entry anywhere, so only this tells it from a
//! commit the release was made over and reworded since (pre-push's reword fix, then
//! `--resume`), or one whose entry was taken out of the section by hand.
//!
//! Without the reflogs (expired, `core.logAllRefUpdates` off) the release commit as it was is
//! the one its tag names, when a rewrite left the tag there; with neither, nothing is said
//! here: the rule never guesses.
//!
//! Cost: the reflogs' entries since the release commit was authored (a day earlier, for
//! clocks), then two walks bounded by what the rebase changed.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use crate::config::Config;
use crate::git::{Range, Repo, StoredCommit};
use crate::history::changelog::normalize;
use crate::history::copies::header_key;

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
    let prefix = &config.version.tag_prefix;
    let tag = format!("{prefix}{version}");
    let first = first_form(repo, commit).or_else(|| tagged_form(repo, commit, &tag));
    let (Some(parent), Some(first)) = (repo.first_parent(commit), first) else {
        return out;
    };
    // Below the release tags under it, commits are other releases' business.
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
    let mut over = MadeOver::new(repo, config, &before);
    let brought: Vec<_> = now
        .into_iter()
        .filter(|c| c.parents < 2 && !over.rewrites_one(c))
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

/// The commits a release was made over, to tell a rewrite of one of them from a commit that
/// came later. A rewrite keeps its author header, and its header (an amend, a squash) or its
/// change (a reword); the author header alone is no identity: one author's commits made in the
/// same second (a script, a teammate's clone of one's own) share it.
struct MadeOver<'r> {
    repo: &'r Repo,
    /// The changelogs post-commit writes into each commit, left out of the change.
    skip: Vec<std::path::PathBuf>,
    /// The commits by author header, each with its header.
    by_author: HashMap<Vec<u8>, Vec<(Oid, String)>>,
    /// The patch keys read so far.
    keys: HashMap<Oid, Option<Oid>>,
}

impl<'r> MadeOver<'r> {
    fn new(repo: &'r Repo, config: &Config, before: &[StoredCommit]) -> Self {
        let mut by_author: HashMap<Vec<u8>, Vec<(Oid, String)>> = HashMap::new();
        for c in before {
            let header = header_key(&c.text());
            by_author
                .entry(c.author.clone())
                .or_default()
                .push((c.id, header));
        }
        MadeOver {
            repo,
            skip: crate::history::copies::changelogs(config),
            by_author,
            keys: HashMap::new(),
        }
    }

    /// Whether `c` is a rewrite of one of the commits (or one of them as it is).
    fn rewrites_one(&mut self, c: &StoredCommit) -> bool {
        let Some(olds) = self.by_author.get(&c.author).cloned() else {
            return false;
        };
        let header = header_key(&c.text());
        if olds.iter().any(|(_, h)| *h == header) {
            return true;
        }
        let Some(mine) = self.key(c.id) else {
            return false;
        };
        olds.iter().any(|(o, _)| self.key(*o) == Some(mine))
    }

    fn key(&mut self, id: Oid) -> Option<Oid> {
        let (repo, skip) = (self.repo, &self.skip);
        *(self.keys)
            .entry(id)
            .or_insert_with(|| repo.patch_key(id, skip).ok().flatten())
    }
}

/// Release commit `commit` as it was first made, when the reflogs still have it and it was
/// rewritten since: the oldest commit they name with its author header and its header.
fn first_form(repo: &Repo, commit: Oid) -> Option<Oid> {
    let since = repo.author_time(commit)?.saturating_sub(SKEW);
    repo.reflog_commits_since(since)
        .into_iter()
        .map(|(id, _)| id)
        .find(|id| same_release_commit(repo, commit, *id))
}

/// Release commit `commit` as its tag `tag` names it, when a rewrite left the tag there: the
/// release as it was made, where the reflogs no longer tell (expired, or never kept).
fn tagged_form(repo: &Repo, commit: Oid, tag: &str) -> Option<Oid> {
    let tagged = repo.peel_to_commit(repo.tag_target(tag)?)?;
    same_release_commit(repo, commit, tagged).then_some(tagged)
}

/// Whether `other` is release commit `commit` as it was before a rewrite: another commit with
/// its author header and its header.
fn same_release_commit(repo: &Repo, commit: Oid, other: Oid) -> bool {
    let header = |id: Oid| {
        let message = repo.stored_commit(id)?.message;
        let end = message.iter().position(|b| *b == b'\n');
        Some(message[..end.unwrap_or(message.len())].to_vec())
    };
    other != commit
        && repo
            .author_of(other)
            .is_some_and(|a| repo.author_of(commit) == Some(a))
        && header(other).is_some_and(|h| header(commit) == Some(h))
}
