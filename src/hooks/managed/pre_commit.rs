//! The entries of pre-commit's configuration that run relhook. relhook never writes that file
//! (install leaves a hook it already runs relhook for with it), so uninstall never edits it
//! either: it names these entries, which keep running relhook until they are removed.

use std::path::PathBuf;

use super::super::HOOKS;
use super::read_text;
use crate::git::HooksLocation;
use crate::hooks::install::{Detected, Manager};

/// One entry (`- id: …` and its keys) of pre-commit's configuration that runs relhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its `id:`, or empty when it has none.
    pub id: String,
    /// Its first and last line, from 1.
    pub lines: (usize, usize),
}

/// pre-commit's configuration file and the entries in it that run relhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreCommitCalls {
    /// The configuration file, relative to the work tree.
    pub file: PathBuf,
    /// The entries, in the file's order.
    pub entries: Vec<Entry>,
}

/// The entries of pre-commit's configuration that run relhook, if there are any.
pub fn pre_commit_entries(loc: &HooksLocation, managers: &[Detected]) -> Option<PreCommitCalls> {
    let config = managers.iter().find(|m| m.manager == Manager::PreCommit)?;
    let entries = entries(&read_text(&loc.work_tree.join(&config.evidence)));
    (!entries.is_empty()).then(|| PreCommitCalls {
        file: config.evidence.clone(),
        entries,
    })
}

/// Every list item of `text` that runs relhook: a `repo: local` entry whose `entry:` calls
/// `relhook hook <hook>`, or one of the ids relhook's `.pre-commit-hooks.yaml` offers.
fn entries(text: &str) -> Vec<Entry> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found: Vec<Entry> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        if line.trim_start().starts_with('#')
            || !(line.contains("relhook hook ") || relhook_id(line))
        {
            continue;
        }
        let Some(start) = item_start(&lines, n) else {
            continue;
        };
        if found.last().is_some_and(|e| e.lines.0 == start + 1) {
            continue;
        }
        let end = item_end(&lines, start);
        let id = lines[start..=end]
            .iter()
            .copied()
            .find_map(id_of)
            .unwrap_or_default();
        found.push(Entry {
            id,
            lines: (start + 1, end + 1),
        });
    }
    found
}

fn indent(l: &str) -> usize {
    l.len() - l.trim_start().len()
}

fn meaningful(l: &str) -> bool {
    !l.trim().is_empty() && !l.trim_start().starts_with('#')
}

fn is_item(l: &str) -> bool {
    let t = l.trim_start();
    t == "-" || t.starts_with("- ")
}

/// The list item line `at` belongs to (from 0): itself when it opens one, else the nearest
/// item above that is less indented than it.
fn item_start(lines: &[&str], at: usize) -> Option<usize> {
    if is_item(lines[at]) {
        return Some(at);
    }
    let deep = indent(lines[at]);
    let above = (0..at).rev().filter(|&i| meaningful(lines[i]));
    // The first line above that is less indented either opens the item or ends the search.
    above
        .into_iter()
        .find(|&i| indent(lines[i]) < deep)
        .filter(|&i| is_item(lines[i]))
}

/// The last meaningful line (from 0) of the item opened at `start`: every line below it that
/// is deeper than its dash.
fn item_end(lines: &[&str], start: usize) -> usize {
    let dash = indent(lines[start]);
    (start + 1..lines.len())
        .filter(|&i| meaningful(lines[i]))
        .take_while(|&i| indent(lines[i]) > dash)
        .last()
        .unwrap_or(start)
}

/// The value of an `id:` key on this line (`- id: x` or `id: x`), unquoted.
fn id_of(line: &str) -> Option<String> {
    let t = line.trim_start().trim_start_matches("- ").trim_start();
    let value = t.strip_prefix("id")?.trim_start().strip_prefix(':')?;
    let value = value.split(" #").next().unwrap_or(value).trim();
    Some(value.trim_matches(['"', '\'']).to_owned())
}

/// Whether this line is the `id:` of a hook relhook's `.pre-commit-hooks.yaml` offers.
fn relhook_id(line: &str) -> bool {
    id_of(line).is_some_and(|id| {
        id == "relhook"
            || id
                .strip_prefix("relhook-")
                .is_some_and(|h| HOOKS.iter().any(|k| k.name == h))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCAL: &str = "repos:
  - repo: local
    hooks:
      - id: team
        entry: make lint
        language: system
      - id: lint-commit   # relhook's linter
        name: relhook (Conventional Commits)
        language: system
        entry: relhook hook commit-msg
        stages: [commit-msg]

      - name: changelog
        id: \"relhook-post-commit\"
        entry: relhook hook post-commit
        stages: [post-commit]
  - repo: https://example.com/relhook
    rev: v1.0.0
    hooks:
      - id: relhook-pre-push
      - id: relhook-lint
";

    #[test]
    fn each_entry_running_relhook_is_found_once_with_its_lines() {
        let found = entries(LOCAL);
        let ids: Vec<(&str, (usize, usize))> =
            found.iter().map(|e| (e.id.as_str(), e.lines)).collect();
        assert_eq!(
            ids,
            [
                ("lint-commit", (7, 11)),
                ("relhook-post-commit", (13, 16)),
                ("relhook-pre-push", (20, 20)),
            ]
        );
    }

    #[test]
    fn comments_and_other_hooks_are_not_entries() {
        assert!(
            entries("repos:\n  # - id: relhook\n  - repo: x\n    hooks:\n      - id: x\n")
                .is_empty()
        );
        assert!(entries("").is_empty());
        assert_eq!(
            id_of("      - id: relhook # ours").as_deref(),
            Some("relhook")
        );
        assert_eq!(id_of("        identity: x"), None);
    }
}
