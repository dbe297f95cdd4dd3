//! Content merges without the work tree: a three-way merge of three texts (a release's edit
//! carried over onto another version of the file), and a commit's tree with some files
//! replaced (a release commit made of HEAD's content and relhook's edits, whatever is staged);
//! and the conflicts a merge of git's own left in the index.

use std::path::{Path, PathBuf};

use git2::Oid;

use super::Repo;
use crate::{Error, Result};

/// A path the index holds in conflict, with the stages git left for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The path, relative to the top of the work tree.
    pub path: PathBuf,
    /// Whether the base (stage 1), ours (stage 2) and theirs (stage 3) have it: a
    /// modify/delete conflict lacks one side (`git status`: "deleted by them" lacks theirs).
    pub stages: [bool; 3],
}

/// What git leaves in the git dir while a cherry-pick or revert is stopped, as far as the way
/// on differs: git writes no note of `-n` for one commit (`git revert -n` leaves REVERT_HEAD
/// as a revert does, `git cherry-pick -n` only MERGE_MSG), only a sequence's `sequencer/opts`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stopped {
    /// REVERT_HEAD's commit, when there is one.
    pub revert_head: Option<Oid>,
    /// When REVERT_HEAD was last written (its file), where that can be read.
    pub revert_head_written: Option<std::time::SystemTime>,
    /// CHERRY_PICK_HEAD is there (a cherry-pick, or a rebase's pick).
    pub cherry_pick_head: bool,
    /// A sequence of picks or reverts under way (`sequencer/`).
    pub sequence: Option<Sequence>,
    /// A rebase or `git am` is under way (`rebase-merge/`, `rebase-apply/`).
    pub rebase: bool,
    /// CHERRY_PICK_HEAD is the rebase's own pick: the commit of the step the rebase is at (the
    /// last line of `rebase-merge/done`). A cherry-pick the user runs while the rebase is
    /// stopped (`edit`, `break`, a failed `exec`) names another commit, and is the user's.
    pub rebase_pick: bool,
    /// MERGE_MSG is there with neither MERGE_HEAD nor SQUASH_MSG (no merge made it).
    pub message_alone: bool,
    /// SQUASH_MSG is there: a `git merge --squash` staged the branch's changes, and the
    /// commit that takes them is not made yet (git leaves no other mark).
    pub squash: bool,
}

/// A `git cherry-pick` or `git revert` of several commits, stopped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sequence {
    /// The command of the stopped step (`pick`, `revert`), the first in `sequencer/todo`.
    pub command: String,
    /// Run with `-n` (`no-commit = true` in `sequencer/opts`).
    pub no_commit: bool,
    /// The commits still to do after the stopped one, in order (full ids).
    pub rest: Vec<String>,
}

impl Repo {
    /// The commits a merge in progress merges (MERGE_HEAD's lines; several for an octopus):
    /// none when no merge is under way.
    pub fn merge_heads(&self) -> Vec<Oid> {
        // git2's reader wants the repository mutable: the file is one id a line.
        std::fs::read_to_string(self.inner.path().join("MERGE_HEAD"))
            .map(|text| {
                text.lines()
                    .filter_map(|l| Oid::from_str(l.trim()).ok())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The commits a staged `git merge --squash` brings (SQUASH_MSG's `commit <id>` lines,
    /// the squashed branch's tip first): none without one, or while a merge is under way
    /// (git keeps SQUASH_MSG beside MERGE_HEAD for no squash then).
    pub fn squash_heads(&self) -> Vec<Oid> {
        let dir = self.inner.path();
        if dir.join("MERGE_HEAD").exists() {
            return Vec::new();
        }
        // The messages under each header are indented: a line opening `commit ` is a header.
        std::fs::read_to_string(dir.join("SQUASH_MSG"))
            .map(|text| {
                text.lines()
                    .filter_map(|l| l.strip_prefix("commit "))
                    .filter(|id| id.len() >= 40)
                    .filter_map(|id| Oid::from_str(id.trim()).ok())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What a cherry-pick or revert stopped here left in this worktree's git dir.
    pub fn stopped(&self) -> Stopped {
        let dir = self.inner.path();
        let is = |name: &str| dir.join(name).exists();
        Stopped {
            revert_head: self.inner.refname_to_id("REVERT_HEAD").ok(),
            revert_head_written: std::fs::metadata(dir.join("REVERT_HEAD"))
                .and_then(|m| m.modified())
                .ok(),
            cherry_pick_head: self.inner.refname_to_id("CHERRY_PICK_HEAD").is_ok(),
            sequence: is("sequencer").then(|| self.sequence(&dir.join("sequencer"))),
            rebase: is("rebase-merge") || is("rebase-apply"),
            rebase_pick: is("rebase-merge")
                && self
                    .inner
                    .refname_to_id("CHERRY_PICK_HEAD")
                    .is_ok_and(|pick| self.rebase_step(&dir.join("rebase-merge")) == Some(pick)),
            message_alone: is("MERGE_MSG") && !is("MERGE_HEAD") && !is("SQUASH_MSG"),
            squash: is("SQUASH_MSG"),
        }
    }

    /// The commit of the step a rebase (`rebase-merge/`, `dir`) is at: git appends each step to
    /// `done` as it starts it, so the last line there is the pick under way or stopped.
    fn rebase_step(&self, dir: &Path) -> Option<Oid> {
        let done = std::fs::read_to_string(dir.join("done")).ok()?;
        let step = done
            .lines()
            .rfind(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
        let id = step.split_whitespace().nth(1)?;
        let object = self.inner.revparse_single(id).ok()?;
        object.peel_to_commit().ok().map(|c| c.id())
    }

    /// The sequence `sequencer/` (`dir`) describes; its commits as full ids where they resolve.
    fn sequence(&self, dir: &Path) -> Sequence {
        let todo = std::fs::read_to_string(dir.join("todo")).unwrap_or_default();
        let mut steps = todo.lines().filter_map(|l| {
            let mut words = l.split_whitespace();
            let command = words.next().filter(|w| !w.starts_with('#'))?;
            Some((
                command.to_owned(),
                words.next().unwrap_or_default().to_owned(),
            ))
        });
        let command = steps.next().map(|(c, _)| c).unwrap_or_default();
        let rest = steps
            .map(|(_, id)| match self.inner.revparse_single(&id) {
                Ok(o) => o.id().to_string(),
                Err(_) => id,
            })
            .collect();
        let opts = std::fs::read_to_string(dir.join("opts")).unwrap_or_default();
        Sequence {
            command,
            no_commit: opts.lines().any(|l| {
                let l: String = l.chars().filter(|c| !c.is_whitespace()).collect();
                l.eq_ignore_ascii_case("no-commit=true")
            }),
            rest,
        }
    }

    /// The paths in conflict in the index, in its order; none when it cannot be read.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let Ok(index) = self.inner.index() else {
            return Vec::new();
        };
        let Ok(all) = index.conflicts() else {
            return Vec::new();
        };
        all.filter_map(std::result::Result::ok)
            .filter_map(|c| {
                let sides = [&c.ancestor, &c.our, &c.their];
                let entry = sides.iter().find_map(|e| e.as_ref())?;
                Some(Conflict {
                    path: PathBuf::from(String::from_utf8_lossy(&entry.path).into_owned()),
                    stages: sides.map(Option::is_some),
                })
            })
            .collect()
    }

    /// The blobs the index holds in conflict for `path` (relative to the top of the work
    /// tree): base, ours and theirs, each `None` where that side lacks it; `None` when `path`
    /// is in no conflict.
    pub fn conflict_sides(&self, path: &Path) -> Option<[Option<Vec<u8>>; 3]> {
        let index = self.inner.index().ok()?;
        let c = index.conflict_get(path).ok()?;
        let blob = |e: &Option<git2::IndexEntry>| e.as_ref().and_then(|e| self.blob_bytes(e.id));
        Some([blob(&c.ancestor), blob(&c.our), blob(&c.their)])
    }

    /// The commit a stopped rebase replays onto (`onto` in its state directory).
    pub fn rebase_onto(&self) -> Option<Oid> {
        let dir = self.inner.path();
        ["rebase-merge/onto", "rebase-apply/onto"]
            .iter()
            .find_map(|f| std::fs::read_to_string(dir.join(f)).ok())
            .and_then(|id| Oid::from_str(id.trim()).ok())
    }

    /// `ours` and `theirs` merged line by line over their common `base`, or `None` when they
    /// change the same lines (or insert at the same place) differently. Unlike git's merge,
    /// changes to adjacent lines do not conflict: a version line bumped beside a line edited
    /// by hand merges.
    pub fn merge_texts(
        &self,
        path: &Path,
        base: &[u8],
        ours: &[u8],
        theirs: &[u8],
    ) -> Result<Option<Vec<u8>>> {
        let mut all = hunks(path, base, ours)?;
        for t in hunks(path, base, theirs)? {
            if all.contains(&t) {
                continue;
            }
            if all.iter().any(|o| overlap(o, &t)) {
                return Ok(None);
            }
            all.push(t);
        }
        all.sort_by_key(|h| (h.start, h.len > 0));
        let lines: Vec<&[u8]> = base.split_inclusive(|b| *b == b'\n').collect();
        let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
        let mut at = 0;
        for h in &all {
            for line in &lines[at..h.start] {
                out.extend_from_slice(line);
            }
            out.extend_from_slice(&h.lines);
            at = h.start + h.len;
        }
        for line in &lines[at.min(lines.len())..] {
            out.extend_from_slice(line);
        }
        Ok(Some(out))
    }

    /// The tree of `commit` with each `(path, blob)` of `files` in it (a new file as a
    /// regular file; a file there keeps its mode).
    pub fn tree_with(&self, commit: Oid, files: &[(&Path, Oid)]) -> Result<Oid> {
        let tree = self
            .inner
            .find_commit(commit)
            .and_then(|c| c.tree())
            .map_err(|e| Error::git(format!("read commit {commit}"), e))?;
        let mut index = git2::Index::new().map_err(|e| Error::git("make an index", e))?;
        index
            .read_tree(&tree)
            .map_err(|e| Error::git("read a tree", e))?;
        for (path, blob) in files {
            let mode = tree.get_path(path).map_or(0o100_644, |e| {
                u32::try_from(e.filemode()).unwrap_or(0o100_644)
            });
            let entry = super::txn::new_entry(path, *blob, mode);
            index
                .add(&entry)
                .map_err(|e| Error::git(format!("stage {}", path.display()), e))?;
        }
        let new = index
            .write_tree_to(&self.inner)
            .map_err(|e| Error::git("write the tree", e))?;
        self.share_trees(new, Some(tree.id()));
        Ok(new)
    }
}

/// One change of a text: `len` lines from line `start` (0-based) replaced by `lines`.
#[derive(Debug, PartialEq, Eq)]
struct Hunk {
    start: usize,
    len: usize,
    lines: Vec<u8>,
}

/// Whether two changes of the same text touch the same lines or insert at the same place.
fn overlap(a: &Hunk, b: &Hunk) -> bool {
    let inside = |p: usize, h: &Hunk| h.start < p && p < h.start + h.len;
    match (a.len, b.len) {
        (0, 0) => a.start == b.start,
        (0, _) => inside(a.start, b),
        (_, 0) => inside(b.start, a),
        _ => a.start < b.start + b.len && b.start < a.start + a.len,
    }
}

/// The changes from `old` to `new`, git's line diff without context.
fn hunks(path: &Path, old: &[u8], new: &[u8]) -> Result<Vec<Hunk>> {
    let fail = |e| Error::git(format!("diff {}", path.display()), e);
    let mut opts = git2::DiffOptions::new();
    opts.context_lines(0).interhunk_lines(0);
    let patch = git2::Patch::from_buffers(old, None, new, None, Some(&mut opts)).map_err(fail)?;
    let mut out = Vec::new();
    for h in 0..patch.num_hunks() {
        let (hunk, count) = patch.hunk(h).map_err(fail)?;
        let len = hunk.old_lines() as usize;
        let old_start = hunk.old_start() as usize;
        let start = if len == 0 { old_start } else { old_start - 1 };
        let mut lines = Vec::new();
        for l in 0..count {
            let line = patch.line_in_hunk(h, l).map_err(fail)?;
            if line.origin() == '+' {
                lines.extend_from_slice(line.content());
            }
        }
        out.push(Hunk { start, len, lines });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_heads_are_the_commits_a_merge_in_progress_merges() {
        let tmp = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| crate::git::testing::git(tmp.path(), args);
        git(&["init", "-q", "-b", "main"]);
        git(&["commit", "-q", "--allow-empty", "-m", "one"]);
        git(&["switch", "-qc", "side"]);
        git(&["commit", "-q", "--allow-empty", "-m", "two"]);
        git(&["switch", "-q", "main"]);
        let repo = Repo::open(tmp.path()).unwrap();
        assert!(repo.merge_heads().is_empty(), "no merge under way");
        git(&["merge", "-q", "--no-ff", "--no-commit", "side"]);
        let side = repo.revparse_commit("side").unwrap();
        assert_eq!(repo.merge_heads(), [side]);
    }

    #[test]
    fn squash_heads_are_the_commits_a_staged_squash_brings_tip_first() {
        let tmp = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| crate::git::testing::git(tmp.path(), args);
        git(&["init", "-q", "-b", "main"]);
        git(&["commit", "-q", "--allow-empty", "-m", "one"]);
        git(&["switch", "-qc", "side"]);
        std::fs::write(tmp.path().join("a"), "a").unwrap();
        git(&["add", "a"]);
        git(&[
            "commit",
            "-q",
            "-m",
            "two\n\ncommit 0123456789012345678901234567890123456789",
        ]);
        std::fs::write(tmp.path().join("b"), "b").unwrap();
        git(&["add", "b"]);
        git(&["commit", "-q", "-m", "three"]);
        git(&["switch", "-q", "main"]);
        let repo = Repo::open(tmp.path()).unwrap();
        assert!(repo.squash_heads().is_empty(), "no squash staged");
        git(&["merge", "-q", "--squash", "side"]);
        let (tip, below) = (
            repo.revparse_commit("side").unwrap(),
            repo.revparse_commit("side~1").unwrap(),
        );
        assert_eq!(
            repo.squash_heads(),
            [tip, below],
            "a message's line is no header"
        );
    }
}
