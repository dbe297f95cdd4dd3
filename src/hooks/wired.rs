//! Where a team adopted relhook in its history: the hook-manager files it commits (husky's
//! `.husky`, lefthook's configuration, `.pre-commit-config.yaml`) call relhook from some commit
//! on. A teammate's clone has no note of what came before its first install (it never met
//! relhook's hooks unwired), and its install finds relhook's hooks running already: the
//! commit that wired relhook in is where relhook's judging starts, as an install is in the
//! clone that made it.
//!
//! Cost: one walk down HEAD's first-parent line, then down a merged branch that brought the
//! wiring in, to its commits from before it; one root tree read per commit; a file's bytes
//! are read once per blob id (most commits leave these files as they were).

use std::collections::{HashMap, HashSet};

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

/// Where relhook's wiring reached HEAD's first-parent line, and what came before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wired {
    /// The oldest of the commits down HEAD's first-parent line whose files all call relhook:
    /// the commit that wired relhook in, or the merge that brought it in from a branch. Its
    /// time is when the team's relhook reached this line.
    pub at: Oid,
    /// The commits from before the team adopted relhook: `at`'s first parent first, then the
    /// commits whose files do not call relhook below the merged branch's commits that do (a
    /// wiring commit on a merged side, and that side's own history). Empty: the history's
    /// first commit calls relhook already.
    pub before: Vec<Oid>,
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
    while let Some(below) = repo.first_parent(at).filter(|&b| wired(b)) {
        at = below;
    }
    // A merge brought the wiring in when another parent's files call relhook too: its
    // commits that do are walked down to the ones that do not (the wiring commit's parent,
    // the branch's history), which never met the team's relhook either.
    let mut before = Vec::new();
    let mut walked = HashSet::from([at]);
    let mut stack = vec![at];
    while let Some(commit) = stack.pop() {
        for parent in repo.parent_ids(commit).unwrap_or_default() {
            if !walked.insert(parent) {
                continue;
            }
            if wired(parent) {
                stack.push(parent);
            } else {
                before.push(parent);
            }
        }
    }
    Some(Wired { at, before })
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
