//! pnpm's lock follows the requirements a release rewrites: a package.json's `"@p/core":
//! "workspace:^1.0.0"` moved to `workspace:^2.0.0` left the lock's `specifier:` behind, so
//! the tagged tree failed `pnpm install --frozen-lockfile` (and the tests' own `pnpm` rewrote
//! the lock mid-run). A lock relhook cannot edit as pnpm would is refused before anything is
//! written, naming `pnpm install`.

use std::path::{Path, PathBuf};

use super::dependents::Change;
use crate::error::{Reason, Refusal};
use crate::history::version::files::pnpm_lock::{Unfit, move_specifier};
use crate::history::version::files::{Edit, Locks, slash_path};
use crate::{Error, Result};

const LOCK: &str = "pnpm-lock.yaml";

/// Moves the specifier of each of `changes` (the package.json ones) in the project's pnpm
/// lock: its own (`sharedWorkspaceLockfile: false`), else the root's, on top of the `edits`
/// planned so far. The locks are read from `locks`.
pub(super) fn requirements(
    locks: Locks<'_>,
    root: &Path,
    edits: &mut Vec<Edit>,
    changes: &[Change],
) -> Result<()> {
    for c in changes {
        if c.file.file_name().is_none_or(|n| n != "package.json") {
            continue;
        }
        let dir = c.file.parent().unwrap_or(Path::new(""));
        let own = dir.join(LOCK);
        let (lock, importer) = if !dir.as_os_str().is_empty() && exists(locks, root, edits, &own) {
            (own, ".".to_owned())
        } else {
            (PathBuf::from(LOCK), slash_path(dir))
        };
        let planned = edits.iter().position(|e| e.path == lock);
        let before = match planned {
            Some(i) => edits[i].after.clone(),
            None => match read(locks, root, &lock)? {
                Some(b) => b,
                None => continue,
            },
        };
        let Ok(text) = std::str::from_utf8(&before) else {
            continue;
        };
        let after = match move_specifier(text, &importer, &c.name, &c.before, &c.after) {
            Ok(Some(after)) => after.into_bytes(),
            Ok(None) => continue,
            Err(unfit) => return Err(refused(&lock, c, unfit)),
        };
        match planned {
            Some(i) => edits[i].after = after,
            None => edits.push(Edit {
                path: lock,
                before,
                after,
                committed: None,
            }),
        }
    }
    Ok(())
}

fn exists(locks: Locks<'_>, root: &Path, edits: &[Edit], lock: &Path) -> bool {
    edits.iter().any(|e| e.path == lock) || read(locks, root, lock).ok().flatten().is_some()
}

fn read(locks: Locks<'_>, root: &Path, lock: &Path) -> Result<Option<Vec<u8>>> {
    match locks {
        Locks::WorkTree => crate::fsx::read_optional(&root.join(lock)),
        Locks::Given(read) => Ok(read(lock)),
    }
}

/// One line: the lock, why it cannot take the move, and the way on.
fn refused(lock: &Path, c: &Change, unfit: Unfit) -> Error {
    let moving = format!(
        "so the release cannot move the requirement on {} of {} there (`{}` → `{}`)",
        c.name,
        c.file.display(),
        c.before,
        c.after
    );
    let (why, fix) = match unfit {
        Unfit::Shape(why) => (
            why,
            format!(
                "refresh it with `pnpm install`, commit {}, and release again",
                lock.display()
            ),
        ),
        Unfit::NotLinked(version) => (
            format!("resolves {} as `{version}`, not from the workspace", c.name),
            format!(
                "require it as `workspace:{}` and refresh the lock with `pnpm install`, or set `[release] bump_dependents = false`",
                c.before
            ),
        ),
    };
    Error::Refused(Refusal::new(
        Reason::Dependent,
        format!("{} {why}, {moving}", lock.display()),
        fix,
    ))
}
