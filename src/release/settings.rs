//! A release follows the settings its commit carries: an uncommitted `.relconfig.toml` (a
//! test command, version files, a tag prefix) would make a release, and record a test pass,
//! that the tagged tree does not say; a test of a tag run with it, a pass of a command no
//! commit carries.

use std::path::Path;

use crate::Result;
use crate::config::{Config, FILE_NAME};
use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// What a release would do with uncommitted settings, as [`uncommitted`] says it.
pub const RELEASE: &str = "the release would follow settings (its test command, files, tag prefix) that its commit does not carry";

/// What a test run would do with them.
pub const TEST_RUN: &str = "the pass would be recorded for a test command that no commit carries";

/// Refused, saying `what` would go wrong, when the configuration in force is the repository's
/// own `.relconfig.toml` and `git status` lists it. A file named with `--config` is the user's
/// explicit choice.
pub fn uncommitted(repo: &Repo, config: &Config, what: &str) -> Result<Option<Refusal>> {
    let Some(top) = repo.work_tree() else {
        return Ok(None);
    };
    if config.source.as_deref() != Some(top.join(FILE_NAME).as_path())
        || !repo.path_uncommitted(Path::new(FILE_NAME))?
    {
        return Ok(None);
    }
    let tracked = repo
        .head()
        .and_then(|head| repo.blob_at(head, Path::new(FILE_NAME)))
        .is_some();
    let fix = if tracked {
        format!(
            "commit it first (`git commit -m \"chore: relhook settings\" {FILE_NAME}`), or put it back (`git restore --staged --worktree {FILE_NAME}`)"
        )
    } else {
        format!(
            "commit it first (`git add {FILE_NAME} && git commit -m \"chore: relhook settings\"`), or move it away"
        )
    };
    Ok(Some(Refusal::new(
        Reason::DirtyTree,
        format!("{FILE_NAME} has uncommitted changes: {what}"),
        fix,
    )))
}
