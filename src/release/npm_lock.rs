//! npm's lock at the top of a workspace repeats each workspace package's version
//! (`packages["<dir>"].version`, and `packages["node_modules/<name>"].version` where npm keeps
//! a copy) and its requirements: a package's release moves them as `npm install` would, so that
//! the lock and the package.json files agree (`npm ci` refuses a lock out of step).
//! The workspace's top is where npm finds it: the nearest folder above the package whose
//! package.json's `workspaces` cover it, which may be a folder below the repository's top. A
//! package with a lock of its own records a sibling it links with `file:` there
//! (`packages["../a"]`), which moves too; one it takes from the registry cannot follow a
//! requirement moved to a version not published yet, so that release is refused.

use std::path::{Path, PathBuf};

use super::dependents::Change;
use crate::config::{CommitConfig, Config};
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::deps::{self, Manifest};
use crate::history::version::files::{self as vfiles, Locator, Locks, VersionFile, slash_path};
use crate::shellword::{folder_value, quote};
use crate::{Error, Result};
use vfiles::Edit;

/// Moves each released package's version in the npm locks that record it (see [`folders`]),
/// on top of the `edits` planned so far: `bumped` is each package's version files with the
/// version each held, and `new` the version it is released at; `packages` the folders of the
/// repository's packages. Only entries that say the package's old version move; the lock of
/// the package's workspace with an entry at another version is refused.
pub fn versions(
    locks: Locks<'_>,
    root: &Path,
    packages: &[PathBuf],
    edits: &mut Vec<Edit>,
    bumped: &[(&VersionFile, &str, String)],
) -> Result<()> {
    let dirs: Vec<&Path> = bumped
        .iter()
        .filter_map(|(f, ..)| manifest_dir(&f.path))
        .collect();
    let folders = folders(root, packages, &dirs);
    edit_locks(locks, root, &folders, edits, |lock, folder, mut text| {
        for (file, old, new) in bumped {
            let Some(dir) = manifest_dir(&file.path) else {
                continue;
            };
            // The package's own lock (`""`) is one of its version files.
            let key = relative(folder, dir);
            if key.is_empty() {
                continue;
            }
            if workspace_root(root, dir).as_deref() == Some(folder) {
                refuse_out_of_step(lock, &text, &key, &file.path, old, new)?;
            }
            let name = crate::fsx::project_bytes(&root.join(&file.path))?
                .and_then(|b| deps::package_name(Manifest::Npm, &String::from_utf8_lossy(&b)));
            if key.contains(['.', '|']) {
                // A sibling linked with `file:` (`../a`), or a folder with a dot: its entry by
                // a key the dotted locator cannot spell (`npm_lock_keys_in` passes it over).
                if let Some(span) = deps::npm_lock_version(&text, &key, old) {
                    text.replace_range(span, new);
                }
            }
            // The keys in the text edited (HEAD's, to see what the committed lock needs).
            let keys =
                vfiles::npm_lock_keys_in(text.as_bytes(), Path::new(&key), name.as_deref(), old);
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

/// Moves each of `changes` (the package.json ones) in the npm locks that repeat the
/// dependent's requirements (`packages["<dir>"]`), as `npm install` would: only a requirement
/// that says what the package.json said moves. A dependent whose lock takes the dependency
/// from the registry at a version the new requirement does not meet is refused: npm would
/// fetch the new version, which is not published yet.
pub(super) fn requirements(
    locks: Locks<'_>,
    root: &Path,
    packages: &[PathBuf],
    edits: &mut Vec<Edit>,
    changes: &[Change],
) -> Result<()> {
    let changes: Vec<&Change> = changes
        .iter()
        .filter(|c| c.file.file_name().is_some_and(|n| n == "package.json"))
        .collect();
    let dirs: Vec<&Path> = changes.iter().filter_map(|c| c.file.parent()).collect();
    let folders = folders(root, packages, &dirs);
    edit_locks(locks, root, &folders, edits, |lock, folder, mut text| {
        let mut spans: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
        for c in &changes {
            let Some(dir) = c.file.parent() else { continue };
            let key = relative(folder, dir);
            let Some(span) =
                deps::npm_lock_requirement(&text, &key, &c.section, &c.name, &c.before)
            else {
                continue;
            };
            refuse_from_registry(lock, &text, &key, c)?;
            spans.push((span, c.after.as_str()));
        }
        spans.sort_by_key(|(s, _)| std::cmp::Reverse(s.start));
        spans.dedup_by_key(|(s, _)| s.start);
        for (span, after) in spans {
            text.replace_range(span, after);
        }
        Ok(text)
    })
}

/// One package's release (a hand tag of it): [`versions`] for its version files.
pub(super) fn package_release(
    repo: &Repo,
    config: &Config,
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
    let packages = package_dirs(config);
    moved(repo, root, &config.commit, &mut e.edits, |locks, edits| {
        versions(locks, root, &packages, edits, &bumped)
    })
}

/// The folders of the packages of `config`'s repository, from the top.
pub(super) fn package_dirs(config: &Config) -> Vec<PathBuf> {
    config.packages.iter().map(|p| p.path.clone()).collect()
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
    let at_head = |locks: Locks<'_>| {
        let mut at_head = Vec::new();
        step(locks, &mut at_head)?;
        at_head.retain(|e| !before.contains(&e.path));
        Ok(at_head)
    };
    if let Err(refused) = step(Locks::WorkTree, edits) {
        // A lock refused as the work tree has it that HEAD's moves: its uncommitted change is
        // the one to see to.
        super::dirty_locks::refuse_unmoved(repo, root, rules, &[], at_head)?;
        return Err(refused);
    }
    let fresh: Vec<Edit> = edits
        .iter()
        .filter(|e| !before.contains(&e.path))
        .cloned()
        .collect();
    super::dirty_locks::refuse_unmoved(repo, root, rules, &fresh, at_head)
}

/// Runs `edit` on the text of each of npm's lock files in `folders` (from the top), as the
/// `edits` planned so far leave it (a lock that does not exist, or is not UTF-8, is passed
/// over), with its path and folder, and plans what it returns when that differs. The locks
/// are read from `locks`.
fn edit_locks(
    locks: Locks<'_>,
    root: &Path,
    folders: &[PathBuf],
    edits: &mut Vec<Edit>,
    mut edit: impl FnMut(&Path, &Path, String) -> Result<String>,
) -> Result<()> {
    for folder in folders {
        for name in ["package-lock.json", "npm-shrinkwrap.json"] {
            let lock = folder.join(name);
            let planned = edits.iter().position(|e| e.path == lock);
            let before = match planned {
                Some(i) => edits[i].after.clone(),
                None => match locks {
                    Locks::WorkTree => match crate::fsx::project_bytes(&root.join(&lock))? {
                        Some(b) => b,
                        None => continue,
                    },
                    Locks::Given(read) => match read(&lock) {
                        Some(b) => b,
                        None => continue,
                    },
                },
            };
            let Ok(text) = String::from_utf8(before.clone()) else {
                continue;
            };
            let after = edit(&lock, folder, text)?;
            if after.as_bytes() == before.as_slice() {
                continue;
            }
            match planned {
                Some(i) => edits[i].after = after.into_bytes(),
                None => edits.push(Edit {
                    path: lock,
                    before,
                    after: after.into_bytes(),
                    committed: None,
                }),
            }
        }
    }
    Ok(())
}

/// The folders whose npm locks may record the packages in `dirs`: the top, each one's
/// workspace's top ([`workspace_root`]), and each package's own folder among `packages` and
/// `dirs` (a project of its own, whose lock records the siblings it links).
fn folders(root: &Path, packages: &[PathBuf], dirs: &[&Path]) -> Vec<PathBuf> {
    let mut out = vec![PathBuf::new()];
    let mut add = |folder: PathBuf| {
        if !out.contains(&folder) {
            out.push(folder);
        }
    };
    for dir in dirs {
        if let Some(top) = workspace_root(root, dir) {
            add(top);
        }
    }
    for dir in packages
        .iter()
        .map(PathBuf::as_path)
        .chain(dirs.iter().copied())
    {
        add(dir.to_path_buf());
    }
    out
}

/// The top of the npm workspace of the package in `dir`, as npm finds it: the nearest folder
/// above it (the repository's top at most) whose package.json's `workspaces` cover it.
fn workspace_root(root: &Path, dir: &Path) -> Option<PathBuf> {
    dir.ancestors().skip(1).find_map(|top| {
        let rel = dir.strip_prefix(top).ok()?;
        crate::history::packages::detect::npm_workspace_members(&root.join(top))
            .iter()
            .any(|m| m == rel)
            .then(|| top.to_path_buf())
    })
}

/// The folder of a package.json below the top; `None` for another file.
fn manifest_dir(file: &Path) -> Option<&Path> {
    file.parent().filter(|d| {
        !d.as_os_str().is_empty() && file.file_name().is_some_and(|n| n == "package.json")
    })
}

/// The key npm's lock in `folder` gives the folder `dir` (both from the top): `p/a` below
/// it, `../a` beside it, `""` for the folder itself.
fn relative(folder: &Path, dir: &Path) -> String {
    let mut up = folder;
    let mut parts: Vec<String> = Vec::new();
    loop {
        if let Ok(rest) = dir.strip_prefix(up) {
            if !rest.as_os_str().is_empty() {
                parts.push(slash_path(rest));
            }
            return parts.join("/");
        }
        // Every path from the top starts with `""`, the last parent.
        up = up.parent().unwrap_or(Path::new(""));
        parts.push("..".to_owned());
    }
}

/// Refuses the release when the lock at `lock` (`text`), the package's workspace's, cannot be
/// read or says the package at `key` is at neither `old` nor `new`: moved from there, the lock
/// would still be out of step with `manifest`.
fn refuse_out_of_step(
    lock: &Path,
    text: &str,
    key: &str,
    manifest: &Path,
    old: &str,
    new: &str,
) -> Result<()> {
    let why = match vfiles::json_value(text.as_bytes()) {
        None => "is not JSON relhook can read".to_owned(),
        Some(doc) => match doc
            .get("packages")
            .and_then(|p| p.get(key))
            .and_then(|e| e.get("version"))
            .and_then(serde_json::Value::as_str)
        {
            Some(at) if at != old && at != new => format!("says {key} is at {at}, not {old}"),
            _ => return Ok(()),
        },
    };
    let shown = lock.display();
    Err(Error::Refused(Refusal::new(
        Reason::VersionFile,
        format!(
            "{shown} {why}, so the release cannot move the version of {} there ({old} → {new})",
            manifest.display()
        ),
        format!(
            "refresh it with `{}`, commit {shown}, and release again",
            install(lock)
        ),
    )))
}

/// Refuses the move of `c` in the lock at `lock` (`text`, the dependent's folder at `key`)
/// when the copy of the dependency it resolves is one from the registry the new requirement
/// does not meet: npm would fetch the new version, not published before the release.
fn refuse_from_registry(lock: &Path, text: &str, key: &str, c: &Change) -> Result<()> {
    if key.starts_with("..") {
        return Ok(());
    }
    let Some(doc) = vfiles::json_value(text.as_bytes()) else {
        return Ok(());
    };
    let Some(packages) = doc.get("packages") else {
        return Ok(());
    };
    // Node's resolution: the dependent's node_modules, then each folder's above it.
    let found = Path::new(key).ancestors().find_map(|at| {
        let copy = if at.as_os_str().is_empty() {
            format!("node_modules/{}", c.name)
        } else {
            format!("{}/node_modules/{}", slash_path(at), c.name)
        };
        packages.get(&copy).map(|entry| (copy, entry))
    });
    let Some((copy, entry)) = found else {
        return Ok(());
    };
    if entry.get("link").and_then(serde_json::Value::as_bool) == Some(true) {
        return Ok(());
    }
    let Some(at) = entry.get("version").and_then(serde_json::Value::as_str) else {
        return Ok(());
    };
    let Ok(version) = semver::Version::parse(at) else {
        return Ok(());
    };
    if deps::meets(Manifest::Npm, &c.after, &version) {
        return Ok(());
    }
    let dir = c.file.parent().unwrap_or(Path::new(""));
    let prefix = if dir.as_os_str().is_empty() {
        String::new()
    } else {
        format!(" --prefix {}", folder_value(&slash_path(dir)))
    };
    let exact = if c.before.starts_with(|ch: char| ch.is_ascii_digit()) {
        " --save-exact"
    } else {
        ""
    };
    let shown_dir = if dir.as_os_str().is_empty() {
        ".".to_owned()
    } else {
        dir.display().to_string()
    };
    Err(Error::Refused(Refusal::new(
        Reason::Dependent,
        format!(
            "{} takes {} {at} from the registry (`{copy}`), which does not meet `{}`, so the release cannot move the requirement on {} of {} there (`{}` → `{}`) before {} {} is published",
            lock.display(),
            c.name,
            c.after,
            c.name,
            c.file.display(),
            c.before,
            c.after,
            c.name,
            c.version
        ),
        format!(
            "set `[release] bump_dependents = false` to release {} alone, then once it is published move {shown_dir} to it with `npm install{prefix}{exact} {}@{}` and commit",
            c.dependency,
            quote(&c.name),
            c.version
        ),
    )))
}

/// The command that has npm write the lock at `lock` again, from the top.
fn install(lock: &Path) -> String {
    match lock.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => format!(
            "npm install --package-lock-only --prefix {}",
            folder_value(&slash_path(dir))
        ),
        None => "npm install --package-lock-only".to_owned(),
    }
}
