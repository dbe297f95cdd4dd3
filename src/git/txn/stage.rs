//! The index a transaction edits: a copy of the index loaded once under the lock, entries
//! staged and unstaged in it, and the tree written from it. It reaches git's index only when
//! the transaction commits.

use std::fs;
use std::path::Path;

use git2::Oid;

use super::{TMP_PREFIX, Txn};
use crate::{Error, Result};

/// An index entry for `blob` at `path` with no file data: git reads the file to compare it,
/// as for any entry it has not seen on disk.
pub(in crate::git) fn new_entry(path: &Path, blob: Oid, mode: u32) -> git2::IndexEntry {
    git2::IndexEntry {
        ctime: git2::IndexTime::new(0, 0),
        mtime: git2::IndexTime::new(0, 0),
        dev: 0,
        ino: 0,
        mode,
        uid: 0,
        gid: 0,
        file_size: 0,
        id: blob,
        flags: 0,
        flags_extended: 0,
        path: path.to_string_lossy().as_bytes().to_vec(),
    }
}

impl Txn<'_> {
    /// The index as it is on disk, loaded once under the lock (a copy is edited).
    fn index(&mut self) -> Result<&mut git2::Index> {
        if self.index.is_none() {
            let lock = self
                .lock
                .as_ref()
                .expect("a transaction holds the index lock");
            let real = lock.target.clone();
            // A second name for the index, not a copy: libgit2 never writes a file in place,
            // and the name is removed before the new index is written (see `commit`).
            let name = self
                .repo
                .git_dir()
                .join(format!("{TMP_PREFIX}index-{}", std::process::id()));
            let tmp = tempfile::TempPath::try_from_path(&name)
                .map_err(|e| Error::io("name a temporary file", &name, e))?;
            let _ = fs::remove_file(&tmp);
            if let Err(e) = fs::hard_link(&real, &tmp) {
                match fs::copy(&real, &tmp) {
                    Ok(_) => {}
                    Err(_) if e.kind() == std::io::ErrorKind::NotFound => {
                        let _ = fs::remove_file(&tmp);
                    }
                    Err(e) => return Err(Error::io("read", &real, e)),
                }
            }
            let index = git2::Index::open(&tmp).map_err(|e| Error::git("read the index", e))?;
            self.index = Some((index, tmp));
        }
        Ok(&mut self.index.as_mut().expect("just loaded").0)
    }

    /// The staged blob and mode of `path` (stage 0), if any.
    pub fn staged(&mut self, path: &Path) -> Result<Option<(Oid, u32)>> {
        let index = self.index()?;
        Ok(crate::git::state::index_entry(index, path).map(|e| (e.id, e.mode)))
    }

    /// Whether `path`'s index entry is outside a sparse checkout (marked skip-worktree): git
    /// keeps no file for it in the work tree, and expects none.
    pub fn is_skip_worktree(&mut self, path: &Path) -> Result<bool> {
        let index = self.index()?;
        Ok(crate::git::state::index_entry(index, path)
            .is_some_and(|e| crate::git::state::skip_worktree(&e)))
    }

    /// Stages `blob` as `path`; the entry's file data is taken from `file` when it holds
    /// exactly that content (so `git status` need not re-read it).
    pub fn stage(&mut self, path: &Path, blob: Oid, mode: u32, file: Option<&Path>) -> Result<()> {
        // The configuration refuses such paths; this keeps the index whole whatever asks.
        if !crate::git::state::is_git_name(path) {
            return Err(Error::git(
                format!("stage {}", path.display()),
                git2::Error::from_str("not a path as git names a file (`./`, `//` or a final `/`)"),
            ));
        }
        let stat = file.and_then(|f| fs::metadata(f).ok());
        let index = self.index()?;
        let mut entry = crate::git::state::index_entry(index, path)
            .unwrap_or_else(|| new_entry(path, blob, mode));
        entry.id = blob;
        entry.mode = mode;
        entry.file_size = 0;
        #[cfg(unix)]
        if let Some(m) = stat {
            use std::os::unix::fs::MetadataExt;
            let t = |s: i64, ns: i64| {
                git2::IndexTime::new(
                    i32::try_from(s).unwrap_or(0),
                    u32::try_from(ns).unwrap_or(0),
                )
            };
            entry.ctime = t(m.ctime(), m.ctime_nsec());
            entry.mtime = t(m.mtime(), m.mtime_nsec());
            entry.dev = u32::try_from(m.dev() & 0xffff_ffff).unwrap_or(0);
            entry.ino = u32::try_from(m.ino() & 0xffff_ffff).unwrap_or(0);
            entry.uid = m.uid();
            entry.gid = m.gid();
            entry.file_size = u32::try_from(m.size()).unwrap_or(0);
        }
        #[cfg(not(unix))]
        let _ = stat;
        let before = crate::git::state::index_entry(index, path).map(|e| e.id);
        index
            .add(&entry)
            .map_err(|e| Error::git(format!("stage {}", path.display()), e))?;
        self.index_changed = true;
        self.note_entry(path, before, Some(blob));
        Ok(())
    }

    /// Puts `path`'s index entry back to `entry` (or removes it when `None`).
    pub fn restage(&mut self, path: &Path, entry: Option<(Oid, u32)>) -> Result<()> {
        match entry {
            Some((blob, mode)) => self.stage(path, blob, mode, None),
            None => {
                let index = self.index()?;
                let before = crate::git::state::index_entry(index, path).map(|e| e.id);
                if before.is_some() {
                    index
                        .remove_path(path)
                        .map_err(|e| Error::git(format!("unstage {}", path.display()), e))?;
                }
                self.index_changed = true;
                self.note_entry(path, before, None);
                Ok(())
            }
        }
    }

    /// Remembers an index entry's change for the journal, keeping the first `before`.
    fn note_entry(&mut self, path: &Path, before: Option<Oid>, after: Option<Oid>) {
        match self.entries.iter_mut().find(|(p, _, _)| p == path) {
            Some(e) => e.2 = after,
            None => self.entries.push((path.to_owned(), before, after)),
        }
    }

    /// Writes the staged index as a tree.
    pub fn write_tree(&mut self) -> Result<Oid> {
        let repo = self.repo;
        let index = self.index()?;
        let tree = index
            .write_tree_to(&repo.inner)
            .map_err(|e| Error::git("write the tree", e))?;
        repo.share_trees(tree, None);
        Ok(tree)
    }
}
