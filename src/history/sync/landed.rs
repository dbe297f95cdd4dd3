//! An unreleased commit's own entry inside a released section. `git am` (and `git rebase
//! --apply`, `git pull --rebase` with `rebase.backend=apply`) applies a branch's change to the
//! changelog at an offset when its context (`### Added`, an entry, the next heading) reads the
//! same inside the section a release made since: no merge driver runs when a patch applies.
//! That release's tag does not hold the commit, so its entry goes back to Unreleased. A hand
//! edit of a released section stays: only an entry the commit's own change put into that
//! section, in the words its message calls for, is moved.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, Entry, normalize, one_line, release_version};

/// An entry `--sync` moved from a release's section to Unreleased.
#[derive(Debug, Clone)]
pub struct Landed {
    /// The commit whose entry it is (full id).
    pub commit: String,
    /// The release section it stood in, as its heading names it.
    pub version: String,
    /// The entry, under the heading Unreleased gives its kind.
    pub entry: NewEntry,
}

impl Landed {
    /// What this `--sync` did (`synced`), or what doctor finds (`marker`: the file's bullet).
    pub fn said(&self, marker: char, synced: bool) -> String {
        let (entry, v) = (one_line(&self.entry.text), &self.version);
        let commit = crate::git::short_hex(&self.commit);
        let why = "its patch was applied at an offset, as `git am` and `git rebase --apply` do";
        match synced {
            true => format!(
                "{commit}: moved `{marker} {entry}` from [{v}] to Unreleased: release {v} does not hold this commit ({why})"
            ),
            false => format!(
                "`{marker} {entry}` stands in the [{v}] section, but release {v} does not hold commit {commit} ({why}); `--sync` moves it to Unreleased"
            ),
        }
    }
}

/// Moves to Unreleased the entries of `candidates` (each commit with the entry its message
/// calls for) that the commit's own change to `log` put into a release's section whose tag
/// does not hold it. `changed`: the entries each commit added to the file (normalised);
/// `listed`: those Unreleased, or a section not released yet, has (normalised).
pub(super) fn to_unreleased(
    repo: &Repo,
    config: &Config,
    log: &mut Changelog,
    candidates: &[(Oid, NewEntry)],
    (changed, listed): (&HashMap<Oid, HashSet<String>>, &HashSet<String>),
) -> Vec<Landed> {
    let mut out: Vec<Landed> = Vec::new();
    let mut seen = HashSet::new();
    // The lines continuing each entry taken out, which go with it.
    let mut carried: Vec<Vec<String>> = Vec::new();
    for (id, entry) in candidates {
        // Only a commit that changed the file can have put its entry there: no text
        // normalised for the others.
        let Some(added) = changed.get(id) else {
            continue;
        };
        let key = normalize(&entry.text);
        if listed.contains(&key) || !added.contains(&key) {
            continue;
        }
        // One line per entry: a second commit of the same words has nothing left to move.
        if !seen.insert(key.clone()) {
            continue;
        }
        let Some((version, found)) = released_section(repo, config, log, *id, &key) else {
            continue;
        };
        if let Some(lines) = log.take_release_entry(&version, &found.section, &found.text) {
            carried.push(lines);
            let section = log.section_name(&entry.section, entry.breaking);
            let text = found.text;
            let entry = NewEntry {
                section,
                text,
                ..entry.clone()
            };
            let commit = id.to_string();
            out.push(Landed {
                commit,
                version,
                entry,
            });
        }
    }
    if !out.is_empty() {
        log.ensure_unreleased();
        for (l, lines) in out.iter().zip(&carried) {
            let e = &l.entry;
            log.add_entry_carrying(&e.section, &e.text, e.breaking, lines);
        }
    }
    out
}

/// The release section of `log` that lists `key` (normalised) as commit `id`'s change put it
/// there, with the entry as listed: one whose tag exists and does not hold `id`, where the
/// commit's version of the file lists `key` more often than its parent's.
fn released_section(
    repo: &Repo,
    config: &Config,
    log: &Changelog,
    id: Oid,
    key: &str,
) -> Option<(String, Entry)> {
    let path = &config.changelog.path;
    let prefix = &config.version.tag_prefix;
    let mine = super::changelog_at(repo, id, path)?;
    let parent = repo
        .first_parent(id)
        .and_then(|p| super::changelog_at(repo, p, path));
    let count = |log: &Changelog, label: &str| {
        let entries = log.entries_of(label).unwrap_or_default();
        entries.iter().filter(|e| normalize(&e.text) == key).count()
    };
    log.release_entries()
        .into_iter()
        .find_map(|(label, entries)| {
            let found = entries.into_iter().find(|e| normalize(&e.text) == key)?;
            // A section no tag names yet is a release being written (`by_hand`): not this.
            let v = release_version(&label)?;
            let tag = repo.tag_target(&format!("{prefix}{v}"))?;
            let tagged = repo.peel_to_commit(tag)?;
            let put_there = count(&mine, &label) > parent.as_ref().map_or(0, |p| count(p, &label));
            (put_there && !repo.held_by_any(&[tagged], id)).then_some((label, found))
        })
}
