//! Whether relhook's atomic write could replace a file, asked before a step that cannot be
//! taken back (git has made a hand tag once `committed` runs): from the file's mode, its
//! attributes and its folder alone, never by reading or writing it.

use std::path::Path;

/// Why a file could not be replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unwritable {
    /// Its owner made it read-only (`chmod a-w`), which relhook honours even as root.
    ReadOnly,
    /// Immutable or append-only (`chattr +i`, `+a`): not even root may replace it.
    Attribute,
    /// Its folder lets no file in it be replaced: `errno` says why (`EROFS`, `EPERM`, `EACCES`).
    Folder(i32),
    /// Its folder is not there, and the folder above that blocks its making (or the way to it)
    /// is this one, deeper up: a reflog of a branch not logged yet under a locked `.git/logs`.
    Above(i32, std::path::PathBuf),
}

/// Why the write of `root/rel` would fail, if it would; `None` for a file that is not there
/// (the write creates it, and its own checks name a missing folder).
pub fn unwritable(root: &Path, rel: &Path) -> Option<Unwritable> {
    let path = root.join(rel);
    if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    if super::mode_of(&path).is_some_and(|mode| mode & 0o200 == 0) {
        return Some(Unwritable::ReadOnly);
    }
    if attribute_set(&path) {
        return Some(Unwritable::Attribute);
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty())?;
    folder_refuses(dir).map(Unwritable::Folder)
}

/// Why git (or libgit2) could not write `path` inside a git dir (the index, a reflog), which
/// it replaces by rename or appends to: its mode does not stop that, an attribute or its
/// folder does; a file not there yet is judged by the nearest folder that is.
pub fn git_unwritable(path: &Path) -> Option<Unwritable> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        if attribute_set(path) {
            return Some(Unwritable::Attribute);
        }
        return folder_refuses(path.parent()?).map(Unwritable::Folder);
    }
    // The nearest folder that is there, which the missing ones are made in (or, with no way
    // through a folder, that folder itself: nothing below it can be seen).
    let dir = path.ancestors().skip(1).find(|d| d.is_dir())?;
    let errno = folder_refuses(dir)?;
    Some(match Some(dir) == path.parent() {
        true => Unwritable::Folder(errno),
        false => Unwritable::Above(errno, dir.to_owned()),
    })
}

/// What [`unwritable`] found for `rel`, and the command that lets the write through.
pub fn what_fix(rel: &Path, why: &Unwritable) -> (String, String) {
    let word = crate::shellword::below_top(rel);
    let folder = rel
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = match folder == Path::new(".") {
        true => "\"$(git rev-parse --show-toplevel)\"".to_owned(),
        false => crate::shellword::below_top(folder),
    };
    match why {
        Unwritable::ReadOnly => (
            format!("{} is read-only", rel.display()),
            format!("`chmod u+w {word}` (as its owner)"),
        ),
        Unwritable::Attribute => (
            format!(
                "{} is immutable or append-only (`lsattr` shows `i` or `a`)",
                rel.display()
            ),
            format!("`chattr -i -a {word}` (as root)"),
        ),
        Unwritable::Folder(libc::EROFS) => (
            format!("{} is on a read-only file system", rel.display()),
            format!("remount it read-write (`findmnt -T {dir}` names the mount)"),
        ),
        Unwritable::Folder(libc::EPERM) => (
            format!(
                "the folder of {} is immutable or append-only",
                rel.display()
            ),
            format!("`chattr -i -a {dir}` (as root)"),
        ),
        Unwritable::Folder(_) => (
            format!(
                "the folder of {} lets no file in it be replaced",
                rel.display()
            ),
            format!("`chmod u+wx {dir}` (as its owner)"),
        ),
        // The folder that blocks is named, not the file's own, which is not there to change.
        Unwritable::Above(errno, above) => {
            let word = crate::shellword::below_top(above);
            let (what, fix) = match *errno {
                libc::EROFS => (
                    "is on a read-only file system".to_owned(),
                    format!("remount it read-write (`findmnt -T {word}` names the mount)"),
                ),
                libc::EPERM => (
                    "is immutable or append-only".to_owned(),
                    format!("`chattr -i -a {word}` (as root)"),
                ),
                _ => (
                    "lets no folder be made in it".to_owned(),
                    format!("`chmod u+wx {word}` (as its owner)"),
                ),
            };
            (
                format!(
                    "{}, where the folder of {} would be made, {what}",
                    above.display(),
                    rel.display()
                ),
                fix,
            )
        }
    }
}

/// Whether `path` has the immutable or append-only attribute, which a rename over it fails
/// on whoever runs it (statx says so without opening the file).
#[cfg(target_os = "linux")]
fn attribute_set(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    let wanted = (libc::STATX_ATTR_IMMUTABLE | libc::STATX_ATTR_APPEND) as u64;
    // SAFETY: `c` is a valid C string and `buf` a statx buffer the call fills.
    let mut buf: libc::statx = unsafe { std::mem::zeroed() };
    let rc = unsafe {
        libc::statx(
            libc::AT_FDCWD,
            c.as_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
            libc::STATX_MODE,
            &mut buf,
        )
    };
    rc == 0 && buf.stx_attributes_mask & wanted != 0 && buf.stx_attributes & wanted != 0
}

#[cfg(not(target_os = "linux"))]
fn attribute_set(_: &Path) -> bool {
    false
}

/// The error a rename into `dir` would meet from the folder itself, as the running user.
#[cfg(unix)]
fn folder_refuses(dir: &Path) -> Option<i32> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: `c` is a valid C string; access(2) only looks.
    let rc = unsafe { libc::access(c.as_ptr(), libc::W_OK | libc::X_OK) };
    (rc != 0).then(|| {
        std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EACCES)
    })
}

#[cfg(not(unix))]
fn folder_refuses(_: &Path) -> Option<i32> {
    None
}
