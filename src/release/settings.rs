//! A release follows the settings its commit carries: an uncommitted `.relconfig.toml` (a
//! test command, version files, a tag prefix) would make a release, and record a test pass,
//! that the tagged tree does not say; a test of a tag run with it, a pass of a command no
//! commit carries.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Once;

use git2::Oid;

use crate::Result;
use crate::config::{Config, FILE_NAME};
use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// What a release would do with uncommitted settings, as [`uncommitted`] says it.
pub const RELEASE: &str = "the release would follow settings (its test command, files, tag prefix) that its commit does not carry";

/// What a test run would do with them.
pub const TEST_RUN: &str = "the pass would be recorded for a test command that no commit carries";

/// Refused, saying `what` would go wrong, when the configuration in force is a file git
/// tracks (the repository's own `.relconfig.toml`, or one named with `--config` inside the work
/// tree), `git status` lists it, and the settings it gives differ from those HEAD's commit gives
/// (no `.relconfig.toml`: the defaults). A comment or a change put back is no reason. A
/// `--config` file no commit could carry (outside, or untracked) is the user's explicit
/// choice: said in a note, once.
pub fn uncommitted(repo: &Repo, config: &Config, what: &str) -> Result<Option<Refusal>> {
    let Some(top) = repo.work_tree() else {
        return Ok(None);
    };
    let own = top.join(FILE_NAME);
    // No source: no file in the work tree, the defaults are in force (a removal counts too).
    let path = config.source.clone().unwrap_or_else(|| own.clone());
    let named = path != own;
    let in_head = |rel: &Path| repo.head().and_then(|head| repo.blob_at(head, rel));
    let rel = match named {
        false => Some(PathBuf::from(FILE_NAME)),
        true => inside(&top, &path)
            .filter(|rel| repo.staged_blob(rel).is_some() || in_head(rel).is_some()),
    };
    let Some(rel) = rel else {
        static SAID: Once = Once::new();
        SAID.call_once(|| {
            let _ = writeln!(
                std::io::stderr(),
                "relhook: note: the settings come from {}, which no commit carries",
                crate::printable::visible(&path.display().to_string())
            );
        });
        return Ok(None);
    };
    if !repo.path_uncommitted(&rel)? {
        return Ok(None);
    }
    let committed = in_head(&rel);
    // A named file HEAD lacks has no committed settings to match (its absence is no default).
    if (committed.is_some() || !named) && same_settings(repo, &path, committed) {
        return Ok(None);
    }
    let file = rel.display();
    // A pathspec from the top, taken literally (`c*g.toml` names no other file), for a
    // command pasted in any folder.
    let word = crate::shellword::from_top(&rel);
    // A message the commit-msg hook lets through under the rules in force.
    let commit = crate::commit::advised::commit(&config.commit, "chore", None, "relhook settings");
    let fix = if committed.is_some() {
        format!(
            "commit it first (`{commit} -- {word}`), or put it back (`git restore --staged --worktree -- {word}`)"
        )
    } else {
        format!("commit it first (`git add {word} && {commit}`), or move it away")
    };
    Ok(Some(Refusal::new(
        Reason::DirtyTree,
        format!("{file} has uncommitted changes: {what}"),
        fix,
    )))
}

/// `path` relative to the top of the work tree, when it is inside it (links resolved).
fn inside(top: &Path, path: &Path) -> Option<PathBuf> {
    let top = top.canonicalize().ok()?;
    let path = path.canonicalize().ok()?;
    path.strip_prefix(&top).ok().map(Path::to_owned)
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
        p.changelog_at = 0;
    }
    config
}
