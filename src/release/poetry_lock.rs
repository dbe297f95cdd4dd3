//! A poetry.lock beside a pyproject.toml whose requirement on a released sibling the release
//! moves: Poetry records a `content-hash` of the project's requirements, which the move leaves
//! stale (Poetry then says the lock is out of date). Relhook cannot compute Poetry's hash, so
//! the lock is left as it is with a note that names the command that refreshes it.

use std::path::{Path, PathBuf};

use super::dependents::{Change, Read};
use crate::Result;
use crate::history::version::files::deps::Manifest;
use crate::history::version::files::slash_path;

/// The notes on the poetry.lock files beside the pyproject.toml files whose requirements
/// `changes` move, added to `out` (the notes on the repository's files, one a file).
pub(super) fn notes(
    read: Read<'_>,
    changes: &[Change],
    out: &mut Vec<(PathBuf, String)>,
) -> Result<()> {
    for c in changes {
        // Poetry 2 hashes a `[project]` table's requirements too.
        if c.before == c.after || !matches!(c.kind, Manifest::Poetry | Manifest::Python) {
            continue;
        }
        let dir = c.file.parent().unwrap_or(Path::new(""));
        let lock = dir.join("poetry.lock");
        if out.iter().any(|(l, _)| *l == lock) || read(&lock)?.is_none() {
            continue;
        }
        let note = format!(
            "{}: its content-hash no longer matches {} (the release moves its requirement on {}), so the release leaves it stale; {} refreshes it (run it and commit {})",
            lock.display(),
            c.file.display(),
            c.name,
            refresh(dir),
            lock.display()
        );
        out.push((lock, note));
    }
    Ok(())
}

/// The command that refreshes the lock in `dir` without updating what it pins, in both of
/// Poetry's spellings: Poetry 2 dropped `--no-update`, its default.
fn refresh(dir: &Path) -> String {
    let at = if dir.as_os_str().is_empty() {
        String::new()
    } else {
        format!(
            " --directory {}",
            crate::shellword::folder_value(&slash_path(dir))
        )
    };
    format!("`poetry lock --no-update{at}` (Poetry 1) or `poetry lock{at}` (Poetry 2)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refresh_runs_in_the_lock_folder() {
        assert_eq!(
            refresh(Path::new("p/my b")),
            "`poetry lock --no-update --directory 'p/my b'` (Poetry 1) or `poetry lock --directory 'p/my b'` (Poetry 2)"
        );
        assert_eq!(
            refresh(Path::new("")),
            "`poetry lock --no-update` (Poetry 1) or `poetry lock` (Poetry 2)"
        );
    }
}
