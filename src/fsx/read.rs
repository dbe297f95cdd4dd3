//! Reading files, naming the file in every error; a FIFO, a device or a directory where a
//! regular file was expected is refused, never read (a read of one blocks).

use std::path::Path;

use crate::{Error, Result};

/// Reads a whole file as bytes, naming it in the error.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io("read", path, e))
}

/// Reads a file that may be absent: `Ok(None)` when it does not exist. Anything but a
/// regular file (a FIFO a read would wait on for good, a device, a directory) is an error
/// naming it ([`read_regular_optional`]).
pub fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    read_regular_optional(path)
}

/// The most relhook reads of a project's configuration file (package.json, Cargo.toml,
/// pyproject.toml, lerna.json, ...): real ones are kilobytes, and a huge one (generated, or
/// planted) would only cost time and memory.
pub const CONFIG_CAP: u64 = 1 << 20;

/// The most relhook reads of a lock file (package-lock.json, Cargo.lock, pnpm-lock.yaml, ...):
/// large workspaces' are a few megabytes (semantic-release's package-lock.json is 0.5 MB).
pub const LOCK_CAP: u64 = 64 << 20;

/// The most relhook reads of a changelog it rewrites: real ones are far below it (vue's, of
/// ten years and hundreds of releases, is 1 MiB), and a huge one (generated, planted, or a
/// log appended to by mistake) would cost every commit seconds and gigabytes of memory.
pub const CHANGELOG_CAP: u64 = 64 << 20;

/// The lock files [`LOCK_CAP`] is for.
const LOCK_FILES: &[&str] = &[
    "Cargo.lock",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "pnpm-lock.yaml",
    "yarn.lock",
    "uv.lock",
    "poetry.lock",
];

/// The bound of a project file's read: [`LOCK_CAP`] for a lock file, else [`CONFIG_CAP`].
pub fn config_cap(path: &Path) -> u64 {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if LOCK_FILES.contains(&name) {
        LOCK_CAP
    } else {
        CONFIG_CAP
    }
}

/// The text of a regular UTF-8 project file (a manifest, a workspace or lock file) of at most
/// [`config_cap`] bytes, or `None` (absent, unreadable, not UTF-8, or no regular file: a FIFO's
/// read would wait for good). A larger one is never read: one warning line names it and the
/// limit, once a run.
pub fn regular_text(path: &Path) -> Option<String> {
    let cap = config_cap(path);
    regular_text_capped(path, cap).unwrap_or_else(|TooLarge| {
        warn_too_large(path, cap);
        None
    })
}

/// Says once a run that `path` is over `cap` and was not read.
pub fn warn_too_large(path: &Path, cap: u64) {
    use std::io::Write;
    static SAID: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());
    let mut said = SAID
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if said.iter().any(|p| p == path) {
        return;
    }
    said.push(path.to_owned());
    let _ = writeln!(
        std::io::stderr(),
        "relhook: warning: did not read {}: it is larger than {} MiB, the most relhook reads of a project file like it",
        path.display(),
        cap >> 20
    );
}

/// A regular file larger than the bound a read was given: never read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge;

/// The text of a regular UTF-8 file of at most `cap` bytes, or `Ok(None)` as
/// [`regular_text`]'s `None`; a larger one is `Err(TooLarge)`, told by its size before any read
/// and never read past `cap` (it may grow meanwhile). For a file no project keeps large
/// (a configuration), where a huge one would only cost memory.
pub fn regular_text_capped(path: &Path, cap: u64) -> std::result::Result<Option<String>, TooLarge> {
    use std::io::Read;
    let Ok(Some((file, len))) = open_regular(path) else {
        return Ok(None);
    };
    if len > cap {
        return Err(TooLarge);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    if file
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .is_err()
    {
        return Ok(None);
    }
    if bytes.len() as u64 > cap {
        return Err(TooLarge);
    }
    Ok(String::from_utf8(bytes).ok())
}

/// The bytes of the regular project file at `path` (a manifest, a lock file) read to be
/// rewritten, or for a rewrite: `Ok(None)` when absent, anything but a regular file refused.
/// One over [`config_cap`] is refused in one line naming it and the limit, told by its size
/// and never read past the cap: it may have grown since an earlier, bounded read.
pub fn project_bytes(path: &Path) -> Result<Option<Vec<u8>>> {
    let cap = config_cap(path);
    bytes_capped(path, cap)?.map_err(|TooLarge| too_large(path, cap))
}

/// The bytes of the regular file at `path` (`Ok(None)` when absent, anything but a regular
/// file refused), or `TooLarge` when it holds more than `cap`: told by its size, and never
/// read past `cap`.
pub fn bytes_capped(
    path: &Path,
    cap: u64,
) -> Result<std::result::Result<Option<Vec<u8>>, TooLarge>> {
    use std::io::Read;
    let Some((file, len)) = open_regular(path)? else {
        return Ok(Ok(None));
    };
    if len > cap {
        return Ok(Err(TooLarge));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", path, e))?;
    match bytes.len() as u64 > cap {
        true => Ok(Err(TooLarge)),
        false => Ok(Ok(Some(bytes))),
    }
}

/// [`project_bytes`] of a file that must be there: its absence is an error naming it, as
/// [`read`]'s.
pub fn read_project(path: &Path) -> Result<Vec<u8>> {
    project_bytes(path)?.ok_or_else(|| {
        Error::io(
            "read",
            path,
            std::io::Error::from(std::io::ErrorKind::NotFound),
        )
    })
}

/// The refusal of a project file over `cap`, in [`warn_too_large`]'s words.
pub fn too_large(path: &Path, cap: u64) -> Error {
    let why = format!(
        "it is larger than {} MiB, the most relhook reads of a project file like it",
        cap >> 20
    );
    Error::io(
        "read",
        path,
        std::io::Error::new(std::io::ErrorKind::InvalidData, why),
    )
}

/// Reads a file that may be absent, refusing anything but a regular file (a FIFO, a device or
/// a directory is an error naming it, never a read that blocks): `Ok(None)` when absent.
pub fn read_regular_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    use std::io::Read;
    let Some((mut file, len)) = open_regular(path)? else {
        return Ok(None);
    };
    // Read into room for the size already known (and one byte more, to meet the end): std's
    // `read_to_end` would ask the size again (statx, lseek), two system calls a file.
    let mut bytes = vec![0u8; usize::try_from(len).unwrap_or(0).saturating_add(1)];
    let mut at = 0;
    loop {
        if at == bytes.len() {
            // It grew since: room for more.
            bytes.resize(bytes.len().saturating_mul(2).max(64), 0);
        }
        match file.read(&mut bytes[at..]) {
            Ok(0) => break,
            Ok(n) => at += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io("read", path, e)),
        }
    }
    bytes.truncate(at);
    Ok(Some(bytes))
}

/// Whether the regular file at `path` holds exactly `expected` (`None`: no file), compared a
/// piece at a time: a long file is not read into memory of its own to be compared once.
pub fn regular_file_holds(path: &Path, expected: &[u8]) -> Result<Option<bool>> {
    use std::io::Read;
    let Some((mut file, len)) = open_regular(path)? else {
        return Ok(None);
    };
    if len != expected.len() as u64 {
        return Ok(Some(false));
    }
    let mut buf = vec![0u8; expected.len().clamp(1, 64 * 1024)];
    let mut at = 0;
    loop {
        let n = match file.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io("read", path, e)),
        };
        if n == 0 {
            return Ok(Some(at == expected.len()));
        }
        if expected.get(at..at + n) != Some(&buf[..n]) {
            return Ok(Some(false));
        }
        at += n;
    }
}

/// Opens `path` for reading when it is a regular file (`None` when there is none), with its
/// length; anything else (a FIFO, device or directory) is refused.
fn open_regular(path: &Path) -> Result<Option<(std::fs::File, u64)>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading blocks until a writer appears; O_NONBLOCK does not.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("read", path, e)),
    };
    let meta = file.metadata().map_err(|e| Error::io("read", path, e))?;
    if !meta.is_file() {
        return Err(Error::UnsafePath {
            path: path.to_owned(),
            reason: "not a regular file (a FIFO, device or directory); relhook reads only regular files there".into(),
        });
    }
    Ok(Some((file, meta.len())))
}
