//! A file a commit moved or copied elsewhere (`git mv CHANGELOG.md pkg/CHANGELOG.md` when a
//! repository becomes a monorepo), told as git's rename and copy detection tells it.

use std::path::{Path, PathBuf};

use git2::{Delta, DiffFindOptions, DiffOptions, Oid};

use super::Repo;

impl Repo {
    /// The paths `commit` renamed or copied `path` to against its first parent (a copy counts
    /// when `path` itself changed in it: a new file written in the moved one's place). Empty
    /// when it did neither, or the diff cannot be made (a partial clone's missing blob).
    pub fn moved_to(&self, commit: Oid, path: &Path) -> Vec<PathBuf> {
        self.moves(commit, path).unwrap_or_default()
    }

    fn moves(&self, commit: Oid, path: &Path) -> Option<Vec<PathBuf>> {
        let repo = &self.inner;
        let commit = repo.find_commit(commit).ok()?;
        let tree = commit.tree().ok()?;
        let parent = commit.parent(0).ok()?.tree().ok()?;
        let mut opts = DiffOptions::new();
        opts.skip_binary_check(true);
        let mut diff = repo
            .diff_tree_to_tree(Some(&parent), Some(&tree), Some(&mut opts))
            .ok()?;
        // Only added and deleted (or changed) files are paired, so this reads the blobs of
        // the files the commit moved, not the repository's.
        diff.find_similar(Some(DiffFindOptions::new().renames(true).copies(true)))
            .ok()?;
        Some(
            diff.deltas()
                .filter(|d| matches!(d.status(), Delta::Renamed | Delta::Copied))
                .filter(|d| d.old_file().path() == Some(path))
                .filter_map(|d| d.new_file().path().map(Path::to_owned))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::git::testing::git;

    #[test]
    fn a_moved_file_is_followed_and_a_deleted_one_is_not() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        let log = "# Changelog\n\n## [0.1.0]\n\n- a\n- b\n- c\n";
        std::fs::write(dir.join("CHANGELOG.md"), log).unwrap();
        std::fs::write(dir.join("other.md"), "other\n").unwrap();
        git(dir, &["add", "."]);
        git(dir, &["commit", "-q", "-m", "one"]);
        std::fs::create_dir(dir.join("pkg")).unwrap();
        git(dir, &["mv", "CHANGELOG.md", "pkg/CHANGELOG.md"]);
        // A new root changelog in the same commit: the old one is then a copy's source.
        std::fs::write(dir.join("CHANGELOG.md"), "# Changelog\n").unwrap();
        git(dir, &["add", "."]);
        git(dir, &["commit", "-q", "-m", "two"]);
        let repo = Repo::open(dir).unwrap();
        let head = repo.head().unwrap();
        assert_eq!(
            repo.moved_to(head, Path::new("CHANGELOG.md")),
            [PathBuf::from("pkg/CHANGELOG.md")]
        );
        git(dir, &["rm", "-q", "other.md"]);
        git(dir, &["commit", "-q", "-m", "three"]);
        let repo = Repo::open(dir).unwrap();
        let head = repo.head().unwrap();
        assert!(repo.moved_to(head, Path::new("other.md")).is_empty());
    }
}
