//! bun's text lock at the top of a workspace (`bun.lock`) repeats each workspace package's
//! version and requirements: a package's release left them behind, so the tagged tree failed
//! `bun install --frozen-lockfile`. They move as the npm and pnpm locks' do; a lock relhook
//! cannot edit as bun would is refused before anything is written, naming `bun install`. The
//! binary lock of older bun (`bun.lockb`) is never edited: a release leaves a note instead.

use std::path::{Path, PathBuf};

use super::dependents::Change;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::bun_lock::{move_specifier, move_version};
use crate::history::version::files::{Edit, Locks, VersionFile, slash_path};
use crate::{Error, Result};

const LOCK: &str = "bun.lock";
const BINARY: &str = "bun.lockb";

/// Moves each bumped workspace package's `"version"` (`bumped`: its version files, the version
/// each held and the new one) in the top's bun.lock, on top of the `edits` planned so far.
pub(super) fn versions(
    locks: Locks<'_>,
    root: &Path,
    edits: &mut Vec<Edit>,
    bumped: &[(&VersionFile, &str, String)],
) -> Result<()> {
    for (file, old, new) in bumped {
        let Some(dir) = manifest_dir(&file.path) else {
            continue;
        };
        let moving = format!(
            "the version of {} there ({old} → {new})",
            file.path.display()
        );
        edit(locks, root, edits, &moving, Reason::VersionFile, |text| {
            move_version(text, &slash_path(dir), old, new)
        })?;
    }
    Ok(())
}

/// Moves each of `changes` (the package.json ones) in the top's bun.lock.
pub(super) fn requirements(
    locks: Locks<'_>,
    root: &Path,
    edits: &mut Vec<Edit>,
    changes: &[Change],
) -> Result<()> {
    for c in changes {
        let Some(dir) = manifest_dir(&c.file) else {
            continue;
        };
        let moving = format!(
            "the requirement on {} of {} there (`{}` → `{}`)",
            c.name,
            c.file.display(),
            c.before,
            c.after
        );
        edit(locks, root, edits, &moving, Reason::Dependent, |text| {
            move_specifier(
                text,
                &slash_path(dir),
                &c.section,
                &c.name,
                &c.before,
                &c.after,
            )
        })?;
    }
    Ok(())
}

/// The note for a tracked bun.lockb at the top when the `edits` change a package.json: bun
/// keeps its copy of them there, which only `bun install` rewrites.
pub(super) fn binary_note(repo: &Repo, root: &Path, edits: &[Edit]) -> Option<(PathBuf, String)> {
    let manifest = edits
        .iter()
        .any(|e| e.path.file_name().is_some_and(|n| n == "package.json"));
    let binary = PathBuf::from(BINARY);
    if !manifest || !root.join(&binary).is_file() || !repo.tracked_at_head(&binary) {
        return None;
    }
    let note = format!(
        "{BINARY} is binary and left as it is: refresh it with `bun install` and commit {BINARY}"
    );
    Some((binary, note))
}

/// The folder of a workspace package's package.json below the top; `None` for another file.
fn manifest_dir(file: &Path) -> Option<&Path> {
    file.parent().filter(|d| {
        !d.as_os_str().is_empty() && file.file_name().is_some_and(|n| n == "package.json")
    })
}

/// Runs `step` on bun.lock as the `edits` leave it (none there: nothing to do), and plans
/// what it returns; refused, naming `moving`, where the lock cannot take it.
fn edit(
    locks: Locks<'_>,
    root: &Path,
    edits: &mut Vec<Edit>,
    moving: &str,
    reason: Reason,
    step: impl Fn(&str) -> std::result::Result<Option<String>, String>,
) -> Result<()> {
    let lock = Path::new(LOCK);
    let planned = edits.iter().position(|e| e.path == lock);
    let before = match planned {
        Some(i) => edits[i].after.clone(),
        None => {
            let read = match locks {
                Locks::WorkTree => crate::fsx::read_optional(&root.join(lock))?,
                Locks::Given(read) => read(lock),
            };
            match read {
                Some(b) => b,
                None => return Ok(()),
            }
        }
    };
    let after = match std::str::from_utf8(&before).map_err(|_| "is not UTF-8".to_owned()) {
        Ok(text) => step(text),
        Err(why) => Err(why),
    };
    let after = match after {
        Ok(Some(after)) => after.into_bytes(),
        Ok(None) => return Ok(()),
        Err(why) => {
            return Err(Error::Refused(Refusal::new(
                reason,
                format!("{LOCK} {why}, so the release cannot move {moving}"),
                format!("refresh it with `bun install`, commit {LOCK}, and release again"),
            )));
        }
    };
    match planned {
        Some(i) => edits[i].after = after,
        None => edits.push(Edit {
            path: lock.to_path_buf(),
            before,
            after,
            committed: None,
        }),
    }
    Ok(())
}
