//! A reverted merge's branch, read for one changelog: in a monorepo, a package's changelog
//! hears only of the branch's commits that belong to that package (the root's, of those that
//! belong to none), and its release tags say whether the merge shipped. A branch touching two
//! packages thus gives each its own `revert "…"` entry, never both joined into one.

use std::path::{Path, PathBuf};

use git2::Oid;

use super::MergeRevert;
use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::{NewEntry, entry_for_message};
use crate::history::packages::Filter;

/// The configuration as the changelog at `path` reads history: the view of the package whose
/// changelog it is (its tag prefix, its commits), else `config` itself.
pub fn config_for_changelog(config: &Config, path: &Path) -> Config {
    let mut v = config.clone();
    if let Some(p) = config.packages.iter().find(|p| p.changelog == path) {
        v.changelog.path = p.changelog.clone();
        v.version.tag_prefix = p.tag.prefix().to_owned();
        v.package = Some(p.clone());
    }
    v
}

/// The merged branch's commits (not merges) that count for `config`, newest first, with
/// their messages.
fn branch_commits(repo: &Repo, m: &MergeRevert, config: &Config) -> Result<Vec<String>> {
    let mut filter = Filter::new(repo, config);
    branch_commits_if(repo, m, |id, message| filter.counts(id, message))
}

/// The merged branch's commits (not merges) that `keep` takes, newest first, with their
/// messages.
fn branch_commits_if(
    repo: &Repo,
    m: &MergeRevert,
    mut keep: impl FnMut(Oid, &str) -> Result<bool>,
) -> Result<Vec<String>> {
    let branch = Range {
        tips: vec![m.merge],
        hidden: vec![m.mainline],
        ..Range::default()
    };
    let mut out = Vec::new();
    let mut failed = None;
    repo.walk(&branch, |c| {
        if c.parents < 2 {
            let message = c.text().into_owned();
            match keep(c.id, &message) {
                Ok(true) => out.push(message),
                Ok(false) => {}
                Err(e) => {
                    failed = Some(e);
                    return false;
                }
            }
        }
        true
    })?;
    match failed {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// The entry a revert of an already released merge calls for in the changelog `config`
/// reads: the merged branch's changes leave, each worded as its own `git revert` would have
/// it (`revert "topic thing"` under Removed; several joined by `; `, oldest first). `None`
/// when none of them had an entry.
pub fn branch_revert_entry(
    repo: &Repo,
    m: &MergeRevert,
    config: &Config,
) -> Result<Option<NewEntry>> {
    let changelog = &config.changelog;
    let mut texts = Vec::new();
    for message in branch_commits(repo, m, config)? {
        let header = message.lines().next().unwrap_or("");
        if entry_for_message(&message, changelog, None).is_some() {
            let revert = format!("Revert \"{header}\"");
            texts.extend(entry_for_message(&revert, changelog, None).map(|e| e.text));
        }
    }
    let Some(section) = changelog.section_for("revert") else {
        return Ok(None);
    };
    texts.reverse();
    Ok((!texts.is_empty()).then(|| NewEntry {
        section: section.to_owned(),
        text: texts.join("; "),
        breaking: false,
    }))
}

/// The entries a merged branch brings back when its released revert `m` is reverted: each of
/// its commits' own that count for `config`, oldest first (as the branch had them before the
/// revert took them back).
pub fn branch_entries(repo: &Repo, m: &MergeRevert, config: &Config) -> Result<Vec<NewEntry>> {
    Ok(entries_of(branch_commits(repo, m, config)?, config))
}

/// The entries of `messages` (newest first), oldest first.
fn entries_of(messages: Vec<String>, config: &Config) -> Vec<NewEntry> {
    let mut out: Vec<NewEntry> = messages
        .iter()
        .filter_map(|message| entry_for_message(message, &config.changelog, None))
        .collect();
    out.reverse();
    out
}

/// Whether a release tag before `id` shipped `what`: the repository's (`version.tag_prefix`)
/// or, in a monorepo, any package's.
pub fn released_anywhere(repo: &Repo, id: Oid, what: Oid, config: &Config) -> bool {
    let prefixes = std::iter::once(config.version.tag_prefix.as_str())
        .chain(config.packages.iter().map(|p| p.tag.prefix()));
    prefixes.into_iter().any(|prefix| {
        repo.latest_release_tag_except(id, prefix, None)
            .is_some_and(|(_, at)| at == what || repo.reaches(at, what))
    })
}

/// [`branch_entries`] of every commit of the branch, whatever package it belongs to: what a
/// repository-wide line about the branch names.
pub fn every_branch_entry(repo: &Repo, m: &MergeRevert, config: &Config) -> Result<Vec<NewEntry>> {
    // Not a configuration without packages: that is the root's, which leaves out the
    // commits of the packages the configuration committed with them has.
    Ok(entries_of(
        branch_commits_if(repo, m, |_, _| Ok(true))?,
        config,
    ))
}

/// The changelogs the entries of `m`'s branch belong to: in a monorepo, each package's whose
/// commits the branch holds and the root's for those of no package (the root's when none
/// has an entry); else the one changelog. What a line about the branch's entries names.
pub fn branch_changelogs(repo: &Repo, m: &MergeRevert, config: &Config) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    if !config.packages.is_empty() {
        for p in &config.packages {
            let view = config_for_changelog(config, &p.changelog);
            if !branch_entries(repo, m, &view)?.is_empty() {
                out.push(p.changelog.clone());
            }
        }
        let mut root = config.clone();
        root.package = None;
        if !out.is_empty() && !branch_entries(repo, m, &root)?.is_empty() {
            out.push(config.changelog.path.clone());
        }
    }
    if out.is_empty() {
        out.push(config.changelog.path.clone());
    }
    Ok(out)
}
