//! The files an uninstall may change, as they were before it: put back, every one, when a
//! later step fails, so that an uninstall is all or nothing (a hook removed and another left,
//! or the hooks gone and the merge driver still registered, is neither installed nor not);
//! and the temporary copies of those files a killed install or uninstall left, swept.

use std::path::{Path, PathBuf};

use crate::git::HooksLocation;
use crate::hooks::install::Detected;
use crate::{Error, Result, fsx};

/// Removes the temporary files a killed install or uninstall left beside the files they
/// write (`git::txn::sweep_beside`): in the hooks directories, a hook manager's folders (husky's
/// `.husky`, which the team commits) and `info`. Run before either writes anything.
pub fn sweep_killed_writes(loc: &HooksLocation, managers: &[Detected]) {
    let files = super::uninstall::may_change(loc)
        .into_iter()
        .chain(super::managed::may_change(loc, managers))
        .chain([super::driver::info_attributes(loc)]);
    let mut dirs: Vec<PathBuf> = Vec::new();
    for file in files {
        if let Some(dir) = file.parent()
            && !dirs.iter().any(|d| d == dir)
        {
            dirs.push(dir.to_owned());
        }
    }
    for dir in dirs {
        crate::git::txn::sweep_beside(&dir, crate::git::txn::alive);
    }
}

/// One file as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Was {
    Absent,
    File { bytes: Vec<u8>, mode: Option<u32> },
    Link(PathBuf),
}

impl Was {
    fn read(path: &Path) -> Result<Was> {
        let Ok(meta) = path.symlink_metadata() else {
            return Ok(Was::Absent);
        };
        if meta.file_type().is_symlink() {
            let to = std::fs::read_link(path).map_err(|e| Error::io("read", path, e))?;
            return Ok(Was::Link(to));
        }
        if meta.is_dir() {
            // Nothing an uninstall writes is a directory: one there stays as it is.
            return Ok(Was::Absent);
        }
        Ok(Was::File {
            bytes: fsx::read(path)?,
            mode: fsx::mode_of(path),
        })
    }
}

/// The files, as they were when taken, and the directories they were in.
#[derive(Debug, Default)]
pub struct Kept {
    files: Vec<(PathBuf, Was)>,
    dirs: Vec<PathBuf>,
}

impl Kept {
    /// Reads each of `paths` (absent, a file, a symbolic link); a path named twice is taken
    /// once. A file that cannot be read fails here, before anything is changed.
    pub fn take(paths: impl IntoIterator<Item = PathBuf>) -> Result<Kept> {
        let mut kept = Kept::default();
        for path in paths {
            if kept.files.iter().any(|(p, _)| *p == path) {
                continue;
            }
            if let Some(dir) = path.parent().filter(|d| d.is_dir())
                && !kept.dirs.iter().any(|d| d == dir)
            {
                kept.dirs.push(dir.to_owned());
            }
            let was = Was::read(&path)?;
            kept.files.push((path, was));
        }
        Ok(kept)
    }

    /// Puts back every file that is no longer as it was (and the directories they were in);
    /// the ones that could not be, each with why (empty: all is as it was).
    pub fn put_back(&self) -> Vec<String> {
        let mut failed = Vec::new();
        for dir in &self.dirs {
            if let Err(e) = std::fs::create_dir_all(dir) {
                failed.push(format!("{} ({e})", dir.display()));
            }
        }
        for (path, was) in &self.files {
            let now = Was::read(path).ok();
            if now.as_ref() == Some(was) {
                continue;
            }
            if let Err(e) = put(path, was) {
                failed.push(format!("{} ({e})", path.display()));
            }
        }
        failed
    }
}

fn put(path: &Path, was: &Was) -> Result<()> {
    let remove = |path: &Path| match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io("remove", path, e)),
        _ => Ok(()),
    };
    match was {
        Was::Absent => remove(path),
        Was::File { bytes, mode } => {
            // A link there now would be written through: it goes first.
            if path
                .symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink())
            {
                remove(path)?;
            }
            fsx::write_atomic_with_mode(path, bytes, *mode)
        }
        Was::Link(to) => {
            remove(path)?;
            link(to, path)
        }
    }
}

#[cfg(unix)]
fn link(to: &Path, path: &Path) -> Result<()> {
    std::os::unix::fs::symlink(to, path).map_err(|e| Error::io("restore", path, e))
}

#[cfg(not(unix))]
fn link(_to: &Path, path: &Path) -> Result<()> {
    Err(Error::io(
        "restore",
        path,
        std::io::Error::other("symbolic links are restored on Unix only"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file changed, one removed, one made, a link replaced: all as they were again, and
    /// a file left as it was is not written.
    #[test]
    fn every_file_goes_back_as_it_was() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("hooks");
        std::fs::create_dir(&dir).unwrap();
        let (a, b, c, d) = (dir.join("a"), dir.join("b"), dir.join("c"), dir.join("d"));
        std::fs::write(&a, "a\n").unwrap();
        std::fs::write(&b, "b\n").unwrap();
        std::fs::write(&d, "d\n").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("a", dir.join("l")).unwrap();
        let kept = Kept::take([a.clone(), b.clone(), c.clone(), d.clone(), dir.join("l")]).unwrap();
        std::fs::write(&a, "changed\n").unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(&c, "new\n").unwrap();
        std::fs::write(&d, "d\n").unwrap();
        let d_id = fsx::file_id(&d);
        assert_eq!(kept.put_back(), Vec::<String>::new());
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "a\n");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "b\n");
        assert!(!c.exists());
        assert_eq!(fsx::file_id(&d), d_id, "untouched");
        #[cfg(unix)]
        assert_eq!(
            std::fs::read_link(dir.join("l")).unwrap(),
            PathBuf::from("a")
        );
    }
}
