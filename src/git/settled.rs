//! The status read, tried again when a work-tree file changes under it: libgit2 hashes a file
//! whose stat differs from the index, and an editor saving it in place meanwhile (truncated,
//! then written) makes that read fail ("error reading file for hashing"). A save takes
//! milliseconds; two more tries, a short pause apart, get past it. One that still fails is
//! said in one line naming the file being written, not as libgit2's error chain. A file
//! that cannot be read for its permissions is no race: said at once, with the way to see them.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use git2::{ErrorClass, Status, StatusOptions, Statuses};

use super::Repo;
use crate::{Error, Result};

/// The pauses before the second and third try.
const PAUSES: [Duration; 2] = [Duration::from_millis(30), Duration::from_millis(120)];

/// Whether libgit2's `e` is a work-tree file read failing (the file changed as it was read),
/// which a later try may get past; not a broken index or repository, which stays so.
pub(super) fn changing_file(e: &git2::Error) -> bool {
    matches!(e.class(), ErrorClass::Os | ErrorClass::Filesystem)
        && e.code() != git2::ErrorCode::NotFound
}

/// The file libgit2's `e` could not open for its permissions (EACCES, which libgit2 words as
/// "failed open - '<path>' is locked"), as libgit2 names it (absolute).
fn denied(e: &git2::Error) -> Option<PathBuf> {
    if e.class() != ErrorClass::Os || e.code() != git2::ErrorCode::Locked {
        return None;
    }
    let path = e.message().strip_prefix("failed open - '")?;
    let (path, _) = path.rsplit_once("' is locked")?;
    Some(PathBuf::from(path))
}

/// A read refused by the file's permissions: said as one, with the command that shows them.
fn denied_error(e: &git2::Error) -> Error {
    let path = denied(e).unwrap_or_default();
    Error::io(
        "read",
        path,
        std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    )
}

impl Repo {
    /// `git status` as libgit2 reads it, tried again (bounded) when a file changed meanwhile.
    pub(super) fn statuses_settled(&self, opts: &mut StatusOptions) -> Result<Statuses<'_>> {
        let mut pauses = PAUSES.iter();
        loop {
            match self.inner.statuses(Some(opts)) {
                Ok(s) => return Ok(s),
                Err(e) if denied(&e).is_some() => return Err(denied_error(&e)),
                Err(e) if changing_file(&e) => match pauses.next() {
                    Some(pause) => std::thread::sleep(*pause),
                    None => return Err(self.changed_while_read(&e)),
                },
                Err(e) => return Err(Error::git("read the status", e)),
            }
        }
    }

    /// One file's status, tried again like [`Repo::statuses_settled`]; `Ok(None)` when
    /// libgit2 does not know the path.
    pub(super) fn status_file_settled(&self, rel: &std::path::Path) -> Result<Option<Status>> {
        let mut pauses = PAUSES.iter();
        loop {
            match self.inner.status_file(rel) {
                Ok(s) => return Ok(Some(s)),
                Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(None),
                Err(e) if denied(&e).is_some() => return Err(denied_error(&e)),
                Err(e) if changing_file(&e) => match pauses.next() {
                    Some(pause) => std::thread::sleep(*pause),
                    None => return Err(self.changed_while_read(&e)),
                },
                Err(e) => return Err(Error::git("read the status", e)),
            }
        }
    }

    /// The error for a status read that kept failing: the tracked file written most recently
    /// (within the last seconds), which is the one being saved.
    fn changed_while_read(&self, e: &git2::Error) -> Error {
        Error::ChangedWhileRead {
            file: self.being_written(),
            why: e.message().trim_end_matches([':', ' ']).to_owned(),
        }
    }

    /// The tracked work-tree file modified last, if within the last 5 s.
    fn being_written(&self) -> Option<PathBuf> {
        let root = self.work_tree()?;
        let index = self.inner.index().ok()?;
        let recent = SystemTime::now().checked_sub(Duration::from_secs(5))?;
        index
            .iter()
            .filter_map(|entry| {
                let rel = PathBuf::from(String::from_utf8_lossy(&entry.path).into_owned());
                let modified = std::fs::symlink_metadata(root.join(&rel))
                    .and_then(|m| m.modified())
                    .ok()?;
                (modified >= recent).then_some((modified, rel))
            })
            .max()
            .map(|(_, rel)| rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_file_read_failing_is_tried_again() {
        let os = git2::Error::new(
            git2::ErrorCode::GenericError,
            ErrorClass::Os,
            "error reading file for hashing: ",
        );
        assert!(changing_file(&os));
        let index = git2::Error::new(
            git2::ErrorCode::GenericError,
            ErrorClass::Index,
            "index uses extension",
        );
        assert!(!changing_file(&index));
        let gone = git2::Error::new(git2::ErrorCode::NotFound, ErrorClass::Os, "not found");
        assert!(!changing_file(&gone));
    }

    #[test]
    fn a_file_read_refused_for_its_permissions_is_no_race() {
        let e = git2::Error::new(
            git2::ErrorCode::Locked,
            ErrorClass::Os,
            "failed open - '/w/it's here/Cargo.toml' is locked: Permission denied",
        );
        assert_eq!(denied(&e), Some(PathBuf::from("/w/it's here/Cargo.toml")));
        let said = denied_error(&e).to_string();
        assert!(
            said.starts_with("cannot read `/w/it's here/Cargo.toml`: permission denied; `ls -ld"),
            "{said}"
        );
        // A lock file git holds is another thing.
        let lock = git2::Error::new(
            git2::ErrorCode::Locked,
            ErrorClass::Index,
            "failed to lock index",
        );
        assert_eq!(denied(&lock), None);
    }

    #[test]
    fn the_file_being_written_is_named() {
        let dir = tempfile::tempdir().unwrap();
        crate::git::testing::git(dir.path(), &["init", "-q", "-b", "main"]);
        std::fs::write(dir.path().join("old.txt"), "a").unwrap();
        std::fs::write(dir.path().join("saved.txt"), "b").unwrap();
        crate::git::testing::git(dir.path(), &["add", "."]);
        let old = std::fs::File::options()
            .append(true)
            .open(dir.path().join("old.txt"))
            .unwrap();
        old.set_modified(SystemTime::now() - Duration::from_secs(60))
            .unwrap();
        let repo = Repo::open(dir.path()).unwrap();
        assert_eq!(repo.being_written(), Some(PathBuf::from("saved.txt")));
    }
}
