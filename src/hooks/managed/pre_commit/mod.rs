//! The entries of pre-commit's configuration that run relhook. relhook never writes that file
//! (install leaves a hook it already runs relhook for with it), so uninstall never edits it
//! either: it names these entries, which keep running relhook until they are removed.
//! install, doctor and uninstall all read the file here, through one YAML reader, so they
//! agree on which hooks it runs relhook for; a file that does not read as YAML is said to be
//! so, since pre-commit refuses it too.

mod yaml;

use std::path::{Path, PathBuf};

pub use yaml::Unreadable;
use yaml::{Doc, Node};

use super::super::HOOKS;
use super::{Wiring, read_text};
use crate::git::HooksLocation;
use crate::hooks::install::{Detected, Manager};

/// One entry (`- id: …` and its keys) of pre-commit's configuration that runs relhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its `id:`, or empty when it has none.
    pub id: String,
    /// Its first and last line, from 1.
    pub lines: (usize, usize),
    /// The git hooks it runs relhook for.
    pub hooks: Vec<&'static str>,
}

/// pre-commit's configuration file and the entries in it that run relhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreCommitCalls {
    /// The configuration file, relative to the work tree.
    pub file: PathBuf,
    /// The entries, in the file's order.
    pub entries: Vec<Entry>,
    /// Why the file does not read as YAML (no entries are known then).
    pub unreadable: Option<Unreadable>,
}

/// The entries of pre-commit's configuration that run relhook, if there are any, or why the
/// file cannot tell.
pub fn pre_commit_entries(loc: &HooksLocation, managers: &[Detected]) -> Option<PreCommitCalls> {
    let config = managers.iter().find(|m| m.manager == Manager::PreCommit)?;
    let (entries, unreadable) = match read(&read_text(&loc.work_tree.join(&config.evidence))) {
        Ok(entries) => (entries, None),
        Err(why) => (Vec::new(), Some(why)),
    };
    (!entries.is_empty() || unreadable.is_some()).then(|| PreCommitCalls {
        file: config.evidence.clone(),
        entries,
        unreadable,
    })
}

/// How pre-commit's configuration stands for `hook`: `None` unless it runs relhook for it
/// (a file that does not read as YAML runs nothing: pre-commit refuses it).
pub(super) fn pre_commit_state(
    loc: &HooksLocation,
    config: &Path,
    hook: &'static str,
) -> Option<(PathBuf, Wiring)> {
    let entries = read(&read_text(&loc.work_tree.join(config))).ok()?;
    if !entries.iter().any(|e| e.hooks.contains(&hook)) {
        return None;
    }
    let installed = read_text(&loc.hooks_dir.join(hook)).contains("pre-commit");
    let wiring = if installed {
        Wiring::Wired
    } else {
        Wiring::Inactive {
            command: format!("pre-commit install --hook-type {hook}"),
        }
    };
    Some((config.to_owned(), wiring))
}

/// Every entry of `text` under `repos:` → `hooks:` that runs relhook: one whose `entry:` (and
/// `args:`) calls `relhook hook <hook>`, or, from a repository other than `local` and `meta`
/// with no `entry:` of its own, one of the ids relhook's `.pre-commit-hooks.yaml` offers.
fn read(text: &str) -> Result<Vec<Entry>, Unreadable> {
    let doc = Doc::parse(text)?;
    let Some(root) = doc.root() else {
        return Ok(Vec::new());
    };
    let repos = doc
        .get(root, "repos")
        .into_iter()
        .flat_map(|r| doc.items(r));
    let mut found: Vec<Entry> = Vec::new();
    let mut seen: Vec<&Node> = Vec::new();
    for repo in repos {
        let name = doc.get(repo, "repo").and_then(|r| doc.scalar(r));
        let remote = !matches!(name, Some("local" | "meta"));
        for hook in doc
            .get(repo, "hooks")
            .into_iter()
            .flat_map(|h| doc.items(h))
        {
            let id = doc.get(hook, "id").and_then(|i| doc.scalar(i));
            let hooks = runs(&doc, hook, remote, id.unwrap_or_default());
            // An entry shared through an alias is one entry, at its anchor.
            if hooks.is_empty() || seen.iter().any(|s| std::ptr::eq(*s, hook)) {
                continue;
            }
            seen.push(hook);
            found.push(Entry {
                id: id.unwrap_or_default().to_owned(),
                lines: hook.lines,
                hooks,
            });
        }
    }
    Ok(found)
}

/// The hooks one entry runs relhook for.
fn runs(doc: &Doc, hook: &Node, remote: bool, id: &str) -> Vec<&'static str> {
    let Some(entry) = doc.get(hook, "entry").and_then(|e| doc.scalar(e)) else {
        return hook_of_id(id).filter(|_| remote).into_iter().collect();
    };
    let args = doc.get(hook, "args").into_iter().flat_map(|a| doc.items(a));
    // pre-commit runs `entry` and `args` as one command line; a folded or literal value may
    // break it over lines.
    let words: Vec<&str> = std::iter::once(entry)
        .chain(args.filter_map(|a| doc.scalar(a)))
        .flat_map(str::split_whitespace)
        .collect();
    let command = words.join(" ");
    let mut hooks: Vec<&'static str> = Vec::new();
    for (at, call) in command.match_indices("relhook hook ") {
        let rest = command[at + call.len()..].trim_start_matches(['"', '\'']);
        let name = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .next()
            .unwrap_or_default();
        if let Some(h) = HOOKS.iter().find(|h| h.name == name) {
            if !hooks.contains(&h.name) {
                hooks.push(h.name);
            }
        }
    }
    hooks
}

/// The hook an id from relhook's `.pre-commit-hooks.yaml` runs: `relhook` is commit-msg's,
/// `relhook-<hook>` the others'.
fn hook_of_id(id: &str) -> Option<&'static str> {
    let hook = if id == "relhook" {
        "commit-msg"
    } else {
        id.strip_prefix("relhook-")?
    };
    HOOKS.iter().find(|h| h.name == hook).map(|h| h.name)
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

    fn found(text: &str) -> Vec<(String, (usize, usize), Vec<&'static str>)> {
        read(text)
            .unwrap()
            .into_iter()
            .map(|e| (e.id, e.lines, e.hooks))
            .collect()
    }

    #[test]
    fn each_entry_running_relhook_is_found_once_with_its_lines() {
        let ids: Vec<(String, (usize, usize))> =
            found(LOCAL).into_iter().map(|(id, l, _)| (id, l)).collect();
        assert_eq!(
            ids,
            [
                ("lint-commit".to_owned(), (7, 11)),
                ("relhook-post-commit".to_owned(), (13, 16)),
                ("relhook-pre-push".to_owned(), (20, 20)),
            ]
        );
    }

    #[test]
    fn comments_and_other_hooks_are_not_entries() {
        assert!(
            read("repos:\n  # - id: relhook\n  - repo: x\n    hooks:\n      - id: x\n")
                .unwrap()
                .is_empty()
        );
        assert!(read("").unwrap().is_empty());
        let commented = "repos:\n  - repo: local\n    hooks:\n      - id: x\n        entry: make\n        # entry: relhook hook commit-msg\n";
        assert!(read(commented).unwrap().is_empty());
        // A local entry's id names it; its `entry:` is what runs.
        let local = "repos:\n- repo: local\n  hooks:\n  - {id: relhook, entry: make lint}\n";
        assert!(read(local).unwrap().is_empty());
    }

    #[test]
    fn every_yaml_shape_reads_the_same() {
        let flow = "repos: [{repo: 'https://example.com/relhook', rev: v1, hooks: [{id: \"relhook\"}, {id: relhook-post-commit}]}]\n";
        assert_eq!(
            found(flow),
            [
                ("relhook".to_owned(), (1, 1), vec!["commit-msg"]),
                (
                    "relhook-post-commit".to_owned(),
                    (1, 1),
                    vec!["post-commit"]
                ),
            ]
        );
        let folded = "repos:\n  - repo: local\n    hooks:\n      - id: lint # ours\n        entry: >-\n          relhook hook\n          commit-msg\n      - id: log\n        entry: |\n          relhook hook post-commit\n        language: system\n";
        assert_eq!(
            found(folded),
            [
                ("lint".to_owned(), (4, 7), vec!["commit-msg"]),
                ("log".to_owned(), (8, 11), vec!["post-commit"]),
            ]
        );
        let args = "repos:\n- repo: local\n  hooks:\n  - id: a\n    entry: relhook\n    args: [hook, pre-push]\n";
        assert_eq!(found(args), [("a".to_owned(), (4, 6), vec!["pre-push"])]);
    }

    #[test]
    fn ids_of_relhooks_own_hooks_name_their_hook() {
        assert_eq!(hook_of_id("relhook"), Some("commit-msg"));
        assert_eq!(hook_of_id("relhook-pre-push"), Some("pre-push"));
        assert_eq!(hook_of_id("relhook-commit-msg"), Some("commit-msg"));
        assert_eq!(hook_of_id("relhook-lint"), None);
        assert_eq!(hook_of_id("team"), None);
    }
}
