//! The lock files a release moves (Cargo.lock, uv.lock, package-lock.json, npm-shrinkwrap.json,
//! pnpm-lock.yaml, bun.lock) that HEAD does not track and git ignores: a library often ignores its
//! lock, which the tools regenerate in the work tree all the same. The release neither writes
//! nor commits such a file (adding it would track what the project chose not to); one note
//! line says so. A lock untracked but not ignored is one not yet added: it moves with the
//! release, so the advice to commit it commits the new version, not a stale one.

use std::path::{Path, PathBuf};

use super::Edits;
use crate::git::Repo;
use crate::history::version::files::Edit;

/// The lock files relhook moves, by name, in any folder.
const LOCKS: &[&str] = &[
    "Cargo.lock",
    "uv.lock",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "pnpm-lock.yaml",
    "bun.lock",
];

/// Whether `path` names a lock file relhook moves.
pub(super) fn is_lock(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| LOCKS.contains(&n))
}

/// The lock files a release may edit beside `files` (the version files): those at the top
/// of the work tree, and those in each version file's folder (a project's own uv.lock).
pub(super) fn locks_beside<'a>(files: impl IntoIterator<Item = &'a Path>) -> Vec<PathBuf> {
    let mut dirs = vec![Path::new("")];
    for dir in files.into_iter().filter_map(Path::parent) {
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    dirs.iter()
        .flat_map(|d| LOCKS.iter().map(|l| d.join(l)))
        .collect()
}

/// The note on `path` when it is a lock file HEAD does not track and git ignores (the release
/// leaves it alone); `None` for any other file.
pub fn untracked(repo: &Repo, path: &Path) -> Option<String> {
    if !is_lock(path) || repo.tracked_at_head(path) || !repo.is_ignored(path) {
        return None;
    }
    Some(format!(
        "{} is not tracked (ignored): left alone",
        path.display()
    ))
}

/// Takes every untracked lock's edit out of `edits`, with its path and note added to `notes`
/// (once): the path says whose the lock is in a monorepo (a package's own, or the top's).
pub fn leave_out(repo: &Repo, edits: &mut Vec<Edit>, notes: &mut Vec<(PathBuf, String)>) {
    edits.retain(|e| {
        let Some(note) = untracked(repo, &e.path) else {
            return true;
        };
        if !notes.iter().any(|(p, _)| *p == e.path) {
            notes.push((e.path.clone(), note));
        }
        false
    });
}

impl Edits {
    /// [`leave_out`] on these edits, and the untracked locks taken out of the version files
    /// too (npm's lock is one), which the release would otherwise check for the new version.
    pub(super) fn leave_out_untracked_locks(&mut self, repo: &Repo) {
        leave_out(repo, &mut self.edits, &mut self.untracked);
        let mut old = std::mem::take(&mut self.old_file_versions).into_iter();
        let mut kept = Vec::new();
        self.bumped.retain(|f| {
            let version = old.next();
            let keep = untracked(repo, &f.path).is_none();
            kept.extend(version.filter(|_| keep));
            keep
        });
        self.old_file_versions = kept;
    }
}

#[cfg(test)]
mod tests {
    use super::{is_lock, locks_beside};
    use std::path::{Path, PathBuf};

    #[test]
    fn locks_are_known_by_name_in_any_folder() {
        assert!(is_lock(Path::new("Cargo.lock")));
        assert!(is_lock(Path::new("py/uv.lock")));
        assert!(is_lock(Path::new("package-lock.json")));
        assert!(is_lock(Path::new("web/npm-shrinkwrap.json")));
        assert!(is_lock(Path::new("bun.lock")));
        assert!(!is_lock(Path::new("bun.lockb")));
        assert!(!is_lock(Path::new("Cargo.toml")));
        assert!(!is_lock(Path::new("yarn.lock")));
    }

    #[test]
    fn locks_beside_are_the_tops_and_each_folders_once() {
        let files = [Path::new("Cargo.toml"), Path::new("py/pyproject.toml")];
        let locks = locks_beside(files.iter().copied().chain([Path::new("py/x.py")]));
        // Both folders, each of the six names.
        assert_eq!(locks.len(), 12);
        assert!(locks.contains(&PathBuf::from("py/bun.lock")));
        assert_eq!(locks[0], PathBuf::from("Cargo.lock"));
        assert!(locks.contains(&PathBuf::from("py/uv.lock")));
    }
}
