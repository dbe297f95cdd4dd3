//! Which of the entries a revert's parent had unreleased went with the commits the revert
//! undid. One commit may revert several (`git revert -n A B`, then `git commit`): git's
//! message names only the last one it reverted, yet its revert of the file took every one's
//! entry out, and no conflict's resolution dropped any of them. A commit counts as reverted
//! when the revert's body names it, or when the revert puts back every other file it changed
//! as its parent had it.

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
    let mut at = repo.first_parent(revert);
    for _ in 0..LOOK_BACK {
        let Some(c) = at.filter(|_| !unseen.is_empty()) else {
            break;
        };
        at = repo.first_parent(c);
        if repo.parent_ids(c).map_or(true, |p| p.len() != 1) {
            continue;
        }
        let mut wrote = added_by(repo, c, path);
        wrote.retain(|k| unseen.contains(k));
        if wrote.is_empty() {
            continue;
        }
        unseen.retain(|k| !wrote.contains(*k));
        if undoes(repo, revert, c, path) {
            out.extend(wrote);
        }
    }
    out
}

/// Whether `revert` has every file `commit` changed, but the changelog at `path`, as
/// `commit`'s parent had it (and `commit` changed some other file).
fn undoes(repo: &Repo, revert: Oid, commit: Oid, path: &Path) -> bool {
    let (Some(parent), Ok(paths)) = (repo.first_parent(commit), repo.changed_paths(commit, &[]))
    else {
        return false;
    };
    let others: Vec<_> = paths.iter().filter(|p| p.as_path() != path).collect();
    !others.is_empty()
        && others
            .iter()
            .all(|p| repo.blob_at(revert, p) == repo.blob_at(parent, p))
}
