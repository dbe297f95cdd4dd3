//! A release follows the settings its commit carries: an uncommitted `.relconfig.toml` (a
//! test command, version files, a tag prefix) would make a release, and record a test pass,
//! that the tagged tree does not say; a test of a tag run with it, a pass of a command no
//! commit carries.

use std::path::Path;

use git2::Oid;

use crate::Result;
use crate::config::{Config, FILE_NAME};
use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// What a release would do with uncommitted settings, as [`uncommitted`] says it.
pub const RELEASE: &str = "the release would follow settings (its test command, files, tag prefix) that its commit does not carry";

/// What a test run would do with them.
pub const TEST_RUN: &str = "the pass would be recorded for a test command that no commit carries";

/// Refused, saying `what` would go wrong, when the configuration in force is the repository's
/// own `.relconfig.toml`, `git status` lists it, and the settings it gives differ from those
/// HEAD's commit gives (no file: the defaults). A comment or a change put back is no reason.
/// A file named with `--config` is the user's explicit choice.
pub fn uncommitted(repo: &Repo, config: &Config, what: &str) -> Result<Option<Refusal>> {
    let Some(top) = repo.work_tree() else {
        return Ok(None);
    };
    let own = top.join(FILE_NAME);
    // No source: no file in the work tree, the defaults are in force (a removal counts too).
    if config.source.as_deref().is_some_and(|s| s != own)
        || !repo.path_uncommitted(Path::new(FILE_NAME))?
    {
        return Ok(None);
    }
    let committed = repo
        .head()
        .and_then(|head| repo.blob_at(head, Path::new(FILE_NAME)));
    if same_settings(repo, &own, committed) {
        return Ok(None);
    }
    let fix = if committed.is_some() {
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

/// Whether the file at `path` gives the settings the committed blob gives (none: the
/// defaults). Read again rather than taken from the caller, which may hold a package's view;
/// a file either side that does not parse differs.
fn same_settings(repo: &Repo, path: &Path, committed: Option<Oid>) -> bool {
    let now = match Config::load_file(path, false) {
        Ok(c) => c,
        Err(_) => return false,
    };
    let then = match committed {
        None => Config::default(),
        Some(blob) => {
            let text = repo
                .blob_bytes(blob)
                .and_then(|b| String::from_utf8(b).ok());
            match text.map(|t| Config::parse(path, &t)) {
                Some(Ok(c)) => c,
                _ => return false,
            }
        }
    };
    normalized(now) == normalized(then)
}

/// The settings alone: where the file is, where a package's table starts in it and whether
/// `tag_prefix` is written out (a message's wording) are not settings.
fn normalized(mut config: Config) -> Config {
    config.source = None;
    config.version.tag_prefix_set = false;
    for p in &mut config.packages {
        p.defined_at = Default::default();
    }
    config
}
