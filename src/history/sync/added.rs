//! The entries a commit added to the changelog, read as a diff against its first parent's
//! version: each version read once while history is walked oldest first.

use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use crate::git::Repo;
use crate::history::changelog::diff::{Changed, DiffWork, changed_entries};

/// The entry texts a commit added to the changelog, in any section.
pub fn added_by(repo: &Repo, commit: Oid, path: &Path) -> HashSet<String> {
    added_in(
        repo,
        commit,
        path,
        &mut BlobCache::default(),
        &mut DiffWork::default(),
    )
    .map(|c| c.added)
    .unwrap_or_default()
}

/// The last two versions of the changelog read from history, by blob id: in a history
/// walked oldest first, a commit's parent version is the version the previous change wrote.
#[derive(Default)]
struct BlobCache {
    slots: [Option<(Oid, std::rc::Rc<str>)>; 2],
    next: usize,
    reads: usize,
}

impl BlobCache {
    fn text(&mut self, repo: &Repo, id: Oid) -> Option<std::rc::Rc<str>> {
        if let Some((_, t)) = self.slots.iter().flatten().find(|(k, _)| *k == id) {
            return Some(t.clone());
        }
        let bytes = repo.blob_bytes(id)?;
        self.reads += 1;
        let text: std::rc::Rc<str> = String::from_utf8(bytes).ok()?.into();
        self.slots[self.next] = Some((id, text.clone()));
        self.next = (self.next + 1) % self.slots.len();
        Some(text)
    }
}

/// [`added_in`] for each of `commits` (oldest first) that changed the file, with the count
/// of versions read; but what a revert among them took back accounts for nothing: the
/// entries a commit added that its revert (`partners`: revert, reverted) took out again. A
/// release commit reverted and its tag deleted took with its section the entries it wrote for
/// commits that had none, which then still counted as written.
pub(super) fn changes(
    repo: &Repo,
    commits: &[Oid],
    path: &Path,
    partners: &[(Oid, Oid)],
    work: &mut DiffWork,
) -> (Vec<(Oid, Changed)>, usize) {
    let mut blobs = BlobCache::default();
    let mut out: Vec<(Oid, Changed)> = (commits.iter())
        .filter_map(|&c| Some((c, added_in(repo, c, path, &mut blobs, work)?)))
        .collect();
    let at: std::collections::HashMap<Oid, usize> =
        out.iter().enumerate().map(|(i, (c, _))| (*c, i)).collect();
    for (revert, target) in partners {
        let (Some(&r), Some(&t)) = (at.get(revert), at.get(target)) else {
            continue;
        };
        let taken = std::mem::take(&mut out[r].1.removed);
        out[t].1.added.retain(|e| !taken.contains(e));
        out[r].1.removed = taken;
    }
    (out, blobs.reads)
}

/// The entries `commit` added to (and took out of) the changelog at `path` relative to its
/// first parent (all it had, when it deleted the file), or `None` when it did not change the
/// file (or the new version is unreadable).
fn added_in(
    repo: &Repo,
    commit: Oid,
    path: &Path,
    blobs: &mut BlobCache,
    work: &mut DiffWork,
) -> Option<Changed> {
    let mine = repo.blob_at(commit, path);
    let first = repo.first_parent(commit);
    let parent = first.and_then(|p| repo.blob_at(p, path));
    // A file the commit moved here unchanged (`git mv`) holds what the commits before wrote:
    // this one added none of it (its own entry is in neither file).
    let parent = parent.or_else(|| moved_here(repo, commit, first?, mine?));
    if mine == parent {
        return None;
    }
    // The parent's version first: it is the one the cache holds from the previous change.
    let before = match parent {
        Some(id) => blobs.text(repo, id).unwrap_or_else(|| "".into()),
        None => "".into(),
    };
    // A commit that deleted the file took out every entry it had (git's revert of the commit
    // that created it).
    let after = match mine {
        Some(id) => blobs.text(repo, id)?,
        None => "".into(),
    };
    Some(changed_entries(&before, &after, work))
}

/// `blob` (what `commit` has at the changelog's path, which its first `parent` lacks) when the
/// commit moved it there unchanged from another path the parent has and the commit has not.
fn moved_here(repo: &Repo, commit: Oid, parent: Oid, blob: Oid) -> Option<Oid> {
    let changed = repo.changed_paths(commit, &[]).ok()?;
    changed
        .iter()
        .any(|p| repo.blob_at(parent, p) == Some(blob) && repo.blob_at(commit, p).is_none())
        .then_some(blob)
}
