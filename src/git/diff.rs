//! What a commit changed, by path: a tree-to-tree diff against its first parent that skips
//! every subtree whose id is unchanged and reads no blob, so its cost follows the size of the
//! change, not of the repository (monorepo attribution, see `crate::history::packages`).

use std::path::{Path, PathBuf};

use git2::{DiffOptions, Oid};

use super::Repo;
use crate::{Error, Result};

/// How many tree-to-tree diffs this process made: the work a test bounds
/// (`RELHOOK_TEST_TREE_DIFFS`), where timing would be flaky. Each snapshots the repository's
/// configuration and reads both trees.
static TREE_DIFFS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The tree-to-tree diffs so far (see [`TREE_DIFFS`]).
pub fn tree_diffs() -> usize {
    TREE_DIFFS.load(std::sync::atomic::Ordering::Relaxed)
}

impl Repo {
    /// The paths of the files `commit` adds, changes or removes against its first parent (every
    /// file of a root commit); `within`, when not empty, limits the diff to those paths (taken
    /// literally: directories or files, no globs). Renames count as a removal and an addition.
    pub fn changed_paths(&self, commit: Oid, within: &[&Path]) -> Result<Vec<PathBuf>> {
        let parent = self
            .inner
            .find_commit(commit)
            .map_err(|e| Error::git(format!("read commit {commit}"), e))?
            .parent_id(0)
            .ok();
        self.changed_between(parent, commit, within)
    }

    /// [`Repo::changed_paths`] between commit `from` (none: the empty tree) and commit `to`.
    pub fn changed_between(
        &self,
        from: Option<Oid>,
        commit: Oid,
        within: &[&Path],
    ) -> Result<Vec<PathBuf>> {
        let diff = self.path_diff(from, commit, within)?;
        let mut out = Vec::with_capacity(diff.deltas().len());
        for delta in diff.deltas() {
            let file = match delta.status() {
                git2::Delta::Deleted => delta.old_file(),
                _ => delta.new_file(),
            };
            if let Some(p) = file.path() {
                out.push(p.to_owned());
            }
        }
        Ok(out)
    }

    /// Each file `commit` changes against its first parent, with its blob before and after
    /// (zero where there is none): what tells one commit's change from its exact inverse.
    pub fn changed_blobs(&self, commit: Oid) -> Result<Vec<(PathBuf, Oid, Oid)>> {
        let parent = self.first_parent(commit);
        let diff = self.path_diff(parent, commit, &[])?;
        Ok(diff
            .deltas()
            .filter_map(|d| {
                let path = d.new_file().path().or(d.old_file().path())?;
                Some((path.to_owned(), d.old_file().id(), d.new_file().id()))
            })
            .collect())
    }

    /// The diff of [`Repo::changed_between`].
    fn path_diff(
        &self,
        from: Option<Oid>,
        commit: Oid,
        within: &[&Path],
    ) -> Result<git2::Diff<'_>> {
        let repo = &self.inner;
        let tree_of = |id: Oid| {
            repo.find_commit(id)
                .and_then(|c| c.tree())
                .map_err(|e| Error::git(format!("read the tree of {id}"), e))
        };
        let tree = tree_of(commit)?;
        let parent_tree = from.map(tree_of).transpose()?;
        let mut opts = DiffOptions::new();
        opts.skip_binary_check(true)
            .ignore_submodules(false)
            .include_typechange(true)
            .disable_pathspec_match(true);
        for dir in within {
            // git2 unwraps the C string it makes of a pathspec: a NUL would panic.
            let dir = dir.to_string_lossy();
            if dir.contains('\0') {
                return Err(Error::git(
                    format!("diff {commit} within {}", dir.escape_default()),
                    git2::Error::from_str("a path holds a NUL character"),
                ));
            }
            opts.pathspec(dir.as_ref());
        }
        TREE_DIFFS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let diff = repo
            .diff_tree_to_tree(parent_tree.as_ref(), Some(&tree), Some(&mut opts))
            .map_err(|e| Error::git(format!("diff {commit} against {from:?}"), e))?;
        Ok(diff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::git::testing::git;

    #[test]
    fn changed_paths_are_the_path_diff_limited_to_paths() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        for f in [
            "a/x.txt",
            "a/deep/y.txt",
            "ab/z.txt",
            "root.txt",
            "b*/w.txt",
        ] {
            let p = dir.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "1\n").unwrap();
        }
        git(dir, &["add", "."]);
        git(dir, &["commit", "-q", "-m", "one"]);
        let repo = Repo::open(dir).unwrap();
        let head = repo.head().unwrap();
        assert_eq!(
            repo.changed_paths(head, &[]).unwrap().len(),
            5,
            "a root commit: every file"
        );
        std::fs::write(dir.join("a/deep/y.txt"), "2\n").unwrap();
        std::fs::write(dir.join("ab/z.txt"), "2\n").unwrap();
        std::fs::remove_file(dir.join("root.txt")).unwrap();
        git(dir, &["add", "-A"]);
        git(dir, &["commit", "-q", "-m", "two"]);
        let repo = Repo::open(dir).unwrap();
        let head = repo.head().unwrap();
        let all = repo.changed_paths(head, &[]).unwrap();
        assert_eq!(
            all,
            [
                PathBuf::from("a/deep/y.txt"),
                "ab/z.txt".into(),
                "root.txt".into()
            ]
        );
        // `a` is a directory, not a prefix of `ab`; `b*` is a name, not a glob.
        assert_eq!(
            repo.changed_paths(head, &[Path::new("a")]).unwrap(),
            [PathBuf::from("a/deep/y.txt")]
        );
        assert!(
            repo.changed_paths(head, &[Path::new("b*")])
                .unwrap()
                .is_empty()
        );
        assert!(
            repo.changed_paths(head, &[Path::new("b")])
                .unwrap()
                .is_empty()
        );
    }
}
