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
use crate::shellword::quote;

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
/// before the release nor `new`.
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
    let mut out: Vec<Edit> = files::cargo_lock_edit(locks, root, top, bumped, new, &inheriting)
        .into_iter()
        .collect();
    for (lock, crates) in own {
        // An ignored lock HEAD does not track is left alone with a note (`untracked_locks`).
        if super::untracked_locks::untracked(repo, &lock).is_none() {
            let text = locks.read(root, &lock)?;
            if let Some(refusal) = behind(root, &lock, &text, &crates, new) {
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

/// The refusal for the first crate of `crates` (`package.version` of a Cargo.toml, with what
/// it says) whose entry in the lock `text` (at `lock`) is missing or says another version.
fn behind(
    root: &Path,
    lock: &Path,
    text: &str,
    crates: &[(VersionFile, String)],
    new: &str,
) -> Option<Refusal> {
    crates.iter().find_map(|(f, old)| {
        if !matches!(&f.locator, Locator::TomlKey(k) if k == "package.version") {
            return None;
        }
        let name = files::package_name(&root.join(&f.path))?;
        let found = files::local_version(text, &name);
        if found == Some(old) || found == Some(new) {
            return None;
        }
        let says = match found {
            Some(v) => format!("its entry of {name} says {v}"),
            None => format!("it has no entry of {name}"),
        };
        let what = format!(
            "{}: {says} where {} says {old}, so the release cannot move it with the crate (`cargo build --locked` fails on a lock left behind)",
            lock.display(),
            f.path.display(),
        );
        let manifest = lock.with_file_name("Cargo.toml");
        let fix = format!(
            "update the lock to match (`cargo update --workspace --offline --manifest-path {}`), commit it, then release again",
            quote(&manifest.to_string_lossy()),
        );
        Some(Refusal::new(Reason::VersionFile, what, fix))
    })
}
