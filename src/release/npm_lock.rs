//! npm's lock file at the root of a workspace repeats each workspace package's version
//! (`packages["<dir>"].version`, and `packages["node_modules/<name>"].version` where npm keeps
//! a copy) and its requirements: a package's release moves them as `npm install` would, so that
//! the lock and the package.json files agree (`npm ci` refuses a lock out of step).

use std::path::{Path, PathBuf};

use crate::Result;
use crate::config::CommitConfig;
use crate::git::Repo;
use crate::history::version::files::deps::{self, Manifest};
use crate::history::version::files::{self as vfiles, Locator, Locks, VersionFile};
use vfiles::Edit;

/// Moves each released package's version in the root's npm lock files, on top of the `edits`
/// planned so far: `bumped` is each package's version files with the version each held, and
/// `new` the version it is released at. Only entries that say the package's old version move.
pub fn versions(
    locks: Locks<'_>,
    root: &Path,
    edits: &mut Vec<Edit>,
    bumped: &[(&VersionFile, &str, String)],
) -> Result<()> {
    edit_locks(locks, root, edits, |lock, mut text| {
        for (file, old, new) in bumped {
            let manifest = file.path.file_name().is_some_and(|n| n == "package.json");
            let Some(dir) = file
                .path
                .parent()
                .filter(|d| manifest && !d.as_os_str().is_empty())
            else {
                continue;
            };
            let name = crate::fsx::read_optional(&root.join(&file.path))?
                .and_then(|b| deps::package_name(Manifest::Npm, &String::from_utf8_lossy(&b)));
            // The keys in the text edited (HEAD's, to see what the committed lock needs).
            let keys = vfiles::npm_lock_keys_in(text.as_bytes(), dir, name.as_deref(), old);
            if keys.is_empty() {
                continue;
            }
            let locator = Locator::JsonKey(keys.join("|"));
            text = vfiles::bump_text(lock, &text, &locator, old, new)?;
        }
        Ok(text)
    })?;
    super::bun_lock::versions(locks, root, edits, bumped)
}

/// One package's release (a hand tag of it): [`versions`] for its version files.
pub(super) fn package_release(
    repo: &Repo,
    rules: &CommitConfig,
    root: &Path,
    e: &mut super::Edits,
    version: &semver::Version,
) -> Result<()> {
    let new = version.to_string();
    let bumped: Vec<(&VersionFile, &str, String)> = e
        .bumped
        .iter()
        .zip(&e.old_file_versions)
        .map(|(f, old)| (f, old.as_str(), new.clone()))
        .collect();
    moved(repo, root, rules, &mut e.edits, |locks, edits| {
        versions(locks, root, edits, &bumped)
    })
}

/// Runs `step` (edits of npm's locks) on the `edits` planned so far, refused as
/// `dirty_locks` refuses where a lock it edits first has an uncommitted change in its way.
pub(super) fn moved(
    repo: &Repo,
    root: &Path,
    rules: &CommitConfig,
    edits: &mut Vec<Edit>,
    step: impl Fn(Locks<'_>, &mut Vec<Edit>) -> Result<()>,
) -> Result<()> {
    let before: Vec<PathBuf> = edits.iter().map(|e| e.path.clone()).collect();
    step(Locks::WorkTree, edits)?;
    let fresh: Vec<Edit> = edits
        .iter()
        .filter(|e| !before.contains(&e.path))
        .cloned()
        .collect();
    super::dirty_locks::refuse_unmoved(repo, root, rules, &fresh, |locks| {
        let mut at_head = Vec::new();
        step(locks, &mut at_head)?;
        at_head.retain(|e| !before.contains(&e.path));
        Ok(at_head)
    })
}

/// Runs `edit` on the text of each of npm's lock files at `root`, as the `edits` planned so
/// far leave it (a lock that does not exist, or is not UTF-8, is passed over), and plans what
/// it returns when that differs. The locks are read from `locks`.
pub(super) fn edit_locks(
    locks: Locks<'_>,
    root: &Path,
    edits: &mut Vec<Edit>,
    mut edit: impl FnMut(&Path, String) -> Result<String>,
) -> Result<()> {
    for lock in ["package-lock.json", "npm-shrinkwrap.json"] {
        let lock = Path::new(lock);
        let planned = edits.iter().position(|e| e.path == lock);
        let before = match planned {
            Some(i) => edits[i].after.clone(),
            None => match locks {
                Locks::WorkTree => match crate::fsx::read_optional(&root.join(lock))? {
                    Some(b) => b,
                    None => continue,
                },
                Locks::Given(read) => match read(lock) {
                    Some(b) => b,
                    None => continue,
                },
            },
        };
        let Ok(text) = String::from_utf8(before.clone()) else {
            continue;
        };
        let after = edit(lock, text)?;
        if after.as_bytes() == before.as_slice() {
            continue;
        }
        match planned {
            Some(i) => edits[i].after = after.into_bytes(),
            None => edits.push(Edit {
                path: lock.to_path_buf(),
                before,
                after: after.into_bytes(),
                committed: None,
            }),
        }
    }
    Ok(())
}
