//! History → changelog. `--sync` adds to Unreleased what history has and the file lacks
//! (commits made with hooks off, pulled from others, made in a web UI); `--rebuild` writes the
//! whole file from history and release tags, for a repository adopting relhook.
//!
//! How an entry is recognised, so that hand edits win: a commit is *accounted for* when it
//! added an entry to the changelog itself (post-commit puts each entry into its own commit,
//! and a rebase or cherry-pick carries that change along), or when its entry's text was added
//! to the file by any commit since the last release, or is in the file now. A reworded, moved or
//! deleted entry therefore stays as the person left it: its commit is still accounted for.

use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use crate::changelog::entry::{Forge, NewEntry, entry_for};
use crate::changelog::{Changelog, normalize};
use crate::config::Config;
use crate::git::{Range, ReleaseTag, Repo};
use crate::{Error, Result};

/// The header and preamble of a new changelog.
pub const TEMPLATE: &str = include_str!("../templates/CHANGELOG.md");

/// What `--sync` would add.
#[derive(Debug, Clone)]
pub struct SyncPlan {
    /// The entries to add, oldest commit first, with the commit each comes from.
    pub added: Vec<(String, NewEntry)>,
    /// The new file text.
    pub text: String,
    /// Whether anything changes.
    pub changed: bool,
}

/// Plans a sync of the file `current` (the work tree's text) against history.
pub fn plan_sync(repo: &Repo, config: &Config, current: &str) -> Result<SyncPlan> {
    let mut log = parse(&config.changelog.path, current)?;
    let Some(head) = repo.head() else {
        return Ok(SyncPlan {
            added: Vec::new(),
            text: current.to_owned(),
            changed: false,
        });
    };
    let range = since_last_release(repo, head, &config.version.tag_prefix)?;
    let mut commits = collect(repo, &range)?;
    let forge = forge(repo);
    let path = &config.changelog.path;
    let mut known: HashSet<String> = all_entries(&log);
    for c in &mut commits {
        if repo.changes_path(c.id, path) {
            let added = added_by(repo, c.id, path);
            c.changed_log = !added.is_empty();
            known.extend(added);
        }
    }
    let mut added = Vec::new();
    for c in commits.iter().filter(|c| !c.changed_log && c.parents < 2) {
        let Some(entry) = commit_entry(&c.message, config, forge.as_ref()) else {
            continue;
        };
        if known.insert(normalize(&entry.text)) {
            added.push((c.short.clone(), entry));
        }
    }
    for (_, e) in &added {
        log.ensure_unreleased();
        log.add_entry(&e.section, &e.text, e.breaking);
    }
    let text = log.render();
    Ok(SyncPlan {
        changed: text != current,
        added,
        text,
    })
}

/// Writes the whole changelog from history: one section per release tag reachable from HEAD,
/// Unreleased for what follows the last one, link references when the remote is a known forge.
pub fn rebuild(repo: &Repo, config: &Config) -> Result<String> {
    let mut out = TEMPLATE.trim_end().to_owned();
    out.push('\n');
    let Some(head) = repo.head() else {
        return Ok(out);
    };
    let tags = repo.release_tags(head, &config.version.tag_prefix)?;
    let forge = forge(repo);
    let mut sections: Vec<(Option<&ReleaseTag>, Vec<NewEntry>)> = Vec::new();
    let mut hidden: Vec<Oid> = Vec::new();
    for tag in &tags {
        let range = Range {
            tips: vec![tag.commit],
            hidden: hidden.clone(),
            ..Range::default()
        };
        sections.push((Some(tag), entries_in(repo, &range, config, forge.as_ref())?));
        hidden = vec![tag.commit];
    }
    let range = Range {
        tips: vec![head],
        hidden,
        ..Range::default()
    };
    let unreleased = entries_in(repo, &range, config, forge.as_ref())?;
    // Newest first, as Keep a Changelog lists them; the template already has Unreleased.
    out.push_str(&render_entries(&unreleased));
    for (tag, entries) in sections.iter().rev() {
        let Some(tag) = tag else { continue };
        out.push_str(&format!(
            "\n## [{}] - {}\n",
            tag.version,
            crate::date::ymd(tag.when.0, tag.when.1)
        ));
        out.push_str(&render_entries(entries));
    }
    if let (Some(f), Some(last)) = (&forge, tags.last()) {
        out.push_str(&format!(
            "\n[unreleased]: {}/compare/{}...HEAD\n",
            f.base, last.name
        ));
        for (i, t) in tags.iter().enumerate().rev() {
            match i.checked_sub(1).and_then(|p| tags.get(p)) {
                Some(prev) => out.push_str(&format!(
                    "[{}]: {}/compare/{}...{}\n",
                    t.version, f.base, prev.name, t.name
                )),
                None => out.push_str(&format!(
                    "[{}]: {}/releases/tag/{}\n",
                    t.version, f.base, t.name
                )),
            }
        }
    }
    Ok(out)
}

/// Keep a Changelog's sub-section order; others follow in the order met.
const ORDER: &[&str] = &[
    "Added",
    "Changed",
    "Deprecated",
    "Removed",
    "Fixed",
    "Security",
];

fn render_entries(entries: &[NewEntry]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for e in entries {
        if !names.contains(&e.section.as_str()) {
            names.push(&e.section);
        }
    }
    names.sort_by_key(|n| ORDER.iter().position(|o| o == n).unwrap_or(ORDER.len()));
    let mut out = String::new();
    for name in names {
        out.push_str(&format!("\n### {name}\n\n"));
        let in_section = entries.iter().filter(|e| e.section == name);
        let (breaking, rest): (Vec<_>, Vec<_>) = in_section.partition(|e| e.breaking);
        for e in breaking.into_iter().chain(rest) {
            out.push_str(&format!("- {}\n", e.text.replace('\n', "\n  ")));
        }
    }
    out
}

/// Entries of a range, oldest first, each text once.
fn entries_in(
    repo: &Repo,
    range: &Range,
    config: &Config,
    forge: Option<&Forge>,
) -> Result<Vec<NewEntry>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for c in collect_messages(repo, range)?.iter().rev() {
        if let Some(e) = commit_entry(c, config, forge) {
            if seen.insert(normalize(&e.text)) {
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// Non-merge commit messages of a range, newest first (no trees read).
fn collect_messages(repo: &Repo, range: &Range) -> Result<Vec<String>> {
    let mut out = Vec::new();
    repo.walk(range, |c| {
        if c.parents < 2 {
            out.push(String::from_utf8_lossy(&c.message).into_owned());
        }
        true
    })?;
    Ok(out)
}

struct Seen {
    id: Oid,
    short: String,
    message: String,
    parents: usize,
    changed_log: bool,
}

/// The commits of a range, oldest first, with whether each changed the changelog.
fn collect(repo: &Repo, range: &Range) -> Result<Vec<Seen>> {
    let mut out = Vec::new();
    repo.walk(range, |c| {
        out.push(Seen {
            id: c.id,
            short: c.short,
            message: String::from_utf8_lossy(&c.message).into_owned(),
            parents: c.parents,
            changed_log: false,
        });
        true
    })?;
    out.reverse();
    Ok(out)
}

fn since_last_release(repo: &Repo, head: Oid, prefix: &str) -> Result<Range> {
    let hidden = repo
        .latest_release_tag(head, prefix)
        .map(|(_, at)| vec![at])
        .unwrap_or_default();
    let mut range = Range {
        tips: vec![head],
        hidden,
        ..Range::default()
    };
    range.describe = "since the last release".into();
    Ok(range)
}

/// The entry texts a commit added to the changelog, in any section.
pub fn added_by(repo: &Repo, commit: Oid, path: &Path) -> HashSet<String> {
    let read = |id: Oid| -> Option<Changelog> {
        let f = repo.file_at(id, path).ok()??;
        Changelog::parse(&String::from_utf8(f.bytes).ok()?).ok()
    };
    let Some(after) = read(commit) else {
        return HashSet::new();
    };
    let parent = repo
        .git2()
        .find_commit(commit)
        .ok()
        .and_then(|c| c.parent_id(0).ok());
    let before = parent
        .and_then(read)
        .map(|l| all_entries(&l))
        .unwrap_or_default();
    all_entries(&after).difference(&before).cloned().collect()
}

fn all_entries(log: &Changelog) -> HashSet<String> {
    let mut set: HashSet<String> = log
        .unreleased_entries()
        .iter()
        .map(|e| normalize(&e.text))
        .collect();
    for v in log.versions() {
        set.extend(
            log.entries_of(&v)
                .unwrap_or_default()
                .iter()
                .map(|e| normalize(&e.text)),
        );
    }
    set
}

fn commit_entry(message: &str, config: &Config, forge: Option<&Forge>) -> Option<NewEntry> {
    let header = message.lines().next().unwrap_or("");
    if ["fixup! ", "squash! ", "amend! "]
        .iter()
        .any(|p| header.starts_with(p))
    {
        return None;
    }
    entry_for(
        &crate::parse::commit(message.trim_end())?,
        &config.changelog,
        forge,
    )
}

fn forge(repo: &Repo) -> Option<Forge> {
    repo.remote_url().and_then(|u| Forge::from_remote_url(&u))
}

/// Parses the changelog or refuses with the line that broke it.
pub fn parse(path: &Path, text: &str) -> Result<Changelog> {
    Changelog::parse(text).map_err(|e| Error::NotKeepAChangelog {
        path: path.to_owned(),
        line: e.line,
        message: e.message,
    })
}
