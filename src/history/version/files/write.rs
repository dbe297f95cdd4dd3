//! Writing a set of edits: each file atomically (`fsx::write_atomic`), all rolled back when one
//! fails.

use std::io;
use std::path::{Path, PathBuf};

use super::{Edit, Result, VersionFileError, read_error, safe_join};

/// `apply` with the per-file writer injectable, so tests can make a write fail.
pub(super) fn apply_with<W>(root: &Path, edits: &[Edit], mut write: W) -> Result<()>
where
    W: FnMut(&Path, &[u8]) -> io::Result<()>,
{
    let targets = check_unchanged(root, edits)?;
    for (i, (edit, target)) in edits.iter().zip(&targets).enumerate() {
        if let Err(source) = write(target, &edit.after) {
            let unrestored = restore(&edits[..i], &targets[..i], &mut write);
            return Err(VersionFileError::Write {
                path: edit.path.clone(),
                source,
                unrestored,
            });
        }
    }
    Ok(())
}

/// Resolves every edit's path and checks the file still holds `before`.
fn check_unchanged(root: &Path, edits: &[Edit]) -> Result<Vec<PathBuf>> {
    edits
        .iter()
        .map(|edit| {
            let target = safe_join(root, &edit.path)?;
            // Compared a piece at a time, never read whole: a file grown since it was read
            // (past the bound of that read) is one that changed.
            let holds = crate::fsx::regular_file_holds(&target, &edit.before).map_err(|e| {
                let source = match e {
                    crate::Error::Io { source, .. } => source,
                    other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
                };
                read_error(&edit.path, source)
            })?;
            let Some(holds) = holds else {
                return Err(read_error(
                    &edit.path,
                    io::Error::from(io::ErrorKind::NotFound),
                ));
            };
            if !holds {
                return Err(VersionFileError::Stale {
                    path: edit.path.clone(),
                });
            }
            Ok(target)
        })
        .collect()
}

/// Writes back `before` for already-written edits; returns those that failed.
fn restore<W>(edits: &[Edit], targets: &[PathBuf], write: &mut W) -> Vec<PathBuf>
where
    W: FnMut(&Path, &[u8]) -> io::Result<()>,
{
    edits
        .iter()
        .zip(targets)
        .rev()
        .filter(|(edit, target)| write(target, &edit.before).is_err())
        .map(|(edit, _)| edit.path.clone())
        .collect()
}

/// Replaces `target` atomically, keeping its permissions.
pub(super) fn write_atomic(target: &Path, contents: &[u8]) -> io::Result<()> {
    crate::fsx::write_atomic(target, contents).map_err(|e| match e {
        crate::Error::Io { source, .. } => source,
        other => io::Error::other(other.to_string()),
    })
}
