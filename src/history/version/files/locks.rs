//! Where the lock edits read each lock file: the work tree, as a release edits it, or the
//! text HEAD commits, to see whether the committed lock needs an edit the work tree's does
//! not get (see `release::dirty_locks`).

use std::path::Path;

use super::{Result, VersionFileError};

/// The lock texts the lock edits start from.
#[derive(Clone, Copy)]
pub enum Locks<'a> {
    /// Each lock as it is in the work tree.
    WorkTree,
    /// Each lock as given (`None`: not there), HEAD's in practice.
    Given(&'a dyn Fn(&Path) -> Option<Vec<u8>>),
}

impl Locks<'_> {
    /// The text of the lock at `rel`: `Missing` when there is none.
    pub fn read(&self, root: &Path, rel: &Path) -> Result<String> {
        match self {
            Locks::WorkTree => super::read_text(root, rel),
            Locks::Given(read) => {
                let bytes = read(rel).ok_or_else(|| VersionFileError::Missing {
                    path: rel.to_path_buf(),
                })?;
                String::from_utf8(bytes).map_err(|_| VersionFileError::NotUtf8 {
                    path: rel.to_path_buf(),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_lock_is_read_as_given_and_none_is_missing() {
        let read = |p: &Path| (p == Path::new("Cargo.lock")).then(|| b"version = 4\n".to_vec());
        let locks = Locks::Given(&read);
        let root = Path::new("/nonexistent");
        assert_eq!(
            locks.read(root, Path::new("Cargo.lock")).unwrap(),
            "version = 4\n"
        );
        assert!(matches!(
            locks.read(root, Path::new("uv.lock")),
            Err(VersionFileError::Missing { .. })
        ));
    }
}
