//! pnpm's lock follows the requirements a release rewrites: a package.json's `"@p/core":
//! "workspace:^1.0.0"` moved to `workspace:^2.0.0` left the lock's `specifier:` behind, so
//! the tagged tree failed `pnpm install --frozen-lockfile` (and the tests' own `pnpm` rewrote
//! the lock mid-run). A lock relhook cannot edit as pnpm would is refused before anything is
//! written, naming `pnpm install`. A dependent whose lock takes its sibling from the registry
//! at a version the new requirement does not meet cannot follow it before the sibling is
//! published, so that release is refused, as npm's and bun's are.

use std::path::{Path, PathBuf};

use super::dependents::Change;
use crate::error::{Reason, Refusal};
use crate::history::version::files::pnpm_lock::{Unfit, move_specifier};
use crate::history::version::files::{Edit, Locks, slash_path};
use crate::shellword::{folder_value, quote};
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
        Locks::WorkTree => crate::fsx::project_bytes(&root.join(lock)),
        Locks::Given(read) => Ok(read(lock)),
    }
}

/// One line: the lock, why it cannot take the move, and the way on.
fn refused(lock: &Path, c: &Change, unfit: Unfit) -> Error {
    let moving = format!(
        "the requirement on {} of {} there (`{}` → `{}`)",
        c.name,
        c.file.display(),
        c.before,
        c.after
    );
    let (said, fix) = match unfit {
        Unfit::Shape(why) => (
            format!(
                "{} {why}, so the release cannot move {moving}",
                lock.display()
            ),
            format!(
                "refresh it with `{}`, commit {}, and release again",
                install(lock),
                lock.display()
            ),
        ),
        Unfit::Excluded(version) => (
            format!(
                "{} resolves {} as `{version}`, which does not meet `{}`, so the release cannot move {moving} before {} {} is published",
                lock.display(),
                c.name,
                c.after,
                c.name,
                c.version
            ),
            excluded_fix(lock, c),
        ),
    };
    Error::Refused(Refusal::new(Reason::Dependent, said, fix))
}

/// The way on for a dependent whose lock takes its sibling from elsewhere than the
/// workspace: release the sibling alone and move the dependent once it is published; in a
/// pnpm workspace (the lock is the top's) linking the sibling from it works at once.
fn excluded_fix(lock: &Path, c: &Change) -> String {
    let dir = c.file.parent().unwrap_or(Path::new(""));
    let (flag, shown_dir) = if dir.as_os_str().is_empty() {
        (String::new(), ".".to_owned())
    } else {
        let dir = slash_path(dir);
        (format!(" --dir {}", folder_value(&dir)), dir)
    };
    // `pnpm add` writes the section it is told and the range it is given, whatever b had.
    let section = match c.section.as_str() {
        "devDependencies" => " --save-dev",
        "optionalDependencies" => " --save-optional",
        "peerDependencies" => " --save-peer",
        _ => "",
    };
    let (exact, spec) = if c.before.starts_with(|ch: char| ch.is_ascii_digit()) {
        (" --save-exact", c.version.to_string())
    } else {
        ("", c.after.clone())
    };
    let later = format!(
        "set `[release] bump_dependents = false` to release {} alone, then once it is published move {shown_dir} to it with `pnpm add{flag}{section}{exact} {}` and commit",
        c.dependency,
        quote(&format!("{}@{spec}", c.name))
    );
    if lock.parent().is_some_and(|d| d == dir) {
        return later;
    }
    format!(
        "require it as `workspace:{}` in {}, refresh the lock with `{}` and commit both, or {later}",
        c.before,
        c.file.display(),
        install(lock)
    )
}

/// The command that has pnpm write the lock at `lock` again: `pnpm install` in its folder.
fn install(lock: &Path) -> String {
    match lock.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => format!("pnpm install --dir {}", folder_value(&slash_path(dir))),
        None => "pnpm install".to_owned(),
    }
}
