//! Entries a merge left out of Unreleased for a release's same words. The merge driver once
//! did (as may a line merge, or a resolution taking one side): a parent's `- x` went out of
//! Unreleased because the other parent's release section lists `- x`: a fix
//! released on a maintenance line and picked onto main, or another `fix: typo`. Its commit's
//! own change to the file then still accounted for it, as for an entry a person deleted, and
//! `--sync` said "up to date" while `--rebuild` and `version --next` counted it unreleased.
//! Such a loss is the merge's, not a hand edit, when the merge's file is the one a merge by
//! words alone makes: the entry goes back, unless a commit after the merge wrote it again
//! (then it is gone by hand since). A resolution written by hand stands as written.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use git2::Oid;

use super::{Seen, changelog_at};
use crate::Result;
use crate::config::Config;
use crate::git::{MergeBase, Range, Repo};
use crate::history::changelog::Changelog;

/// Of the range's `commits` (oldest first), the entries (normalised) a merge among them left
/// out in that way; `added` is what each commit of the range added to the file itself.
pub(super) fn dropped_by_merges(
    repo: &Repo,
    path: &Path,
    commits: &[Seen],
    added: &HashMap<Oid, HashSet<String>>,
) -> Result<HashSet<String>> {
    let mut dropped: HashSet<String> = HashSet::new();
    for m in commits.iter().filter(|c| c.parents.len() > 1) {
        let Some(stored) = super::stored_at(repo, m.id, path) else {
            continue;
        };
        let Some(merged) = stored.utf8_log() else {
            continue;
        };
        let [ours, theirs] = repo.parent_ids(m.id)?[..] else {
            continue;
        };
        let Ok(MergeBase::Found(base)) = repo.merge_base_of(ours, theirs) else {
            continue;
        };
        let logs = [base, ours, theirs].map(|c| changelog_at(repo, c, path));
        let [Some(b), Some(o), Some(t)] = logs else {
            continue;
        };
        // The file as a merge by words alone makes it, to the byte: a resolution by hand that
        // took entries out differs from it, and stands.
        let Ok(words) = Changelog::merge_keeping(&b, &o, &t, &HashSet::new()) else {
            continue;
        };
        if words.text != stored.text {
            continue;
        }
        let listed = texts(&merged.unreleased_entries());
        dropped.extend(words.dropped.iter().map(|e| norm(&e.text)).filter(|k| {
            !listed.contains(k)
                // Written again since, by a commit after the merge: gone by hand since.
                && !added.iter().any(|(c, texts)| {
                    texts.contains(k) && *c != m.id && repo.reaches(*c, m.id)
                })
        }));
    }
    Ok(dropped)
}

/// Of `dropped`, the entries a commit no release tag `head` reaches writes (but `releasing`,
/// the tag of the release being made): a person's own words are the file's to keep or lose.
pub(super) fn made_of(
    repo: &Repo,
    config: &Config,
    (head, releasing): (Oid, Option<&str>),
    dropped: HashSet<String>,
) -> Result<HashSet<String>> {
    if dropped.is_empty() {
        return Ok(dropped);
    }
    let range = Range {
        tips: vec![head],
        hidden: repo
            .release_tags(head, &config.version.tag_prefix)?
            .into_iter()
            .filter(|t| Some(t.name.as_str()) != releasing)
            .map(|t| t.commit)
            .collect(),
        ..Range::default()
    };
    let forge = std::cell::OnceCell::new();
    let last = repo.latest_release_tag_except(head, &config.version.tag_prefix, releasing);
    let copies = crate::history::copies::released_copies(repo, config, &range, last)?;
    let how = (&forge, Some(&dropped));
    let made = super::made::entries_made_but(repo, config, &range, how, &copies)?;
    Ok(dropped.intersection(&made).cloned().collect())
}

fn norm(text: &str) -> String {
    crate::history::changelog::normalize(text)
}

fn texts(entries: &[crate::history::changelog::Entry]) -> HashSet<String> {
    entries.iter().map(|e| norm(&e.text)).collect()
}
