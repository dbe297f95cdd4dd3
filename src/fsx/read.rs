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

/// The text of a regular UTF-8 file, or `None` (absent, unreadable, not UTF-8, or no regular
/// file: a FIFO's read would wait for good). For the reads that only look for hints, such as
/// a package's manifest found by detection.
pub fn regular_text(path: &Path) -> Option<String> {
    String::from_utf8(read_regular_optional(path).ok()??).ok()
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
