//! Which of the entries a revert's parent had unreleased went with the commits the revert
//! undid. One commit may revert several (`git revert -n A B`, then `git commit`): git's
//! message names only the last one it reverted, yet its revert of the file took every one's
//! entry out, and no conflict's resolution dropped any of them. A commit counts as reverted
//! when the revert's body names it, or when the revert puts back every other file it changed
//! as its parent had it, or (reverting a run of commits that change one file, where no single
//! parent's copy is left) as the parent of an earlier commit had it.

use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use crate::git::Repo;
use crate::history::sync::added_by;

/// How many first-parent commits before the revert are read for the writers of the entries.
const LOOK_BACK: usize = 200;

/// Of `keys` (entries, normalised as [`added_by`] gives them, `revert`'s parent had and it lacks), those a commit that
/// `revert` reverts wrote: one its body names (`named`), or one it undoes whole.
pub(super) fn reverted_entries(
    repo: &Repo,
    revert: Oid,
    path: &Path,
    named: &[Oid],
    keys: &HashSet<String>,
) -> HashSet<String> {
    let mut out: HashSet<String> = named
        .iter()
        .flat_map(|c| added_by(repo, *c, path))
        .filter(|k| keys.contains(k))
        .collect();
    // The nearest commit that wrote an entry is the one whose change decides it.
    let mut unseen: HashSet<&String> = keys.iter().filter(|k| !out.contains(*k)).collect();
    if unseen.is_empty() {
        return out;
    }
    let window = first_parents(repo, revert);
    for (i, &c) in window.iter().enumerate() {
        if unseen.is_empty() {
            break;
        }
        if repo.parent_ids(c).map_or(true, |p| p.len() != 1) {
            continue;
        }
        let mut wrote = added_by(repo, c, path);
        wrote.retain(|k| unseen.contains(k));
        if wrote.is_empty() {
            continue;
        }
        unseen.retain(|k| !wrote.contains(*k));
        if undoes(repo, revert, (c, &window[i + 1..]), path) {
            out.extend(wrote);
        }
    }
    out
}

/// The first-parent commits below `revert`, nearest first, at most [`LOOK_BACK`].
fn first_parents(repo: &Repo, revert: Oid) -> Vec<Oid> {
    std::iter::successors(repo.first_parent(revert), |c| repo.first_parent(*c))
        .take(LOOK_BACK)
        .collect()
}

/// Whether `revert` has every file `commit` changed, but the changelog at `path`, as
/// `commit`'s parent had it (and `commit` changed some other file); or, for a file the revert
/// changed, as the parent of one of the `earlier` first-parent commits had it: `git revert -n`
/// of a run of commits that change one file leaves it as it was before the run's first.
fn undoes(repo: &Repo, revert: Oid, (commit, earlier): (Oid, &[Oid]), path: &Path) -> bool {
    let (Some(parent), Ok(paths)) = (repo.first_parent(commit), repo.changed_paths(commit, &[]))
    else {
        return false;
    };
    let before_revert = repo.first_parent(revert);
    let others: Vec<_> = paths.iter().filter(|p| p.as_path() != path).collect();
    !others.is_empty()
        && others.iter().all(|p| {
            let now = repo.blob_at(revert, p);
            now == repo.blob_at(parent, p)
                // A file the revert left alone was not set back by it (a commit since may
                // have changed it back and forth).
                || (before_revert.is_some_and(|b| repo.blob_at(b, p) != now)
                    && earlier.iter().any(|e| {
                        repo.first_parent(*e)
                            .is_some_and(|before| repo.blob_at(before, p) == now)
                    }))
        })
}
