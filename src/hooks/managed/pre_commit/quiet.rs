//! Whether pre-commit shows what relhook prints. pre-commit hides a passing hook's output
//! unless its entry has `verbose: true`, and relhook prints on success what must be seen: the
//! new hash of the commit post-commit amends (git's own line names the old one), lint
//! warnings, why a commit gets no changelog entry, pre-push's notes.

use super::yaml::{Doc, Node};
use super::{Entry, PreCommitCalls};

/// The newest relhook release whose `.pre-commit-hooks.yaml` set no `verbose` (0.1.0 and
/// 0.2.0 did not): an entry pinned to it or an older one takes pre-commit's default, hidden.
const LAST_QUIET_MANIFEST: semver::Version = semver::Version::new(0, 2, 0);

/// Whether pre-commit hides `entry`'s output when it passes: it has no `verbose: true` of its
/// own, nor from the hook of relhook's `.pre-commit-hooks.yaml` it takes its defaults from
/// (`manifest`, which sets it on every hook after 0.2.0; `rev` is the one pinned).
pub(super) fn hides_output(
    doc: &Doc,
    entry: &Node,
    manifest: Option<&str>,
    rev: Option<&str>,
) -> bool {
    match doc.get(entry, "verbose").and_then(|n| doc.scalar(n)) {
        Some(value) => !truthy(value),
        None => manifest.is_none() || !manifest_verbose(rev),
    }
}

/// Whether relhook's manifest at `rev` sets `verbose: true`: any rev but a release up to
/// [`LAST_QUIET_MANIFEST`] (a branch or a commit pinned is not known to be older).
fn manifest_verbose(rev: Option<&str>) -> bool {
    let version = rev
        .map(|r| r.strip_prefix('v').unwrap_or(r))
        .and_then(|r| semver::Version::parse(r).ok());
    version.is_none_or(|v| v > LAST_QUIET_MANIFEST)
}

/// A YAML 1.1 true, as pre-commit (PyYAML) reads a boolean.
pub(super) fn truthy(value: &str) -> bool {
    matches!(
        value,
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON"
    )
}

/// The entries that run relhook with its output hidden, in one line, and the fix.
pub struct Hidden {
    /// What is wrong and what it costs.
    pub detail: String,
    /// What to change in the file.
    pub fix: String,
}

impl PreCommitCalls {
    /// The entries running relhook whose output pre-commit hides when they pass, if any.
    pub fn hidden(&self) -> Option<Hidden> {
        let quiet: Vec<&Entry> = self.entries.iter().filter(|e| e.quiet).collect();
        let file = self.file.display();
        let lone = quiet.len() == 1;
        let named: Vec<String> = quiet.iter().map(|e| named(e, lone)).collect();
        let (entries, has, them) = match named.as_slice() {
            [] => return None,
            [one] => (format!("entry {one}"), "has", "it"),
            [rest @ .., last] => (
                format!("entries {} and {last}", rest.join(", ")),
                "have",
                "each",
            ),
        };
        Some(Hidden {
            detail: format!(
                "{file}'s {entries} {has} no `verbose: true`, so pre-commit hides what relhook prints when it passes (warnings, notes, the amended commit's new hash)"
            ),
            fix: format!("add `verbose: true` to {them} in {file}"),
        })
    }
}

/// An entry by its id and lines (one with no id among others is "one with no id").
fn named(e: &Entry, lone: bool) -> String {
    let at = match e.lines {
        (first, last) if first == last => format!("line {first}"),
        (first, last) => format!("lines {first}-{last}"),
    };
    match e.id.as_str() {
        "" if lone => format!("with no id ({at})"),
        "" => format!("one with no id ({at})"),
        id => format!("`{id}` ({at})"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::*;

    fn hidden(text: &str) -> Option<(String, String)> {
        let calls = PreCommitCalls {
            file: ".pre-commit-config.yaml".into(),
            entries: read(text, super::super::idle::MESSAGE_FILE).unwrap(),
            idle: Vec::new(),
            unreadable: None,
        };
        calls.hidden().map(|h| (h.detail, h.fix))
    }

    #[test]
    fn an_entry_without_verbose_hides_relhooks_output() {
        let local = |keys: &str| {
            format!(
                "repos:\n- repo: local\n  hooks:\n  - id: relhook\n    entry: relhook hook commit-msg\n{keys}"
            )
        };
        let (detail, fix) = hidden(&local("")).unwrap();
        assert_eq!(
            detail,
            ".pre-commit-config.yaml's entry `relhook` (lines 4-5) has no `verbose: true`, so pre-commit hides what relhook prints when it passes (warnings, notes, the amended commit's new hash)"
        );
        assert_eq!(fix, "add `verbose: true` to it in .pre-commit-config.yaml");
        assert!(hidden(&local("    verbose: false\n")).is_some());
        assert!(hidden(&local("    verbose: true\n")).is_none());
        assert!(hidden(&local("    verbose: yes\n")).is_none());
    }

    #[test]
    fn relhooks_own_ids_take_verbose_from_its_manifest() {
        let remote = "repos:\n- repo: https://example.com/relhook\n  rev: v1\n  hooks:\n  - id: relhook\n  - id: relhook-post-commit\n    verbose: false\n";
        let (detail, _) = hidden(remote).unwrap();
        assert!(
            detail.contains("entry `relhook-post-commit` (lines 6-7) has"),
            "{detail}"
        );
        let two = "repos:\n- repo: local\n  hooks:\n  - {id: a, entry: relhook hook commit-msg}\n  - {entry: relhook hook pre-push}\n";
        let (detail, fix) = hidden(two).unwrap();
        assert!(
            detail.contains("entries `a` (line 4) and one with no id (line 5) have no"),
            "{detail}"
        );
        assert_eq!(
            fix,
            "add `verbose: true` to each in .pre-commit-config.yaml"
        );
    }

    #[test]
    fn a_release_whose_manifest_set_no_verbose_hides_relhooks_output() {
        let pinned = |rev: &str| {
            format!(
                "repos:\n- repo: https://example.com/relhook\n  rev: {rev}\n  hooks:\n  - id: relhook\n"
            )
        };
        for old in ["v0.1.0", "v0.2.0", "0.2.0", "v0.2.0-rc.1"] {
            assert!(hidden(&pinned(old)).is_some(), "{old}");
        }
        for newer in ["v0.2.1", "v0.3.0", "main", "0123456789abcdef", "''"] {
            assert!(hidden(&pinned(newer)).is_none(), "{newer}");
        }
    }

    #[test]
    fn an_entry_that_runs_nothing_is_not_named() {
        let idle = "repos:\n- repo: local\n  hooks:\n  - id: x\n    entry: relhook hook commit-msg\n    stages: [manual]\n";
        assert!(hidden(idle).is_none());
    }
}
