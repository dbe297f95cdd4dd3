//! `relhook doctor`'s row for a `.relconfig.toml` with changes not committed (new, edited or
//! deleted): `relhook release` refuses the tree as dirty until they are, so "all is well"
//! would be wrong. As for the changelog's row, none mid merge, rebase, cherry-pick or revert,
//! whose staged files are that operation's to commit.

use std::path::Path;

use crate::config::{Config, FILE_NAME};
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// The warning, with the command that commits the file (and only it).
pub(super) fn uncommitted_settings(repo: &Repo, config: &Config) -> Option<Check> {
    if repo.operation_in_progress().is_some() {
        return None;
    }
    let rel = Path::new(FILE_NAME);
    if !repo.path_uncommitted(rel).ok()? {
        return None;
    }
    let file = crate::shellword::from_top(rel);
    // A message the commit-msg hook lets through under the rules in force.
    let commit = crate::commit::advised::commit(&config.commit, "chore", None, "relhook settings");
    Some(Check {
        subject: "config file".into(),
        status: Status::Warning,
        detail: format!(
            "{FILE_NAME} has changes not committed (new, edited or deleted): `relhook release` refuses the tree as dirty until they are"
        ),
        // `git add` stages a new file and a deletion alike; the pathspec commits it alone.
        fix: Some(format!("git add {file} && {commit} -- {file}")),
    })
}
