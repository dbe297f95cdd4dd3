//! A crate's own Cargo.lock, other than the top's: a crate outside every workspace (a
//! monorepo package that is a crate of its own) keeps one beside its Cargo.toml, and a
//! nested workspace one at its own top. One beside a workspace member is a stray that cargo
//! never reads, left alone. cargo builds the crate with that lock, so a release
//! that bumps the crate and leaves the lock's entry behind tags a tree where `cargo build
//! --locked` fails. The entry moves in the same release commit. A lock whose entry is not
//! the crate's version before the release (missing, or another) is refused: what the lock
//! should say is cargo's to decide, not relhook's to guess.

use std::path::{Path, PathBuf};

use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::{self, Edit, Locator, Locks, VersionFile};
use crate::shellword::folder_value;

/// The Cargo.lock, other than the top's, that the crate of `manifest` (a Cargo.toml below
/// the top) builds with: its workspace's (its nested workspace's, or its own when it is a
/// workspace of its own); `None` when that is the top's or not in `locks`. One beside a
/// workspace member is not the crate's: cargo reads only the workspace's.
fn own_lock(locks: Locks<'_>, root: &Path, manifest: &Path) -> Option<PathBuf> {
    let dir = manifest.parent().filter(|d| !d.as_os_str().is_empty())?;
    let read = |p: &Path| super::crates::disk_text(root, p);
    let workspace = super::crates::workspace_root(&read, manifest, &read(manifest)?)
        .unwrap_or_else(|| dir.to_path_buf());
    let lock = workspace.join("Cargo.lock");
    (!workspace.as_os_str().is_empty() && locks.read(root, &lock).is_ok()).then_some(lock)
}

/// The own locks of the Cargo.toml files in `bumped` (each with the version it says) that
/// move to `new`, each with those files.
pub(super) fn own_locks(
    locks: Locks<'_>,
    root: &Path,
    bumped: &[(VersionFile, String)],
    new: &str,
) -> Vec<(PathBuf, Vec<(VersionFile, String)>)> {
    let mut out: Vec<(PathBuf, Vec<(VersionFile, String)>)> = Vec::new();
    let cargo = bumped
        .iter()
        .filter(|(f, old)| old != new && f.path.file_name().is_some_and(|n| n == "Cargo.toml"));
    for (f, old) in cargo {
        let Some(lock) = own_lock(locks, root, &f.path) else {
            continue;
        };
        match out.iter_mut().find(|(l, _)| *l == lock) {
            Some((_, files)) => files.push((f.clone(), old.clone())),
            None => out.push((lock, vec![(f.clone(), old.clone())])),
        }
    }
    out
}

/// The Cargo.lock edits that follow the Cargo.toml files of `bumped` (each with the version
/// it says) to `new`: the top lock's, then each crate's own lock's, refusing a lock HEAD
/// tracks (or that git does not ignore) whose entry of a bumped crate is neither its version
/// before the release nor `new` (or, in a crate's own lock, missing).
pub(super) fn cargo_lock_edits(
    repo: &Repo,
    locks: Locks<'_>,
    root: &Path,
    bumped: &[(VersionFile, String)],
    new: &str,
) -> crate::Result<Vec<Edit>> {
    let top = Path::new("Cargo.lock");
    let own = own_locks(locks, root, bumped, new);
    // The crates that inherit a workspace's version, asked only when one is bumped.
    let workspace = bumped
        .iter()
        .any(|(f, _)| matches!(&f.locator, Locator::TomlKey(k) if k.starts_with("workspace.")));
    let inheriting: Vec<String> = if workspace && (locks.read(root, top).is_ok() || !own.is_empty())
    {
        let read = |p: &Path| super::crates::disk_text(root, p);
        let crates = super::crates::bumped_crates(&read, root, bumped);
        crates.bumped.into_iter().map(|c| c.name).collect()
    } else {
        Vec::new()
    };
    let moved: Vec<(VersionFile, String)> = bumped
        .iter()
        .filter(|(f, old)| old != new && f.path.file_name().is_some_and(|n| n == "Cargo.toml"))
        .cloned()
        .chain(bumped_by_hand(locks, root, top, bumped, new))
        .collect();
    // The top lock holds only its workspace's crates: one it has no entry of is not refused.
    let mut checked = vec![(top.to_path_buf(), moved, false)];
    checked.extend(own.into_iter().map(|(lock, crates)| (lock, crates, true)));
    let mut out = Vec::new();
    for (lock, crates, needed) in checked {
        // An ignored lock HEAD does not track is left alone with a note (`untracked_locks`).
        let text = locks.read(root, &lock);
        if let Ok(text) = text.as_deref()
            && super::untracked_locks::untracked(repo, &lock).is_none()
        {
            let entries = Entries {
                text,
                inheriting: &inheriting,
                needed,
            };
            if let Some(refusal) = behind(root, &lock, &entries, &crates, new) {
                return Err(crate::Error::Refused(refusal));
            }
        }
        out.extend(files::cargo_lock_edit(
            locks,
            root,
            &lock,
            &crates,
            new,
            &inheriting,
        ));
    }
    Ok(out)
}

/// The crates of `bumped` whose Cargo.toml says `new` already (bumped by hand before the
/// release) while the top lock's entry says another version, each with that version: cargo
/// writes a member's entry from its manifest alone, so the release moves it as it would
/// (`cargo update` may not: a dependent's requirement the release rewrites still holds).
fn bumped_by_hand(
    locks: Locks<'_>,
    root: &Path,
    top: &Path,
    bumped: &[(VersionFile, String)],
    new: &str,
) -> Vec<(VersionFile, String)> {
    let Ok(text) = locks.read(root, top) else {
        return Vec::new();
    };
    bumped
        .iter()
        .filter(|(f, old)| {
            old == new
                && f.path.file_name().is_some_and(|n| n == "Cargo.toml")
                && matches!(&f.locator, Locator::TomlKey(k) if k == "package.version")
        })
        .filter_map(|(f, _)| {
            let name = files::package_name(&root.join(&f.path))?;
            let found = files::local_version(&text, &name)?;
            (found != new).then(|| (f.clone(), found.to_owned()))
        })
        .collect()
}

/// A lock's text, as [`behind`] reads it.
struct Entries<'a> {
    text: &'a str,
    /// The crates that take a bumped workspace's version.
    inheriting: &'a [String],
    /// Whether a bumped crate must have an entry (a crate's own lock) or may not (the top's).
    needed: bool,
}

/// The refusal for the first crate of `crates` (a Cargo.toml's `package.version`, or the
/// crates that inherit its `workspace.package.version`, with what it says) whose entry in
/// the lock at `lock` says another version than it and `new`, or is missing where needed.
fn behind(
    root: &Path,
    lock: &Path,
    entries: &Entries<'_>,
    crates: &[(VersionFile, String)],
    new: &str,
) -> Option<Refusal> {
    let olds: Vec<&str> = crates.iter().map(|(_, old)| old.as_str()).collect();
    crates.iter().find_map(|(f, old)| {
        let Locator::TomlKey(key) = &f.locator else {
            return None;
        };
        // A workspace's version is its inheriting crates' (at any bumped workspace's version),
        // each in the locks of the workspaces that build it only.
        let (names, known, needed) = match key.as_str() {
            "package.version" => (
                vec![files::package_name(&root.join(&f.path))?],
                vec![old.as_str()],
                entries.needed,
            ),
            k if k.starts_with("workspace.") => (entries.inheriting.to_vec(), olds.clone(), false),
            _ => return None,
        };
        names.into_iter().find_map(|name| {
            let found = files::local_version(entries.text, &name);
            let fine = match found {
                Some(v) => v == new || known.contains(&v),
                None => !needed,
            };
            (!fine).then(|| refusal(lock, f, old, &name, found))
        })
    })
}

/// The refusal of a lock whose entry of `name` says `found` where `f` says `old`.
fn refusal(lock: &Path, f: &VersionFile, old: &str, name: &str, found: Option<&str>) -> Refusal {
    let says = match found {
        Some(v) => format!("its entry of {name} says {v}"),
        None => format!("it has no entry of {name}"),
    };
    let what = format!(
        "{}: {says} where {} says {old}, so the release cannot move it with the crate (`cargo build --locked` fails on a lock left behind)",
        lock.display(),
        f.path.display(),
    );
    // At the top, cargo finds the workspace from any folder of it.
    let manifest = match lock.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => format!(
            " --manifest-path {}",
            folder_value(&files::slash_path(&dir.join("Cargo.toml")))
        ),
        None => String::new(),
    };
    let fix = format!(
        "update the lock to match (`cargo update --workspace --offline{manifest}`), commit it, then release again"
    );
    Refusal::new(Reason::VersionFile, what, fix)
}
