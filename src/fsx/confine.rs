//! Paths from configuration and history confined to the repository: every symlink resolved,
//! no `..` climbing out, no link written through.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::{Error, Result};

/// `root/rel` for a file relhook will write, refused unless it stays inside `root` once
/// every symlink is resolved: `rel` must be relative without `..` climbing out, its folder must
/// resolve inside `root`, and the file itself must not be a symlink (relhook never replaces
/// a link with a file, nor writes through one).
pub fn confine(root: &Path, rel: &Path) -> Result<std::path::PathBuf> {
    let refuse = |reason: String| Error::UnsafePath {
        path: rel.to_owned(),
        reason,
    };
    let normal = normalize(rel)?;
    let Some(name) = normal.file_name().map(ToOwned::to_owned) else {
        return Err(refuse("it names no file".into()));
    };
    let folder = normal.parent().unwrap_or(Path::new(""));
    let real_parent = resolve_inside(root, folder, rel)?;
    // git stores a symlinked folder as the link: a file written through it is not a path the
    // index can hold beside the link, and a commit of it would turn the link into a folder.
    let mut prefix = std::path::PathBuf::new();
    for part in folder.components() {
        prefix.push(part);
        if root
            .join(&prefix)
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            let real = real_root(root)
                .ok()
                .and_then(|r| real_parent.strip_prefix(r).ok().map(|p| p.join(&name)));
            let instead = real.map_or(String::new(), |p| {
                format!(": point the configuration at `{}`", p.display())
            });
            return Err(refuse(format!(
                "its folder `{}` is a symbolic link, which git stores as a link, not a folder, so relhook writes no file through it{instead}",
                prefix.display()
            )));
        }
    }
    let path = real_parent.join(name);
    if path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
    {
        // The file the link names, when it is in the work tree: the one to configure. One
        // outside it cannot be configured (a path must stay inside): a copy takes the link's
        // place instead.
        let to = path.canonicalize().ok();
        let inside = to.as_ref().and_then(|to| {
            let inside = to.strip_prefix(real_root(root).ok()?).ok()?.to_owned();
            Some(format!("`{}`", inside.display()))
        });
        // Only a regular file is worth a copy (`/dev/zero` would fill the disk).
        let regular = to.as_ref().is_some_and(|t| t.is_file());
        let fix = match (&to, inside) {
            (_, Some(inside)) => format!("point the configuration at {inside}"),
            (Some(to), None) if !regular => format!(
                "it leads out of the work tree to `{}`, which is no regular file: `git checkout -- {}` if git has the file, else point the configuration at a file in the work tree",
                to.display(),
                crate::shellword::from_top(rel)
            ),
            (Some(to), None) => {
                let q = |p: &Path| crate::shellword::quote(&p.display().to_string());
                format!(
                    "it leads out of the work tree: replace it with a copy of its file (`rm {} && cp {} {}`)",
                    crate::shellword::below_top(rel),
                    q(to),
                    crate::shellword::below_top(rel)
                )
            }
            (None, None) => "point the configuration at the file the link names".to_owned(),
        };
        return Err(refuse(format!(
            "it is a symbolic link; relhook does not write through links or replace them with files: {fix}"
        )));
    }
    Ok(path)
}

/// [`confine`] for a file relhook creates: the folders of `rel` missing below `root` are
/// made first, once the deepest one there is known to stay inside `root`.
pub fn confine_creating(root: &Path, rel: &Path) -> Result<std::path::PathBuf> {
    let normal = normalize(rel)?;
    let folder = normal.parent().unwrap_or(Path::new(""));
    let there = folder
        .ancestors()
        .find(|a| root.join(a).symlink_metadata().is_ok())
        .unwrap_or(Path::new(""));
    if there != folder {
        // The first missing folder stands for the file: its parent is checked as
        // `confine` checks a file's folder (inside, no symbolic link on the way).
        let missing = folder
            .strip_prefix(there)
            .ok()
            .and_then(|m| m.components().next());
        if let Some(first) = missing {
            confine(root, &there.join(first))?;
        }
        let dir = root.join(folder);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", dir, e))?;
    }
    confine(root, rel)
}

/// `root/rel` for a directory relhook reads or writes in (a package's), refused unless it
/// exists and stays inside `root` once every symlink is resolved; the resolved path.
pub fn confine_dir(root: &Path, rel: &Path) -> Result<std::path::PathBuf> {
    let real = resolve_inside(root, &normalize(rel)?, rel)?;
    if !real.is_dir() {
        return Err(Error::UnsafePath {
            path: rel.to_owned(),
            reason: "it is not a directory".into(),
        });
    }
    Ok(real)
}

/// `rel` without `.` and with `..` applied, refused when absolute or climbing out.
fn normalize(rel: &Path) -> Result<std::path::PathBuf> {
    use std::path::Component;
    let refuse = |reason: &str| Error::UnsafePath {
        path: rel.to_owned(),
        reason: reason.to_owned(),
    };
    let mut normal = std::path::PathBuf::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => normal.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !normal.pop() {
                    return Err(refuse("it climbs out of the work tree with `..`"));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(refuse(
                    "it is absolute; paths relhook writes are relative to the work tree",
                ));
            }
        }
    }
    Ok(normal)
}

/// The real path of `root` (every symbolic link resolved), remembered for the process: every
/// path relhook confines to the work tree starts from the same root, and `realpath` costs a
/// system call per component of it.
pub fn real_root(root: &Path) -> std::io::Result<PathBuf> {
    static SEEN: Mutex<Vec<(PathBuf, PathBuf)>> = Mutex::new(Vec::new());
    let known = SEEN.lock().ok().and_then(|seen| {
        seen.iter()
            .find(|(r, _)| r == root)
            .map(|(_, real)| real.clone())
    });
    if let Some(real) = known {
        return Ok(real);
    }
    let real = root.canonicalize()?;
    if let Ok(mut seen) = SEEN.lock() {
        if seen.len() >= 8 {
            seen.remove(0);
        }
        seen.push((root.to_owned(), real.clone()));
    }
    Ok(real)
}

/// `real_root/normal` with its deepest existing ancestor resolved as `canonicalize` resolves
/// it and the rest joined as written, and whether the whole path exists. `real_root` is a
/// real path and `normal` relative without `.` or `..`, so a path with no symbolic link in it
/// is its own real path: each component costs one `lstat`, and `canonicalize` runs only from
/// a link on.
pub fn resolve_below(real_root: &Path, normal: &Path) -> std::io::Result<(PathBuf, bool)> {
    let mut at = real_root.to_path_buf();
    let mut parts = normal.components();
    while let Some(part) = parts.next() {
        let next = at.join(part);
        match next.symlink_metadata() {
            Ok(m) if m.file_type().is_symlink() => {
                let rest: PathBuf = parts.collect();
                let real = next.canonicalize()?;
                if rest.as_os_str().is_empty() {
                    return Ok((real, true));
                }
                // Below a link, the link's target is the new real root of the rest.
                let (path, exists) = resolve_below(&real, &rest)?;
                return Ok((path, exists));
            }
            Ok(_) => at = next,
            Err(_) => {
                let rest: PathBuf = std::iter::once(part).chain(parts).collect();
                return Ok((at.join(rest), false));
            }
        }
    }
    Ok((at, true))
}

/// The real path of the existing directory `root/dir`, refused (naming `rel`) unless it is
/// inside the real `root`.
fn resolve_inside(root: &Path, dir: &Path, rel: &Path) -> Result<std::path::PathBuf> {
    let refuse = |reason: String| Error::UnsafePath {
        path: rel.to_owned(),
        reason,
    };
    let real_root = real_root(root).map_err(|e| Error::io("resolve", root, e))?;
    let folder = real_root.join(dir);
    let real = match resolve_below(&real_root, dir) {
        Ok((p, true)) => p,
        Ok((_, false)) => {
            return Err(refuse(format!(
                "its folder `{}` does not exist",
                folder.display()
            )));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(refuse(format!(
                "its folder `{}` does not exist",
                folder.display()
            )));
        }
        Err(e) => return Err(Error::io("resolve", &folder, e)),
    };
    if !real.starts_with(&real_root) {
        return Err(refuse(format!(
            "its folder resolves to `{}`, outside the work tree `{}` (through a symbolic link)",
            real.display(),
            real_root.display()
        )));
    }
    Ok(real)
}
