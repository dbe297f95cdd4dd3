//! Reading a version file from the work tree: bounded in size like every project file, a FIFO
//! or device refused rather than read, each read counted for the tests that bound them.

use std::io;
use std::path::Path;

use super::{Result, VersionFileError, detect, safe_join};

/// Reads a file under the root as UTF-8 text.
pub(super) fn read_text(root: &Path, rel: &Path) -> Result<String> {
    detect::read_held(root, rel, || read_text_now(root, rel))
}

/// How many times this process read a version file from the work tree.
static READS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The version file reads so far: a test bounds a command's reads by them
/// (`RELHOOK_TEST_VERSION_READS`), where timing would be flaky.
pub fn reads() -> usize {
    READS.load(std::sync::atomic::Ordering::Relaxed)
}

fn read_text_now(root: &Path, rel: &Path) -> Result<String> {
    READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let full = safe_join(root, rel)?;
    // A FIFO (or a device) would block the read, and with it the hook and git: refused.
    let not_regular = || {
        read_error(
            rel,
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a regular file (a FIFO, device or directory); relhook reads only regular files",
            ),
        )
    };
    match std::fs::symlink_metadata(&full) {
        Err(e) => return Err(read_error(rel, e)),
        Ok(m) if !m.is_file() && !m.file_type().is_symlink() => return Err(not_regular()),
        Ok(_) => {}
    }
    // Bounded like every project file: a 50 MB manifest is refused by its size, never read.
    let cap = crate::fsx::config_cap(&full);
    match crate::fsx::regular_text_capped(&full, cap) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => match std::fs::metadata(&full) {
            Ok(m) if m.is_file() => Err(VersionFileError::NotUtf8 {
                path: rel.to_path_buf(),
            }),
            Ok(_) => Err(not_regular()),
            Err(e) => Err(read_error(rel, e)),
        },
        Err(crate::fsx::TooLarge) => Err(read_error(
            rel,
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "it is larger than {} MiB, the most relhook reads of a project file like it",
                    cap >> 20
                ),
            ),
        )),
    }
}

/// Maps an I/O error to `Missing` or `Read`.
pub(super) fn read_error(rel: &Path, e: io::Error) -> VersionFileError {
    if e.kind() == io::ErrorKind::NotFound {
        VersionFileError::Missing {
            path: rel.to_path_buf(),
        }
    } else {
        VersionFileError::Read {
            path: rel.to_path_buf(),
            source: e,
        }
    }
}
