//! Whether pre-commit runs an entry that calls relhook for a hook, decided as pre-commit
//! decides it (its `clientlib.py`, `repository.py` and `commands/run.py`): an entry whose
//! stages leave the hook out, or whose filters leave out every file pre-commit passes for it,
//! never runs, and relhook's own shim must take the hook.

use regex::Regex;

use super::yaml::{Doc, Node};

/// The stages pre-commit has a git hook for (`manual` runs only by hand).
const HOOK_TYPES: &[&str] = &[
    "commit-msg",
    "post-checkout",
    "post-commit",
    "post-merge",
    "post-rewrite",
    "pre-commit",
    "pre-merge-commit",
    "pre-push",
    "pre-rebase",
    "prepare-commit-msg",
];

/// The hooks pre-commit passes no files: an entry runs there only with `always_run: true`.
const NO_FILES: &[&str] = &[
    "post-checkout",
    "post-commit",
    "post-merge",
    "post-rewrite",
    "pre-rebase",
];

/// What git passes commit-msg in the main worktree, from its top, and pre-commit filters: the
/// file judged when git cannot name this worktree's (a linked one's is under its own git dir,
/// `/repo/.git/worktrees/wt/COMMIT_EDITMSG`, see `HooksLocation::commit_message_file`).
pub(super) const MESSAGE_FILE: &str = ".git/COMMIT_EDITMSG";

/// identify's tags for the message file: a text file that is not executable.
const MESSAGE_TAGS: &[&str] = &["file", "non-executable", "text"];

/// Why pre-commit never runs an entry for a hook it names relhook's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Idle {
    /// It calls another program whose name ends in relhook (`my-relhook`).
    Other(String),
    /// pre-commit has no stage for the hook (reference-transaction).
    NoStage,
    /// `language: fail`: pre-commit prints the entry and fails, running nothing.
    Fails,
    /// Its stages, as pre-commit reads them, leave the hook out.
    Stages {
        /// `stages` or `default_stages`.
        from: &'static str,
        /// As written.
        stages: Vec<String>,
    },
    /// A filter leaves out the message file, and the entry has no `always_run: true`.
    Filtered {
        /// The filter, worded (``its `files: ^src/` ``).
        filter: String,
        /// The message file as pre-commit names it in this worktree.
        file: String,
    },
    /// The hook passes no files, and the entry has no `always_run: true`.
    NoFiles,
    /// A filter this reader cannot compile (Python's look-around): whether pre-commit runs
    /// the entry is not known, and an unknown is not taken for a yes.
    Unreadable {
        /// The filter, worded.
        filter: String,
        /// The message file as pre-commit names it in this worktree.
        file: String,
    },
}

impl Idle {
    /// Why, in words that follow "does not run relhook for <hook>: ".
    pub fn why(&self, hook: &str) -> String {
        match self {
            Idle::Other(program) => format!("it calls `{program}`, not relhook"),
            Idle::NoStage => format!("pre-commit has no {hook} stage"),
            Idle::Fails => "its `language: fail` runs nothing".to_owned(),
            Idle::Stages { from, stages } => {
                format!("its {from} ([{}]) leave {hook} out", stages.join(", "))
            }
            Idle::Filtered { filter, file } => format!(
                "{filter} leaves out {file}, the file pre-commit passes it, and it has no `always_run: true`"
            ),
            Idle::NoFiles => format!(
                "pre-commit passes {hook} no files and skips an entry without `always_run: true`"
            ),
            Idle::Unreadable { filter, file } => format!(
                "{filter} is a pattern relhook cannot read (Python's look-around?), so it cannot tell whether pre-commit passes it {file}"
            ),
        }
    }
}

/// The top level's settings every entry falls back on or is filtered by.
pub(super) struct Top<'a> {
    default_stages: Option<Vec<String>>,
    files: Option<&'a str>,
    exclude: Option<&'a str>,
    /// The message file pre-commit passes commit-msg here, which the filters judge.
    message: &'a str,
}

impl<'a> Top<'a> {
    pub fn read(doc: &'a Doc, root: &'a Node, message: &'a str) -> Top<'a> {
        Top {
            default_stages: doc.get(root, "default_stages").and_then(|l| list(doc, l)),
            files: doc.get(root, "files").and_then(|n| doc.scalar(n)),
            exclude: doc.get(root, "exclude").and_then(|n| doc.scalar(n)),
            message,
        }
    }
}

/// Why pre-commit never runs `entry` for `hook`, if it does not. `manifest` is the hook of
/// relhook's `.pre-commit-hooks.yaml` the entry takes its defaults from (its stage, and
/// `always_run` but for commit-msg).
pub(super) fn idle(
    doc: &Doc,
    top: &Top,
    entry: &Node,
    manifest: Option<&'static str>,
    hook: &'static str,
) -> Option<Idle> {
    if !HOOK_TYPES.contains(&hook) {
        return Some(Idle::NoStage);
    }
    let own = |key: &str| doc.get(entry, key).and_then(|n| doc.scalar(n));
    if own("language") == Some("fail") {
        return Some(Idle::Fails);
    }
    // The entry's own `stages:` (even an empty one) over the manifest's; none left, the top
    // level's `default_stages:`; none at all, every stage.
    let stages = match doc.get(entry, "stages") {
        Some(l) => list(doc, l).map(|s| ("stages", s)),
        None => manifest.map(|h| ("stages", vec![h.to_owned()])),
    };
    let stages = stages
        .filter(|(_, s)| !s.is_empty())
        .or_else(|| top.default_stages.clone().map(|d| ("default_stages", d)));
    if let Some((from, stages)) = stages {
        if !stages.iter().any(|s| stage_name(s) == hook) {
            return Some(Idle::Stages { from, stages });
        }
    }
    let always = own("always_run").map_or(
        manifest.is_some_and(|h| h != "commit-msg"),
        super::quiet::truthy,
    );
    if always {
        return None;
    }
    if NO_FILES.contains(&hook) {
        return Some(Idle::NoFiles);
    }
    if matches!(hook, "commit-msg" | "prepare-commit-msg") {
        return filtered(doc, top, entry);
    }
    // pre-push and pre-commit pass the files of the push or the commit: unknown here.
    None
}

/// pre-commit's names for its stages, its old ones too.
fn stage_name(stage: &str) -> &str {
    match stage {
        "commit" => "pre-commit",
        "merge-commit" => "pre-merge-commit",
        "push" => "pre-push",
        s => s,
    }
}

/// A list of scalars; `None` for anything else (pre-commit refuses that).
fn list(doc: &Doc, node: &Node) -> Option<Vec<String>> {
    doc.items(node)
        .map(|n| doc.scalar(n).map(str::to_owned))
        .collect::<Option<Vec<_>>>()
        .filter(|l| !l.is_empty() || doc.scalar(node).is_none())
}

/// The first filter, worded, that leaves out the message file, as pre-commit applies them: the
/// top level's `files:` and `exclude:`, then the entry's, then its types. A pattern this
/// reader cannot compile (a look-around) is [`Idle::Unreadable`].
fn filtered(doc: &Doc, top: &Top, entry: &Node) -> Option<Idle> {
    let own = |key: &str| doc.get(entry, key).and_then(|n| doc.scalar(n));
    let patterns = [
        ("the top-level", "files", top.files),
        ("the top-level", "exclude", top.exclude),
        ("its", "files", own("files")),
        ("its", "exclude", own("exclude")),
    ];
    for (whose, key, pattern) in patterns {
        let Some(pattern) = pattern else { continue };
        let shown = pattern.split_whitespace().collect::<Vec<_>>().join(" ");
        let filter = format!("{whose} `{key}: {shown}`");
        let file = top.message.to_owned();
        match Regex::new(pattern) {
            Err(_) => return Some(Idle::Unreadable { filter, file }),
            Ok(re) if re.is_match(top.message) != (key == "files") => {
                return Some(Idle::Filtered { filter, file });
            }
            Ok(_) => {}
        }
    }
    let types = |key: &str| doc.get(entry, key).and_then(|l| list(doc, l));
    let tagged = |t: &String| MESSAGE_TAGS.contains(&t.as_str());
    let refused = [
        types("types")
            .filter(|t| !t.iter().all(tagged))
            .map(|t| ("types", t)),
        types("types_or")
            .filter(|t| !t.is_empty() && !t.iter().any(tagged))
            .map(|t| ("types_or", t)),
        types("exclude_types")
            .filter(|t| t.iter().any(tagged))
            .map(|t| ("exclude_types", t)),
    ];
    let (key, t) = refused.into_iter().flatten().next()?;
    Some(Idle::Filtered {
        filter: format!("its `{key}: [{}]`", t.join(", ")),
        file: top.message.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Why pre-commit does not run the first entry of `text` for `hook`.
    fn why(text: &str, manifest: Option<&'static str>, hook: &'static str) -> Option<String> {
        let doc = Doc::parse(text).unwrap();
        let root = doc.root().unwrap();
        let repo = doc.items(doc.get(root, "repos").unwrap()).next().unwrap();
        let entry = doc.items(doc.get(repo, "hooks").unwrap()).next().unwrap();
        let top = Top::read(&doc, root, MESSAGE_FILE);
        idle(&doc, &top, entry, manifest, hook).map(|i| i.why(hook))
    }

    fn local(keys: &str) -> String {
        format!(
            "repos:\n- repo: local\n  hooks:\n  - id: x\n    entry: relhook hook commit-msg\n{keys}"
        )
    }

    #[test]
    fn stages_their_old_names_and_the_top_levels_default() {
        assert_eq!(why(&local(""), None, "commit-msg"), None);
        assert_eq!(
            why(&local("    stages: [manual]\n"), None, "commit-msg").as_deref(),
            Some("its stages ([manual]) leave commit-msg out")
        );
        let push = local("    stages: [push]\n");
        assert_eq!(why(&push, None, "pre-push"), None);
        assert!(why(&push, None, "commit-msg").is_some());
        assert_eq!(
            why(&local("    stages: [commit]\n"), None, "pre-commit"),
            None
        );
        let top = format!("default_stages: [pre-commit]\n{}", local(""));
        assert_eq!(
            why(&top, None, "commit-msg").as_deref(),
            Some("its default_stages ([pre-commit]) leave commit-msg out")
        );
        // An entry's own stages, or relhook's manifest's, come before the default.
        let own = format!(
            "default_stages: [pre-commit]\n{}",
            local("    stages: [commit-msg]\n")
        );
        assert_eq!(why(&own, None, "commit-msg"), None);
        assert_eq!(why(&top, Some("commit-msg"), "commit-msg"), None);
        let empty = format!(
            "default_stages: [pre-commit]\n{}",
            local("    stages: []\n")
        );
        assert!(why(&empty, None, "commit-msg").is_some());
        assert_eq!(
            why(&local(""), None, "reference-transaction").as_deref(),
            Some("pre-commit has no reference-transaction stage")
        );
    }

    #[test]
    fn files_pre_commit_passes_and_always_run() {
        let files = local("    files: ^src/\n");
        assert_eq!(
            why(&files, None, "commit-msg").as_deref(),
            Some(
                "its `files: ^src/` leaves out .git/COMMIT_EDITMSG, the file pre-commit passes it, and it has no `always_run: true`"
            )
        );
        assert_eq!(why(&local("    files: COMMIT\n"), None, "commit-msg"), None);
        assert!(why(&local("    exclude: ^\\.git/\n"), None, "commit-msg").is_some());
        let top = format!("exclude: |\n  (?x)^(\n    \\.git/.*\n  )$\n{}", local(""));
        assert!(
            why(&top, None, "commit-msg").is_some_and(|w| w.starts_with("the top-level `exclude:"))
        );
        assert!(why(&local("    types: [python]\n"), None, "commit-msg").is_some());
        assert_eq!(why(&local("    types: [text]\n"), None, "commit-msg"), None);
        assert!(why(&local("    exclude_types: [text]\n"), None, "commit-msg").is_some());
        assert_eq!(
            why(
                &local("    files: ^src/\n    always_run: true\n"),
                None,
                "commit-msg"
            ),
            None
        );
        // A look-around relhook cannot compile is no yes: its own shim takes the hook.
        assert!(
            why(&local("    exclude: ^(?!src/)\n"), None, "commit-msg").is_some_and(
                |w| w.contains("`exclude: ^(?!src/)` is a pattern relhook cannot read")
            )
        );
        // post-commit passes no files: it runs only with always_run (relhook's manifest's).
        assert!(why(&local(""), None, "post-commit").is_some());
        assert_eq!(
            why(&local("    always_run: yes\n"), None, "post-commit"),
            None
        );
        assert_eq!(why(&local(""), Some("post-commit"), "post-commit"), None);
        assert!(why(&local("    language: fail\n"), None, "commit-msg").is_some());
    }

    /// A linked worktree's message file is the absolute path under its own git dir, which
    /// filters written for `.git/` judge otherwise.
    #[test]
    fn filters_judge_the_worktrees_own_message_file() {
        let linked = "/r/.git/worktrees/wt/COMMIT_EDITMSG";
        let judge = |text: &str| {
            let doc = Doc::parse(text).unwrap();
            let root = doc.root().unwrap();
            let repo = doc.items(doc.get(root, "repos").unwrap()).next().unwrap();
            let entry = doc.items(doc.get(repo, "hooks").unwrap()).next().unwrap();
            let top = Top::read(&doc, root, linked);
            idle(&doc, &top, entry, None, "commit-msg").map(|i| i.why("commit-msg"))
        };
        assert_eq!(judge(&local("    exclude: ^\\.git/\n")), None);
        assert_eq!(
            judge(&local("    files: ^\\.git/\n")).as_deref(),
            Some(
                "its `files: ^\\.git/` leaves out /r/.git/worktrees/wt/COMMIT_EDITMSG, the file pre-commit passes it, and it has no `always_run: true`"
            )
        );
        assert_eq!(judge(&local("    files: COMMIT_EDITMSG$\n")), None);
        assert!(judge(&local("    exclude: ^/\n")).is_some());
        assert_eq!(judge(&local("    exclude: ^\\.\\./\n")), None);
    }
}
