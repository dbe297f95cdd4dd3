//! Where a team adopted relhook in its history: the hook-manager files it commits (husky's
//! `.husky`, lefthook's configuration, `.pre-commit-config.yaml`) call relhook from some commit
//! on. A teammate's clone has no note of what came before its first install (it never met
//! relhook's hooks unwired), and its install finds relhook's hooks running already: the
//! commit that wired relhook in is where relhook's judging starts, as an install is in the
//! clone that made it.
//!
//! Cost: one walk down HEAD's first-parent line, one root tree read per commit; a file's
//! bytes are read once per blob id (most commits leave these files as they were).

use std::collections::HashMap;

use git2::Oid;

use crate::git::Repo;

/// The files at the top of the work tree that a hook manager reads and that may call
/// relhook: lefthook's names in each format it reads, and pre-commit's configuration.
/// husky's are the files of `.husky` ([`HUSKY`]).
pub fn team_files() -> impl Iterator<Item = String> {
    ["lefthook", ".lefthook", "lefthook-local", ".lefthook-local"]
        .into_iter()
        .flat_map(|n| ["yml", "yaml", "toml", "json"].map(|x| format!("{n}.{x}")))
        .chain([".pre-commit-config.yaml".to_owned()])
}

/// husky's folder of hooks.
pub const HUSKY: &str = ".husky";

/// Whether a file's bytes name relhook.
pub fn names_relhook(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"relhook").is_some()
}

/// The commit on HEAD's first-parent line where the committed files began to call relhook
/// (the oldest of the commits down from `head` whose files all do), and its first parent,
/// the last commit before it (`None`: the line's first commit calls relhook already).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wired {
    /// The commit that wired relhook in.
    pub at: Oid,
    /// The commit below it, from before the team adopted relhook.
    pub before: Option<Oid>,
}

/// Where relhook was wired in below `head`; `None` when `head`'s committed files call relhook
/// nowhere (relhook's hooks run here some other way).
pub fn wired_at(repo: &Repo, head: Oid) -> Option<Wired> {
    let mut seen: HashMap<Oid, bool> = HashMap::new();
    let mut calls = |id: Oid| {
        *seen
            .entry(id)
            .or_insert_with(|| repo.blob_bytes(id).is_some_and(|b| names_relhook(&b)))
    };
    let mut wired = |commit: Oid| {
        let Some(tree) = repo.tree_of(commit) else {
            return false;
        };
        let names: Vec<String> = team_files().collect();
        repo.tree_entries(tree).into_iter().any(|(name, id)| {
            if name == HUSKY {
                // A folder: any of husky's hooks in it (a subfolder is no blob, and calls none).
                repo.tree_entries(id).into_iter().any(|(_, f)| calls(f))
            } else {
                names.contains(&name) && calls(id)
            }
        })
    };
    if !wired(head) {
        return None;
    }
    let mut at = head;
    loop {
        let Some(below) = repo.first_parent(at) else {
            return Some(Wired { at, before: None });
        };
        if !wired(below) {
            return Some(Wired {
                at,
                before: Some(below),
            });
        }
        at = below;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_team_files_are_lefthooks_names_and_pre_commits() {
        let files: Vec<String> = team_files().collect();
        assert_eq!(files.len(), 17);
        assert!(files.contains(&".lefthook-local.json".to_owned()));
        assert!(files.contains(&".pre-commit-config.yaml".to_owned()));
        assert!(names_relhook(b"npx --no relhook hook commit-msg"));
        assert!(!names_relhook(b"npm test"));
    }
}
