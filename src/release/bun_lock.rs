//! bun's text lock at the top of a workspace (`bun.lock`) repeats each workspace package's
//! version and requirements: a package's release left them behind, so the tagged tree failed
//! `bun install --frozen-lockfile`. They move as the npm and pnpm locks' do; a lock relhook
//! cannot edit as bun would is refused before anything is written, naming `bun install`. The
//! binary lock of older bun (`bun.lockb`) is never edited: a release leaves a note instead.
//! A package's lock is its bun workspace's, at the workspace's top (the nearest folder above
//! it whose lock lists it), else its own beside its package.json, else the repository's.
//! A dependent whose lock takes its sibling from the registry cannot follow a requirement
//! moved to a version not published yet, so that release is refused, as npm's is.

use std::path::{Path, PathBuf};

use super::dependents::Change;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::bun_lock::{
    lists_workspace, move_specifier, move_version, registry_copy,
};
use crate::history::version::files::deps::{self, Manifest};
use crate::history::version::files::{Edit, Locks, VersionFile, slash_path};
use crate::shellword::{folder_value, quote};
use crate::{Error, Result};

const LOCK: &str = "bun.lock";
const BINARY: &str = "bun.lockb";

/// Moves each bumped workspace package's `"version"` (`bumped`: its version files, the version
/// each held and the new one) in its bun.lock (see [`lock_of`]), on top of the `edits`
/// planned so far.
pub(super) fn versions(
    locks: Locks<'_>,
    root: &Path,
    edits: &mut Vec<Edit>,
    bumped: &[(&VersionFile, &str, String)],
) -> Result<()> {
    for (file, old, new) in bumped {
        let Some((lock, key)) = manifest_dir(&file.path).and_then(|d| lock_of(locks, root, d))
        else {
            continue;
        };
        let moving = format!(
            "the version of {} there ({old} → {new})",
            file.path.display()
        );
        edit(
            locks,
            root,
            edits,
            (&lock, &moving),
            Reason::VersionFile,
            |text| move_version(text, &key, old, new),
        )?;
    }
    Ok(())
}

/// Moves each of `changes` (the package.json ones) in the bun.lock of the dependent. A
/// dependent whose lock takes the dependency from the registry at a version the new
/// requirement does not meet is refused: bun would fetch the new version, not published yet.
pub(super) fn requirements(
    locks: Locks<'_>,
    root: &Path,
    edits: &mut Vec<Edit>,
    changes: &[Change],
) -> Result<()> {
    for c in changes {
        let Some((lock, key)) = manifest_dir(&c.file).and_then(|d| lock_of(locks, root, d)) else {
            continue;
        };
        let moving = format!(
            "the requirement on {} of {} there (`{}` → `{}`)",
            c.name,
            c.file.display(),
            c.before,
            c.after
        );
        refuse_from_registry(locks, root, edits, &lock, &key, c, &moving)?;
        edit(
            locks,
            root,
            edits,
            (&lock, &moving),
            Reason::Dependent,
            |text| move_specifier(text, &key, &c.section, &c.name, &c.before, &c.after),
        )?;
    }
    Ok(())
}

/// Adds to `out` (the notes of the locks a release leaves alone, each with its path) the note
/// for each tracked bun.lockb at or above the folder of a package.json the `edits` change
/// that it does not hold yet: bun keeps its copy of them there, which only `bun install`
/// rewrites.
pub(super) fn binary_notes(
    repo: &Repo,
    root: &Path,
    edits: &[Edit],
    out: &mut Vec<(PathBuf, String)>,
) {
    let manifests = edits
        .iter()
        .filter(|e| e.path.file_name().is_some_and(|n| n == "package.json"));
    for dir in manifests.filter_map(|e| e.path.parent()) {
        for binary in dir.ancestors().map(|d| d.join(BINARY)) {
            if out.iter().any(|(p, _)| *p == binary)
                || !root.join(&binary).is_file()
                || !repo.tracked_at_head(&binary)
            {
                continue;
            }
            let shown = binary.display();
            let note = format!(
                "{shown} is binary and left as it is: refresh it with `{}` and commit {shown}",
                install(&binary)
            );
            out.push((binary, note));
        }
    }
}

/// The folder of a workspace package's package.json below the top; `None` for another file.
fn manifest_dir(file: &Path) -> Option<&Path> {
    file.parent().filter(|d| {
        !d.as_os_str().is_empty() && file.file_name().is_some_and(|n| n == "package.json")
    })
}

/// The bun.lock that locks the package in `dir` (below the top), with the package's key in
/// its `"workspaces"`: the nearest one above that lists it (bun keeps one lock, at the
/// workspace's top), else one beside its package.json (`""`, a project of its own), else
/// the top's, which refuses a package it does not list. `None`: no lock there.
fn lock_of(locks: Locks<'_>, root: &Path, dir: &Path) -> Option<(PathBuf, String)> {
    let text = |lock: &Path| read(locks, root, lock).ok().flatten();
    let key = |top: &Path| {
        let rel = dir.strip_prefix(top).unwrap_or(dir);
        if rel.as_os_str().is_empty() {
            String::new()
        } else {
            slash_path(rel)
        }
    };
    let above = dir.ancestors().skip(1).find_map(|top| {
        let lock = top.join(LOCK);
        let t = String::from_utf8(text(&lock)?).ok()?;
        lists_workspace(&t, &key(top)).then(|| (lock, key(top)))
    });
    let own = || {
        let lock = dir.join(LOCK);
        text(&lock).map(|_| (lock, String::new()))
    };
    let top = || text(Path::new(LOCK)).map(|_| (PathBuf::from(LOCK), key(Path::new(""))));
    above.or_else(own).or_else(top)
}

/// The bytes of the lock at `lock` as `locks` has them; `None`: not there.
fn read(locks: Locks<'_>, root: &Path, lock: &Path) -> Result<Option<Vec<u8>>> {
    match locks {
        Locks::WorkTree => crate::fsx::project_bytes(&root.join(lock)),
        Locks::Given(read) => Ok(read(lock)),
    }
}

/// Refuses the move of `c` (`moving`) in the bun.lock at `lock`, which locks its dependent
/// as workspace `key`, when the copy of the dependency it resolves comes from the registry at
/// a version the new requirement does not meet: `bun install --frozen-lockfile` would reject
/// the tagged lock. One that cannot take the move at all is left to [`edit`] to refuse.
fn refuse_from_registry(
    locks: Locks<'_>,
    root: &Path,
    edits: &[Edit],
    lock: &Path,
    key: &str,
    c: &Change,
    moving: &str,
) -> Result<()> {
    let text = match edits.iter().find(|e| e.path == lock) {
        Some(e) => Some(e.after.clone()),
        None => read(locks, root, lock)?,
    };
    let Some(text) = text.and_then(|t| String::from_utf8(t).ok()) else {
        return Ok(());
    };
    if !matches!(
        move_specifier(&text, key, &c.section, &c.name, &c.before, &c.after),
        Ok(Some(_))
    ) {
        return Ok(());
    }
    let Some((copy, at)) = registry_copy(&text, key, &c.name) else {
        return Ok(());
    };
    if deps::meets(Manifest::Npm, &c.after, &at) {
        return Ok(());
    }
    let dir = c.file.parent().unwrap_or(Path::new(""));
    let (cwd, shown_dir) = if dir.as_os_str().is_empty() {
        (String::new(), ".".to_owned())
    } else {
        let dir = slash_path(dir);
        (format!(" --cwd {}", folder_value(&dir)), dir)
    };
    // `bun add` writes the section it is told and the range it is given, whatever b had.
    let section = match c.section.as_str() {
        "devDependencies" => " --dev",
        "optionalDependencies" => " --optional",
        "peerDependencies" => " --peer",
        _ => "",
    };
    let (exact, spec) = if c.before.starts_with(|ch: char| ch.is_ascii_digit()) {
        (" --exact", c.version.to_string())
    } else {
        ("", c.after.clone())
    };
    Err(Error::Refused(Refusal::new(
        Reason::Dependent,
        format!(
            "{} takes {} {at} from the registry (its `packages` entry `{copy}`), which does not meet `{}`, so the release cannot move {moving} before {} {} is published",
            lock.display(),
            c.name,
            c.after,
            c.name,
            c.version
        ),
        format!(
            "set `[release] bump_dependents = false` to release {} alone, then once it is published move {shown_dir} to it with `bun add{cwd}{section}{exact} {}` and commit",
            c.dependency,
            quote(&format!("{}@{spec}", c.name))
        ),
    )))
}

/// Runs `step` on the bun.lock at `lock` as the `edits` leave it (none there: nothing to
/// do), and plans what it returns; refused, naming `moving`, where the lock cannot take it.
fn edit(
    locks: Locks<'_>,
    root: &Path,
    edits: &mut Vec<Edit>,
    (lock, moving): (&Path, &str),
    reason: Reason,
    step: impl Fn(&str) -> std::result::Result<Option<String>, String>,
) -> Result<()> {
    let planned = edits.iter().position(|e| e.path == lock);
    let before = match planned {
        Some(i) => edits[i].after.clone(),
        None => match read(locks, root, lock)? {
            Some(b) => b,
            None => return Ok(()),
        },
    };
    let after = match std::str::from_utf8(&before).map_err(|_| "is not UTF-8".to_owned()) {
        Ok(text) => step(text),
        Err(why) => Err(why),
    };
    let after = match after {
        Ok(Some(after)) => after.into_bytes(),
        Ok(None) => return Ok(()),
        Err(why) => {
            let shown = lock.display();
            return Err(Error::Refused(Refusal::new(
                reason,
                format!("{shown} {why}, so the release cannot move {moving}"),
                format!(
                    "refresh it with `{}`, commit {shown}, and release again",
                    install(lock)
                ),
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

/// The command that has bun write the lock at `lock` again: `bun install` in its folder.
fn install(lock: &Path) -> String {
    match lock.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => format!("bun install --cwd {}", folder_value(&slash_path(dir))),
        None => "bun install".to_owned(),
    }
}
