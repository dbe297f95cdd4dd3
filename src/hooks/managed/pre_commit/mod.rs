//! The entries of pre-commit's configuration that run relhook. relhook never writes that file
//! (install leaves a hook it already runs relhook for with it), so uninstall never edits it
//! either: it names these entries, which keep running relhook until they are removed.
//! install, doctor and uninstall all read the file here, through one YAML reader, so they
//! agree on which hooks it runs relhook for; a file that is not one YAML document is said to be
//! so, since pre-commit refuses it too. An entry pre-commit never runs for a hook (see
//! [`idle`]) runs nothing there: relhook's own shim takes the hook, and doctor names the entry.

mod idle;
mod left;
mod quiet;
mod yaml;

use std::path::{Path, PathBuf};

pub use idle::Idle;
pub use left::left_behind;
pub use yaml::Unreadable;
use yaml::{Doc, Node};

use super::super::HOOKS;
use super::{Wiring, read_text};
use crate::git::HooksLocation;
use crate::hooks::install::{Detected, Manager};

/// One entry (`- id: …` and its keys) of pre-commit's configuration that calls relhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its `id:`, or empty when it has none.
    pub id: String,
    /// Its first and last line, from 1.
    pub lines: (usize, usize),
    /// The git hooks pre-commit runs relhook for through it.
    pub hooks: Vec<&'static str>,
    /// The git hooks it names relhook's that pre-commit never runs it for, and why.
    pub idle: Vec<(&'static str, Idle)>,
    /// pre-commit hides what relhook prints when it passes (no `verbose: true`).
    pub quiet: bool,
}

/// pre-commit's configuration file and the entries in it that run relhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreCommitCalls {
    /// The configuration file, relative to the work tree.
    pub file: PathBuf,
    /// The entries that run relhook, in the file's order.
    pub entries: Vec<Entry>,
    /// The entries that call relhook for a hook pre-commit never runs them for.
    pub idle: Vec<Entry>,
    /// Why pre-commit cannot read the file (no entries are known then).
    pub unreadable: Option<Unreadable>,
}

/// The entries of pre-commit's configuration that run relhook, if there are any, or why the
/// file cannot tell.
pub fn pre_commit_entries(loc: &HooksLocation, managers: &[Detected]) -> Option<PreCommitCalls> {
    let config = managers.iter().find(|m| m.manager == Manager::PreCommit)?;
    let message = message_file(loc);
    let text = read_text(&loc.work_tree.join(&config.evidence));
    let (found, unreadable) = match read(&text, &message) {
        Ok(found) => (found, None),
        Err(why) => (Vec::new(), Some(why)),
    };
    let idle = found
        .iter()
        .filter(|e| !e.idle.is_empty())
        .cloned()
        .collect();
    let entries: Vec<Entry> = found.into_iter().filter(|e| !e.hooks.is_empty()).collect();
    let calls = PreCommitCalls {
        file: config.evidence.clone(),
        entries,
        idle,
        unreadable,
    };
    let any = !calls.entries.is_empty() || !calls.idle.is_empty() || calls.unreadable.is_some();
    any.then_some(calls)
}

/// How pre-commit's configuration stands for `hook`: `None` unless it runs relhook for it
/// (a file pre-commit cannot read runs nothing: pre-commit refuses it).
pub(super) fn pre_commit_state(
    loc: &HooksLocation,
    config: &Path,
    hook: &'static str,
) -> Option<(PathBuf, Wiring)> {
    let message = message_file(loc);
    let entries = read(&read_text(&loc.work_tree.join(config)), &message).ok()?;
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

/// The commit message file pre-commit passes commit-msg in this worktree (a linked one's is
/// the absolute path under its own git dir), main's `.git/COMMIT_EDITMSG` when git cannot say.
fn message_file(loc: &HooksLocation) -> String {
    loc.commit_message_file()
        .unwrap_or_else(|| idle::MESSAGE_FILE.to_owned())
}

/// Every entry of `text` under `repos:` → `hooks:` that calls relhook: one whose `entry:` (and
/// `args:`) calls `relhook hook <hook>`, or, from a repository other than `local` and `meta`
/// with no `entry:` of its own, one of the ids relhook's `.pre-commit-hooks.yaml` offers; each
/// hook it calls relhook for is one pre-commit runs it for, or not (see [`idle`]).
/// `message` is the file pre-commit passes commit-msg, which `files:` and `exclude:` judge.
fn read(text: &str, message: &str) -> Result<Vec<Entry>, Unreadable> {
    let doc = Doc::parse(text)?;
    let Some(root) = doc.root() else {
        return Ok(Vec::new());
    };
    let top = idle::Top::read(&doc, root, message);
    let repos = doc
        .get(root, "repos")
        .into_iter()
        .flat_map(|r| doc.items(r));
    let mut found: Vec<Entry> = Vec::new();
    let mut seen: Vec<&Node> = Vec::new();
    for repo in repos {
        let name = doc.get(repo, "repo").and_then(|r| doc.scalar(r));
        let remote = !matches!(name, Some("local" | "meta"));
        let rev = doc.get(repo, "rev").and_then(|r| doc.scalar(r));
        for hook in doc
            .get(repo, "hooks")
            .into_iter()
            .flat_map(|h| doc.items(h))
        {
            let id = doc.get(hook, "id").and_then(|i| doc.scalar(i));
            let calls = calls(&doc, hook, remote, id.unwrap_or_default());
            // An entry shared through an alias is one entry, at its anchor.
            if calls.is_empty() || seen.iter().any(|s| std::ptr::eq(*s, hook)) {
                continue;
            }
            seen.push(hook);
            // A remote entry of relhook's takes the defaults of its manifest's.
            let manifest = hook_of_id(id.unwrap_or_default()).filter(|_| remote);
            let mut entry = Entry {
                id: id.unwrap_or_default().to_owned(),
                lines: hook.lines,
                hooks: Vec::new(),
                idle: Vec::new(),
                quiet: false,
            };
            for (name, other) in calls {
                let why = match other {
                    Some(program) => Some(Idle::Other(program)),
                    None => idle::idle(&doc, &top, hook, manifest, name),
                };
                match why {
                    None => entry.hooks.push(name),
                    Some(why) => entry.idle.push((name, why)),
                }
            }
            entry.quiet = !entry.hooks.is_empty() && quiet::hides_output(&doc, hook, manifest, rev);
            found.push(entry);
        }
    }
    Ok(found)
}

/// The hooks one entry calls relhook for, each with the program it calls when that is not
/// relhook but one whose name ends in it (`my-relhook hook commit-msg`).
fn calls(doc: &Doc, hook: &Node, remote: bool, id: &str) -> Vec<(&'static str, Option<String>)> {
    let Some(entry) = doc.get(hook, "entry").and_then(|e| doc.scalar(e)) else {
        let named = hook_of_id(id).filter(|_| remote);
        return named.map(|h| (h, None)).into_iter().collect();
    };
    let args = doc.get(hook, "args").into_iter().flat_map(|a| doc.items(a));
    // pre-commit runs `entry` and `args` as one command line; a folded or literal value may
    // break it over lines.
    let words: Vec<&str> = std::iter::once(entry)
        .chain(args.filter_map(|a| doc.scalar(a)))
        .flat_map(str::split_whitespace)
        .collect();
    let command = words.join(" ");
    let mut hooks: Vec<(&'static str, Option<String>)> = Vec::new();
    for (at, call) in command.match_indices("relhook hook ") {
        let rest = command[at + call.len()..].trim_start_matches(['"', '\'']);
        let name = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .next()
            .unwrap_or_default();
        let Some(h) = HOOKS.iter().find(|h| h.name == name) else {
            continue;
        };
        // The program is the word that ends in `relhook`: relhook when its last path part is
        // relhook alone, another program otherwise (`my-relhook`).
        let before = &command[..at];
        let start = before
            .rfind(|c: char| c.is_whitespace() || "\"'`;&|()".contains(c))
            .map_or(0, |i| i + 1);
        let program = format!("{}relhook", &before[start..]);
        let own = program.rsplit(['/', '\\']).next() == Some("relhook");
        let other = (!own).then_some(program);
        match hooks.iter_mut().find(|(n, _)| *n == h.name) {
            // relhook itself, anywhere in the command, runs it.
            Some(known) if other.is_none() => known.1 = None,
            Some(_) => {}
            None => hooks.push((h.name, other)),
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
        always_run: true
  - repo: https://example.com/relhook
    rev: v1.0.0
    hooks:
      - id: relhook-pre-push
      - id: relhook-lint
";

    fn found(text: &str) -> Vec<(String, (usize, usize), Vec<&'static str>)> {
        read(text, idle::MESSAGE_FILE)
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
                ("relhook-post-commit".to_owned(), (13, 17)),
                ("relhook-pre-push".to_owned(), (21, 21)),
            ]
        );
    }

    #[test]
    fn comments_and_other_hooks_are_not_entries() {
        assert!(
            read(
                "repos:\n  # - id: relhook\n  - repo: x\n    hooks:\n      - id: x\n",
                idle::MESSAGE_FILE
            )
            .unwrap()
            .is_empty()
        );
        assert!(read("", idle::MESSAGE_FILE).unwrap().is_empty());
        let commented = "repos:\n  - repo: local\n    hooks:\n      - id: x\n        entry: make\n        # entry: relhook hook commit-msg\n";
        assert!(read(commented, idle::MESSAGE_FILE).unwrap().is_empty());
        // A local entry's id names it; its `entry:` is what runs.
        let local = "repos:\n- repo: local\n  hooks:\n  - {id: relhook, entry: make lint}\n";
        assert!(read(local, idle::MESSAGE_FILE).unwrap().is_empty());
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
        let folded = "repos:\n  - repo: local\n    hooks:\n      - id: lint # ours\n        entry: >-\n          relhook hook\n          commit-msg\n      - id: log\n        entry: |\n          relhook hook post-commit\n        always_run: true\n";
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
    fn an_entry_pre_commit_never_runs_for_a_hook_runs_nothing_there() {
        let entry = |keys: &str| {
            let text = format!("repos:\n- repo: local\n  hooks:\n  - id: x\n{keys}");
            let e = read(&text, idle::MESSAGE_FILE).unwrap().pop().unwrap();
            let idle: Vec<&str> = e.idle.iter().map(|(h, _)| *h).collect();
            (e.hooks, idle)
        };
        let manual = entry("    entry: relhook hook commit-msg\n    stages: [manual]\n");
        assert_eq!(manual, (vec![], vec!["commit-msg"]));
        let other = entry("    entry: my-relhook hook commit-msg\n");
        assert_eq!(other, (vec![], vec!["commit-msg"]));
        let e = read("repos:\n- repo: local\n  hooks:\n  - {id: x, entry: ./bin/my-relhook hook commit-msg}\n", idle::MESSAGE_FILE).unwrap();
        assert_eq!(e[0].idle[0].1, Idle::Other("./bin/my-relhook".to_owned()));
        // A path to relhook, or relhook in a shell line, is relhook.
        for entry_text in [
            "/usr/local/bin/relhook hook commit-msg",
            "sh -c 'command -v relhook && relhook hook commit-msg \"$1\"' --",
            "my-relhook hook commit-msg || relhook hook commit-msg",
        ] {
            let keys = format!("    entry: \"{}\"\n", entry_text.replace('"', "\\\""));
            assert_eq!(entry(&keys), (vec!["commit-msg"], vec![]), "{entry_text}");
        }
        let both = entry(
            "    entry: relhook hook post-commit\n    args: [';', relhook, hook, reference-transaction]\n    always_run: true\n",
        );
        assert_eq!(both, (vec!["post-commit"], vec!["reference-transaction"]));
        // relhook's own remote ids bring their manifest's stage and always_run.
        let remote = "default_stages: [pre-commit]\nrepos:\n- repo: https://example.com/relhook\n  rev: v1\n  hooks:\n  - id: relhook-post-commit\n  - id: relhook\n    stages: [push]\n";
        let hooks: Vec<(Vec<&str>, usize)> = read(remote, idle::MESSAGE_FILE)
            .unwrap()
            .into_iter()
            .map(|e| (e.hooks, e.idle.len()))
            .collect();
        assert_eq!(hooks, [(vec!["post-commit"], 0), (vec![], 1)]);
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
