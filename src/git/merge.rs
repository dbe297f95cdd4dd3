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

impl Repo {
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
        index
            .write_tree_to(&self.inner)
            .map_err(|e| Error::git("write the tree", e))
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
