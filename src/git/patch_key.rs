//! A commit's change as a key, for telling a `git cherry-pick` copy from its original: what
//! `git patch-id` reads (the lines each file gains and loses, blanks ignored, no line
//! numbers), but without context lines and without the files a caller names (the changelogs
//! post-commit writes into each commit, whose lines differ between the two branches).

use std::path::{Path, PathBuf};

use git2::{DiffFormat, DiffOptions, Oid};

use super::Repo;
use crate::{Error, Result};

impl Repo {
    /// The key of `commit`'s change against its first parent, `skip` (paths from the top) left
    /// out; `None` when nothing else changed. Two commits with one key made the same change.
    pub fn patch_key(&self, commit: Oid, skip: &[PathBuf]) -> Result<Option<Oid>> {
        let repo = &self.inner;
        let c = repo
            .find_commit(commit)
            .map_err(|e| Error::git(format!("read commit {commit}"), e))?;
        let tree = c
            .tree()
            .map_err(|e| Error::git(format!("read the tree of {commit}"), e))?;
        let parent = c.parent(0).ok().and_then(|p| p.tree().ok());
        let mut opts = DiffOptions::new();
        opts.context_lines(0).ignore_submodules(false);
        let diff = repo
            .diff_tree_to_tree(parent.as_ref(), Some(&tree), Some(&mut opts))
            .map_err(|e| Error::git(format!("diff {commit}"), e))?;
        let mut text: Vec<u8> = Vec::new();
        let skipped = |p: Option<&Path>| p.is_some_and(|p| skip.iter().any(|s| s == p));
        diff.print(DiffFormat::Patch, |delta, _, line| {
            let (old, new) = (delta.old_file(), delta.new_file());
            if skipped(old.path()) || skipped(new.path()) {
                return true;
            }
            let path = new.path().or(old.path()).unwrap_or(Path::new(""));
            match line.origin() {
                '+' | '-' => {
                    text.extend_from_slice(path.to_string_lossy().as_bytes());
                    text.push(line.origin() as u8);
                    let content = line.content().iter();
                    text.extend(content.filter(|b| !b.is_ascii_whitespace()));
                    text.push(b'\n');
                }
                // A binary file: its two versions, by blob id.
                'B' => {
                    let ids = format!("{}B{}>{}\n", path.display(), old.id(), new.id());
                    text.extend_from_slice(ids.as_bytes());
                }
                _ => {}
            }
            true
        })
        .map_err(|e| Error::git(format!("read the diff of {commit}"), e))?;
        if text.is_empty() {
            return Ok(None);
        }
        Oid::hash_object(git2::ObjectType::Blob, &text)
            .map(Some)
            .map_err(|e| Error::git("hash a patch", e))
    }
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
        // Without the changelog skipped, its different lines make another key.
        assert_ne!(
            repo.patch_key(id("side"), &[]).unwrap(),
            repo.patch_key(id("main"), &[]).unwrap()
        );
        // A commit that changes only what is skipped has no key.
        commit(dir, &[("CHANGELOG.md", "# C\n")], "log");
        let repo = Repo::open(dir).unwrap();
        assert_eq!(repo.patch_key(repo.head().unwrap(), &skip).unwrap(), None);
    }
}
