//! A commit's change as a key, for telling a `git cherry-pick` copy from its original: what
//! `git patch-id` reads (the lines each file gains and loses, blanks ignored, no line
//! numbers), but without context lines and without the files a caller names (the changelogs
//! post-commit writes into each commit, whose lines differ between the two branches).
//!
//! A key costs a line diff of every file the commit changed; its outline (the paths whose
//! content changed, from the trees alone) costs no blob. Two commits with one key have one
//! outline, so callers compare outlines first and read keys only where outlines meet, as
//! `git cherry` does with its header-only patch ids. Files are diffed as buffers, so no
//! `.gitattributes` lookup runs per file: the key depends on the content alone.

use std::path::{Path, PathBuf};

use git2::{Diff, DiffOptions, FileMode, ObjectType, Oid, Patch};

use super::Repo;
use crate::{Error, Result};

/// One side of a changed file: its blob (or a submodule's commit) and mode.
type Side = (Oid, FileMode);

impl Repo {
    /// The outline of `commit`'s change against its first parent, `skip` (paths from the
    /// top) left out: the paths whose content changed, hashed; `None` when nothing else
    /// changed. Commits with one [`Repo::patch_key`] have one outline. Reads trees only.
    pub fn patch_outline(&self, commit: Oid, skip: &[PathBuf]) -> Result<Option<Oid>> {
        self.outline_between(self.first_parent(commit), commit, skip)
    }

    /// [`Repo::patch_outline`] of the change from commit `from` (none: an empty tree) to
    /// commit `to`, as one patch: what a squash of the commits between them makes.
    pub fn outline_between(
        &self,
        from: Option<Oid>,
        to: Oid,
        skip: &[PathBuf],
    ) -> Result<Option<Oid>> {
        let mut text: Vec<u8> = Vec::new();
        let mut last: Option<PathBuf> = None;
        self.changed_files((from, to), skip, |path, _, _| {
            // A file that changed type is two deltas of one path; its key names it twice.
            if last.as_deref() != Some(path) {
                text.extend_from_slice(path.as_os_str().as_encoded_bytes());
                text.push(0);
                last = Some(path.to_owned());
            }
            Ok(())
        })?;
        hashed(&text)
    }

    /// The key of `commit`'s change against its first parent, `skip` (paths from the top) left
    /// out; `None` when nothing else changed. Two commits with one key made the same change.
    pub fn patch_key(&self, commit: Oid, skip: &[PathBuf]) -> Result<Option<Oid>> {
        self.key_between(self.first_parent(commit), commit, skip)
    }

    /// [`Repo::patch_key`] of the change from commit `from` (none: an empty tree) to commit
    /// `to`, as one patch: a squash of the commits between them has this key.
    pub fn key_between(&self, from: Option<Oid>, to: Oid, skip: &[PathBuf]) -> Result<Option<Oid>> {
        let mut opts = DiffOptions::new();
        opts.context_lines(0);
        let mut text: Vec<u8> = Vec::new();
        self.changed_files((from, to), skip, |path, old, new| {
            let what = || format!("{} at {}", path.display(), super::short_id(to));
            let (a, b) = (self.content(old, &what)?, self.content(new, &what)?);
            let patch = Patch::from_buffers(&a, None, &b, None, Some(&mut opts))
                .map_err(|e| Error::git(format!("diff {}", what()), e))?;
            let name = path.to_string_lossy();
            // A binary file: its two versions, by blob id.
            if patch.delta().flags().is_binary() {
                let ids = format!("{name}B{}>{}\n", old.0, new.0);
                text.extend_from_slice(ids.as_bytes());
                return Ok(());
            }
            for h in 0..patch.num_hunks() {
                let lines = patch.num_lines_in_hunk(h).unwrap_or(0);
                for line in (0..lines).filter_map(|l| patch.line_in_hunk(h, l).ok()) {
                    if let o @ ('+' | '-') = line.origin() {
                        text.extend_from_slice(name.as_bytes());
                        text.push(o as u8);
                        let content = line.content().iter();
                        text.extend(content.filter(|b| !b.is_ascii_whitespace()));
                        text.push(b'\n');
                    }
                }
            }
            Ok(())
        })?;
        hashed(&text)
    }

    /// Calls `each` with the path and both sides of every file whose content changed from
    /// commit `from` to commit `to` (in path order), those in `skip` left out.
    fn changed_files(
        &self,
        (from, to): (Option<Oid>, Oid),
        skip: &[PathBuf],
        mut each: impl FnMut(&Path, Side, Side) -> Result<()>,
    ) -> Result<()> {
        let diff = self.tree_diff(from, to)?;
        let skipped = |p: Option<&Path>| p.is_some_and(|p| skip.iter().any(|s| s == p));
        let empty = Oid::hash_object(ObjectType::Blob, b"")
            .map_err(|e| Error::git("hash the empty blob", e))?;
        // No file and an empty one alike show no lines (a submodule always shows its line).
        let unfilled = |(id, mode): Side| match mode {
            FileMode::Commit => id,
            _ if id == empty => Oid::zero(),
            _ => id,
        };
        for delta in diff.deltas() {
            let (old, new) = (delta.old_file(), delta.new_file());
            if skipped(old.path()) || skipped(new.path()) {
                continue;
            }
            let (a, b) = ((old.id(), old.mode()), (new.id(), new.mode()));
            // A mode change alone, or an empty file added or removed, changes no line.
            if unfilled(a) == unfilled(b) {
                continue;
            }
            each(new.path().or(old.path()).unwrap_or(Path::new("")), a, b)?;
        }
        Ok(())
    }

    /// The tree diff from commit `from` (none: the empty tree) to commit `to`, with no blob
    /// read and no binary check.
    fn tree_diff(&self, from: Option<Oid>, to: Oid) -> Result<Diff<'_>> {
        let repo = &self.inner;
        let tree_of = |commit: Oid| {
            repo.find_commit(commit)
                .and_then(|c| c.tree())
                .map_err(|e| Error::git(format!("read the tree of {commit}"), e))
        };
        let tree = tree_of(to)?;
        // An unreadable first tree reads as none, as a root commit's parent does.
        let parent = from.and_then(|f| tree_of(f).ok());
        let mut opts = DiffOptions::new();
        opts.skip_binary_check(true).ignore_submodules(false);
        repo.diff_tree_to_tree(parent.as_ref(), Some(&tree), Some(&mut opts))
            .map_err(|e| Error::git(format!("diff {to}"), e))
    }

    /// The text a diff shows for one side of a file: nothing for none, a submodule's commit
    /// as git prints it, else the blob (fetched when a partial clone lacks it).
    fn content(&self, (id, mode): Side, what: &dyn Fn() -> String) -> Result<Vec<u8>> {
        Ok(match mode {
            _ if id.is_zero() => Vec::new(),
            FileMode::Commit => format!("Subproject commit {id}\n").into_bytes(),
            _ => self.blob_fetched(id, what)?.content().to_vec(),
        })
    }
}

fn hashed(text: &[u8]) -> Result<Option<Oid>> {
    if text.is_empty() {
        return Ok(None);
    }
    Oid::hash_object(ObjectType::Blob, text)
        .map(Some)
        .map_err(|e| Error::git("hash a patch", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::git::testing::git;

    fn commit(dir: &Path, files: &[(&str, &str)], message: &str) {
        for (f, text) in files {
            std::fs::write(dir.join(f), text).unwrap();
        }
        git(dir, &["add", "."]);
        git(dir, &["commit", "-q", "-m", message]);
    }

    #[test]
    fn a_pick_has_its_original_s_key_whatever_the_changelog_and_context() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        commit(
            dir,
            &[("a.txt", "1\n2\n3\n"), ("CHANGELOG.md", "# C\n")],
            "one",
        );
        git(dir, &["switch", "-q", "-c", "side"]);
        commit(
            dir,
            &[("a.txt", "1\n2\nthree\n"), ("CHANGELOG.md", "# C\n- x\n")],
            "fix",
        );
        git(dir, &["switch", "-q", "main"]);
        commit(dir, &[("a.txt", "one\n2\n3\n")], "other");
        commit(
            dir,
            &[
                ("a.txt", "one\n2\nthree\n"),
                ("CHANGELOG.md", "# C\n- y\n- x\n"),
            ],
            "pick",
        );
        let repo = Repo::open(dir).unwrap();
        let id = |r: &str| repo.revision_commit(r).unwrap();
        let skip = [PathBuf::from("CHANGELOG.md")];
        let key = |r: &str| repo.patch_key(id(r), &skip).unwrap();
        assert!(key("side").is_some());
        assert_eq!(key("side"), key("main"));
        assert_ne!(key("main~1"), key("main"));
        // One outline (the paths), read from the trees, for one key and for other changes
        // to the same files.
        let outline = |r: &str| repo.patch_outline(id(r), &skip).unwrap();
        assert!(outline("side").is_some());
        assert_eq!(outline("side"), outline("main"));
        assert_eq!(outline("main~1"), outline("main"));
        assert_ne!(
            repo.patch_outline(id("main"), &[]).unwrap(),
            outline("main")
        );
        // Without the changelog skipped, its different lines make another key.
        assert_ne!(
            repo.patch_key(id("side"), &[]).unwrap(),
            repo.patch_key(id("main"), &[]).unwrap()
        );
        // A commit that changes only what is skipped has no key.
        commit(dir, &[("CHANGELOG.md", "# C\n")], "log");
        let repo = Repo::open(dir).unwrap();
        assert_eq!(repo.patch_key(repo.head().unwrap(), &skip).unwrap(), None);
        assert_eq!(
            repo.patch_outline(repo.head().unwrap(), &skip).unwrap(),
            None
        );
    }

    #[test]
    fn a_squash_has_the_key_of_the_change_from_the_base_to_the_branch() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        commit(
            dir,
            &[("a.txt", "1\n2\n"), ("CHANGELOG.md", "# C\n")],
            "one",
        );
        git(dir, &["switch", "-q", "-c", "topic"]);
        commit(
            dir,
            &[("a.txt", "1\ntwo\n"), ("CHANGELOG.md", "- a\n")],
            "a",
        );
        commit(
            dir,
            &[("b.txt", "b\n"), ("CHANGELOG.md", "- a\n- b\n")],
            "b",
        );
        git(dir, &["switch", "-q", "main"]);
        git(dir, &["merge", "-q", "--squash", "topic"]);
        std::fs::write(dir.join("CHANGELOG.md"), "- a and b\n").unwrap();
        git(dir, &["commit", "-qam", "squash"]);
        let repo = Repo::open(dir).unwrap();
        let id = |r: &str| repo.revision_commit(r).unwrap();
        let skip = [PathBuf::from("CHANGELOG.md")];
        let squash = repo.patch_key(id("main"), &skip).unwrap();
        let base = Some(id("main~1"));
        assert!(squash.is_some());
        assert_eq!(repo.key_between(base, id("topic"), &skip).unwrap(), squash);
        assert_ne!(
            repo.key_between(base, id("topic~1"), &skip).unwrap(),
            squash
        );
        assert_eq!(
            repo.outline_between(base, id("topic"), &skip).unwrap(),
            repo.patch_outline(id("main"), &skip).unwrap()
        );
    }

    #[test]
    fn a_mode_change_or_an_empty_file_changes_no_line() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        commit(dir, &[("a.txt", "1\n")], "one");
        commit(dir, &[("empty.txt", "")], "empty");
        git(dir, &["update-index", "--chmod=+x", "a.txt"]);
        git(dir, &["commit", "-q", "-m", "mode"]);
        commit(
            dir,
            &[("a.txt", "2\n"), ("b.bin", "\0x\n")],
            "text and binary",
        );
        let repo = Repo::open(dir).unwrap();
        let id = |r: &str| repo.revision_commit(r).unwrap();
        for r in ["HEAD~1", "HEAD~2"] {
            assert_eq!(repo.patch_outline(id(r), &[]).unwrap(), None, "{r}");
            assert_eq!(repo.patch_key(id(r), &[]).unwrap(), None, "{r}");
        }
        assert!(repo.patch_key(id("HEAD"), &[]).unwrap().is_some());
        // The root commit: every file against none.
        assert!(repo.patch_key(id("HEAD~3"), &[]).unwrap().is_some());
    }
}
