//! File-system helpers that name the file in their errors, and the one atomic write used for
//! every user file (tempfile in the same directory, permissions kept, then rename).

use std::io::Write;
use std::path::Path;

use crate::{Error, Result};

mod confine;
mod read;
mod tmp_name;
mod unwritable;
pub use confine::{confine, confine_creating, confine_dir, real_root, resolve_below};
pub use read::{
    CHANGELOG_CAP, TooLarge, bytes_capped, config_cap, project_bytes, read, read_optional,
    read_project, read_regular_optional, regular_file_holds, regular_text, regular_text_capped,
    too_large, warn_too_large,
};
pub use tmp_name::{tmp_prefix, tmp_writer};
pub use unwritable::{Unwritable, git_unwritable, unwritable, what_fix as unwritable_what_fix};

/// The name prefix of every temporary file relhook writes (beside its target, or in the git
/// directory), so that a leftover one is recognised and removed.
pub const TMP_PREFIX: &str = "relhook-tmp-";

/// How many files this process forced to disk before renaming them into place.
static SYNCS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The files synced so far ([`SYNCS`]): a test bounds the disk flushes a command makes by it
/// (`RELHOOK_TEST_SYNCS`), where timing would be flaky.
pub fn syncs() -> usize {
    SYNCS.load(std::sync::atomic::Ordering::Relaxed)
}

/// The Unix permission bits of an existing file.
pub fn mode_of(path: &Path) -> Option<u32> {
    existing_mode(path)
}

/// [`write_atomic_with_mode`] with the temporary file in `tmp_dir` (the git dir), so that a
/// killed process leaves nothing in the work tree. Where the two are on different file
/// systems (a rename cannot cross them) the temporary file goes beside `path` instead.
pub fn write_atomic_via(
    tmp_dir: &Path,
    path: &Path,
    contents: &[u8],
    mode: Option<u32>,
) -> Result<()> {
    replace_via(tmp_dir, path, &[contents], mode, (true, None)).map(drop)
}

/// The process's umask (0022 off Unix).
pub fn umask() -> u32 {
    #[cfg(unix)]
    {
        // SAFETY: umask only swaps the process's mask; relhook creates files from its only
        // thread, and the old mask is put back at once.
        let m = unsafe {
            let m = libc::umask(0o022);
            libc::umask(m);
            m
        };
        #[allow(clippy::useless_conversion)] // mode_t is u16 on macOS
        u32::from(m)
    }
    #[cfg(not(unix))]
    0o022
}

/// The identity of a file (device and inode on Unix): the same identity means the same file,
/// not one written over it by rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId(u64, u64);

/// The identity of the file at `path` (`None` where there is none, or off Unix).
pub fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path)
            .ok()
            .map(|m| FileId(m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// What says a file was not written since it was looked at: its identity, size and times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen(u64, u64, u64, i64, i64);

/// How the file at `path` is now, for [`write_atomic_unsynced_via`] to tell whether someone
/// wrote it since (`None` where there is none, or off Unix).
pub fn seen(path: &Path) -> Option<Seen> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path).ok().map(|m| {
            // Not its ctime: a rename (the exchange below) changes that, not the file.
            Seen(m.dev(), m.ino(), m.size(), m.mtime(), m.mtime_nsec())
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Swaps the files at `a` and `b` at once (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        std::ffi::CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: two NUL-terminated paths, relative to the working directory.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// [`write_atomic_via`] without forcing the bytes to disk first: for a work-tree file whose
/// content a commit's objects also hold (git does not sync the work tree either; the rename
/// still makes the replacement atomic). The contents are `parts`, one after the other (a long
/// changelog's edited head and unchanged rest, never copied into one buffer). Returns the new
/// file's identity. With `since`, the file is replaced only while it is still as it was then
/// (checked just before the rename): an editor's save meanwhile is not written over.
pub fn write_atomic_unsynced_via(
    tmp_dir: &Path,
    path: &Path,
    contents: &[&[u8]],
    mode: Option<u32>,
    since: Option<Seen>,
) -> Result<Option<FileId>> {
    replace_via(tmp_dir, path, contents, mode, (false, since))
}

/// The two above: `sync` says whether the bytes reach the disk before the rename, `since` how
/// the file must still be then.
fn replace_via(
    tmp_dir: &Path,
    path: &Path,
    contents: &[&[u8]],
    mode: Option<u32>,
    (sync, since): (bool, Option<Seen>),
) -> Result<Option<FileId>> {
    refuse_read_only(path)?;
    let mode = mode.or_else(|| existing_mode(path));
    let tmp = temp_in_with((tmp_dir, path), &tmp_prefix(), contents, mode, sync)?;
    #[cfg(unix)]
    let id = {
        use std::os::unix::fs::MetadataExt;
        tmp.as_file()
            .metadata()
            .ok()
            .map(|m| FileId(m.dev(), m.ino()))
    };
    #[cfg(not(unix))]
    let id = None;
    crate::failpoint::failpoint("file-replacing")?;
    if since.is_some() && seen(path) != since {
        return Err(Error::ChangedMeanwhile(path.to_owned()));
    }
    // Checked and replaced in one step where the system can: the two files change places,
    // and the one taken out is looked at; a save that came between is put back.
    crate::failpoint::failpoint("file-checked")?;
    #[cfg(target_os = "linux")]
    if since.is_some() {
        match exchange(tmp.path(), path) {
            Ok(()) if seen(tmp.path()) == since => return Ok(id),
            Ok(()) => {
                exchange(tmp.path(), path).map_err(|e| Error::io("replace", path, e))?;
                return Err(Error::ChangedMeanwhile(path.to_owned()));
            }
            // Not on this file system (an old kernel, some network ones): renamed over.
            Err(_) => {}
        }
    }
    match tmp.persist(path) {
        Ok(_) => Ok(id),
        Err(e) if e.error.raw_os_error() == Some(libc::EXDEV) => {
            write_atomic_with_mode(path, &contents.concat(), mode)?;
            Ok(file_id(path))
        }
        Err(e) => Err(Error::io("replace", path, e.error)),
    }
}

/// Replaces `path` with `contents` atomically: readers see the old file or the new one, never a
/// half-written one, and the file keeps its permissions.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    write_atomic_with_mode(path, contents, None)
}

/// [`write_atomic`], giving the file Unix permission bits `mode` (ignored elsewhere) before it
/// appears, so that no reader ever sees it with other permissions. `None` keeps the old file's
/// (a new file gets the usual 0644).
pub fn write_atomic_with_mode(path: &Path, contents: &[u8], mode: Option<u32>) -> Result<()> {
    refuse_read_only(path)?;
    let mode = mode.or_else(|| existing_mode(path));
    let tmp = temp_beside(path, contents, mode)?;
    tmp.persist(path)
        .map_err(|e| Error::io("replace", path, e.error))?;
    Ok(())
}

/// A file its owner made read-only (`chmod a-w`) is not replaced: a rename over it would go
/// through (the folder is what it needs), where a person asked that it stay as it is.
fn refuse_read_only(path: &Path) -> Result<()> {
    match existing_mode(path) {
        Some(mode) if mode & 0o200 == 0 => Err(Error::io(
            "replace",
            path,
            std::io::Error::new(std::io::ErrorKind::PermissionDenied, "it is read-only"),
        )),
        _ => Ok(()),
    }
}

/// Creates `path` with `contents` atomically unless it already exists; `Ok(false)` when it
/// did (the file is left untouched, even if it appeared a moment ago).
pub fn write_new(path: &Path, contents: &[u8]) -> Result<bool> {
    if path.symlink_metadata().is_ok() {
        return Ok(false);
    }
    let tmp = temp_beside(path, contents, None)?;
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(Error::io("create", path, e.error)),
    }
}

/// The name of a temporary file beside the file it replaces starts with this, then the pid of
/// the process that writes it and a dash: one a killed relhook left is known by its dead pid
/// (`hooks::kept::sweep_beside`).
pub const BESIDE_PREFIX: &str = ".relhook-";

/// A synced temporary file in `path`'s directory holding `contents`, with permission bits
/// `mode` (0644 when `None`: tempfile creates files readable by their owner only).
fn temp_beside(path: &Path, contents: &[u8], mode: Option<u32>) -> Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = format!("{BESIDE_PREFIX}{}-", std::process::id());
    let tmp = temp_in(dir, path, &prefix, contents, mode)?;
    crate::failpoint::failpoint("beside-written")?;
    Ok(tmp)
}

/// A synced temporary file in `dir` named `<prefix>…`, holding `contents` (of `path`) with
/// permission bits `mode` (0644 when `None`).
fn temp_in(
    dir: &Path,
    path: &Path,
    prefix: &str,
    contents: &[u8],
    mode: Option<u32>,
) -> Result<tempfile::NamedTempFile> {
    temp_in_with((dir, path), prefix, &[contents], mode, true)
}

/// [`temp_in`], synced only when `sync` is set. A write that fails is said of `path`, the file
/// being written: the temporary one is gone with the error.
fn temp_in_with(
    (dir, path): (&Path, &Path),
    prefix: &str,
    contents: &[&[u8]],
    mode: Option<u32>,
    sync: bool,
) -> Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(prefix)
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a temporary file in", dir, e))?;
    // Through the plain file: tempfile's own writer adds its path to every error.
    contents
        .iter()
        .try_for_each(|part| tmp.as_file_mut().write_all(part))
        .and_then(|()| {
            if sync {
                SYNCS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                tmp.as_file().sync_all()
            } else {
                Ok(())
            }
        })
        .map_err(|e| Error::io("write", path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets what the umask leaves of 0666, as git and every editor give it.
        let perms = std::fs::Permissions::from_mode(mode.unwrap_or(0o666 & !umask()));
        std::fs::set_permissions(tmp.path(), perms)
            .map_err(|e| Error::io("set permissions of", tmp.path(), e))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    Ok(tmp)
}

#[cfg(unix)]
fn existing_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o7777)
}

#[cfg(not(unix))]
fn existing_mode(_: &Path) -> Option<u32> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole_whatever_its_size() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read_regular_optional(&dir.path().join("none")).unwrap(),
            None
        );
        for len in [0, 1, 4095, 4096, 200_000] {
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let path = dir.path().join(format!("f{len}"));
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(read_regular_optional(&path).unwrap(), Some(bytes), "{len}");
        }
        assert!(
            read_regular_optional(dir.path()).is_err(),
            "a directory is refused"
        );
    }

    /// `resolve_below` answers as `canonicalize` of the deepest existing ancestor, the rest
    /// joined as written, links or none.
    #[cfg(unix)]
    #[test]
    fn a_path_resolves_as_realpath_would_without_a_realpath_per_file() {
        use std::os::unix::fs::symlink;
        let outer = tempfile::tempdir().unwrap();
        let root = real_root(&outer.path().join(".")).unwrap();
        std::fs::create_dir_all(root.join("docs/deep")).unwrap();
        std::fs::write(root.join("docs/deep/a.md"), "a").unwrap();
        std::fs::write(root.join("file.txt"), "f").unwrap();
        symlink("docs", root.join("link")).unwrap();
        symlink(outer.path().parent().unwrap(), root.join("out")).unwrap();
        symlink("nowhere", root.join("dangling")).unwrap();
        let below = |rel: &str| resolve_below(&root, Path::new(rel));
        assert_eq!(
            below("docs/deep/a.md").unwrap(),
            (root.join("docs/deep/a.md"), true)
        );
        assert_eq!(
            below("docs/new/b.md").unwrap(),
            (root.join("docs/new/b.md"), false)
        );
        // A file where a folder would be: what exists is the file, the rest is as written.
        assert_eq!(
            below("file.txt/x").unwrap(),
            (root.join("file.txt/x"), false)
        );
        // Through a link: its target, whether what follows exists or not.
        assert_eq!(
            below("link/deep/a.md").unwrap(),
            (root.join("docs/deep/a.md"), true)
        );
        assert_eq!(
            below("link/deep/none.md").unwrap(),
            (root.join("docs/deep/none.md"), false)
        );
        let (out, _) = below("out/x").unwrap();
        assert!(!out.starts_with(&root), "{}", out.display());
        assert!(below("dangling/x").is_err());
        for rel in ["docs/deep/a.md", "link/deep", "out", "file.txt"] {
            let (path, exists) = below(rel).unwrap();
            assert!(exists);
            assert_eq!(path, root.join(rel).canonicalize().unwrap(), "{rel}");
        }
        // The root's real path is remembered, and is the same answer.
        assert_eq!(real_root(&outer.path().join(".")).unwrap(), root);
    }

    #[test]
    fn a_file_is_compared_piece_by_piece() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("CHANGELOG.md");
        let long = "- an entry with some words in it\n".repeat(5000);
        std::fs::write(&path, &long).unwrap();
        assert_eq!(
            regular_file_holds(&path, long.as_bytes()).unwrap(),
            Some(true)
        );
        // Same length, one byte different at the very end (past the first piece).
        let mut other = long.clone().into_bytes();
        *other.last_mut().unwrap() = b'!';
        assert_eq!(regular_file_holds(&path, &other).unwrap(), Some(false));
        assert_eq!(
            regular_file_holds(&path, &other[..10]).unwrap(),
            Some(false)
        );
        std::fs::write(&path, "").unwrap();
        assert_eq!(regular_file_holds(&path, b"").unwrap(), Some(true));
        assert_eq!(regular_file_holds(&path, b"x").unwrap(), Some(false));
        let missing = dir.path().join("missing.md");
        assert_eq!(regular_file_holds(&missing, b"x").unwrap(), None);
        assert!(
            regular_file_holds(dir.path(), b"x").is_err(),
            "a folder is refused"
        );
    }

    #[test]
    fn atomic_write_replaces_and_keeps_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o751)).unwrap();
        }
        write_atomic(&path, b"new\r\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o751);
        }
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
    }

    #[test]
    fn write_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        assert!(write_new(&path, b"first").unwrap());
        assert!(!write_new(&path, b"second").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    #[cfg(unix)]
    fn a_new_file_is_not_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.md");
        write_atomic(&path, b"x").unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o644
        );
    }

    #[test]
    #[cfg(unix)]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo on a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let err = read_regular_optional(&fifo).unwrap_err();
        assert!(matches!(err, Error::UnsafePath { .. }), "{err:?}");
        assert!(
            read_regular_optional(&dir.path().join("none"))
                .unwrap()
                .is_none()
        );
    }

    #[test]
    #[cfg(unix)]
    fn confine_refuses_escapes_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(root.join("docs")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("out")).unwrap();
        std::fs::write(root.join("real.md"), "x").unwrap();
        std::os::unix::fs::symlink("real.md", root.join("link.md")).unwrap();
        let ok = confine(&root, Path::new("docs/CHANGELOG.md")).unwrap();
        assert!(ok.ends_with("docs/CHANGELOG.md"));
        std::fs::create_dir_all(root.join("realdocs")).unwrap();
        std::os::unix::fs::symlink("realdocs", root.join("docs-link")).unwrap();
        let err = confine(&root, Path::new("docs-link/CHANGELOG.md")).unwrap_err();
        assert!(
            err.to_string()
                .contains("its folder `docs-link` is a symbolic link")
                && err.to_string().contains("`realdocs/CHANGELOG.md`"),
            "{err}"
        );
        for bad in ["../x.md", "/etc/passwd", "out/CHANGELOG.md", "link.md"] {
            let err = confine(&root, Path::new(bad)).unwrap_err();
            assert!(matches!(err, Error::UnsafePath { .. }), "{bad}: {err:?}");
        }
        // A link out of the work tree to a regular file: a copy takes its place. To a device,
        // never (`cp /dev/zero` fills the disk).
        std::fs::write(outside.join("CHANGELOG.md"), "x").unwrap();
        std::os::unix::fs::symlink(outside.join("CHANGELOG.md"), root.join("away.md")).unwrap();
        let err = confine(&root, Path::new("away.md"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("rm \"$(git rev-parse --show-toplevel)\"/away.md && cp "),
            "{err}"
        );
        std::os::unix::fs::symlink("/dev/zero", root.join("zero.md")).unwrap();
        let err = confine(&root, Path::new("zero.md"))
            .unwrap_err()
            .to_string();
        assert!(
            !err.contains("cp ") && err.contains("`/dev/zero`, which is no regular file"),
            "{err}"
        );
    }

    #[test]
    fn write_via_leaves_no_temporary_beside() {
        let dir = tempfile::tempdir().unwrap();
        let tmp_dir = dir.path().join("git");
        let wt = dir.path().join("wt");
        std::fs::create_dir_all(&tmp_dir).unwrap();
        std::fs::create_dir_all(&wt).unwrap();
        write_atomic_via(&tmp_dir, &wt.join("f"), b"new", None).unwrap();
        assert_eq!(std::fs::read(wt.join("f")).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(&wt).unwrap().count(), 1);
        assert_eq!(std::fs::read_dir(&tmp_dir).unwrap().count(), 0);
    }

    #[test]
    fn read_optional_distinguishes_missing() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_optional(&dir.path().join("nope")).unwrap().is_none());
    }
}
