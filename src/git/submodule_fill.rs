//! The submodules of a clean test checkout: `git worktree add` leaves each one an empty
//! folder, so a test that needs a submodule's files failed there while it passed in the work
//! tree. They are filled from this clone's own copies of the submodules (no fetch): the files
//! of the commit the checked-out tree names, written beside the copy's repository, with
//! neither its index nor its HEAD touched.

use std::path::{Path, PathBuf};

use git2::{Oid, Repository};

use super::Repo;

/// A submodule of a checkout that stays empty, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfilled {
    /// Its path from the top of the checkout.
    pub path: PathBuf,
    /// The commit the checked-out tree names for it.
    pub commit: Oid,
    /// This clone has the submodule (false: it is not initialized here).
    pub cloned: bool,
}

impl Repo {
    /// Writes the files of every submodule of `commit`'s tree (nested ones too) into `dir`,
    /// a checkout of that commit; returns those this clone cannot fill.
    pub fn fill_submodules(&self, commit: Oid, dir: &Path) -> Vec<Unfilled> {
        let mut unfilled = Vec::new();
        fill(&self.inner, commit, dir, Path::new(""), &mut unfilled);
        unfilled
    }
}

/// Fills the submodules of `commit` (a commit of `repo`) into `dir`; `shown` is `dir`'s path
/// from the top of the checkout.
fn fill(repo: &Repository, commit: Oid, dir: &Path, shown: &Path, out: &mut Vec<Unfilled>) {
    for (path, sub_commit) in gitlinks(repo, commit) {
        let at = shown.join(&path);
        let Some(sub) = open(repo, &path) else {
            out.push(Unfilled {
                path: at,
                commit: sub_commit,
                cloned: false,
            });
            continue;
        };
        let target = dir.join(&path);
        if write_tree(&sub, sub_commit, &target).is_err() {
            out.push(Unfilled {
                path: at,
                commit: sub_commit,
                cloned: true,
            });
            continue;
        }
        fill(&sub, sub_commit, &target, &at, out);
    }
}

/// The submodule entries of `commit`'s tree: path and the commit each names.
fn gitlinks(repo: &Repository, commit: Oid) -> Vec<(PathBuf, Oid)> {
    let Ok(tree) = repo.find_commit(commit).and_then(|c| c.tree()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let _ = tree.walk(git2::TreeWalkMode::PreOrder, |root, entry| {
        if entry.filemode() == i32::from(git2::FileMode::Commit)
            && let Some(name) = entry.name()
        {
            found.push((Path::new(root).join(name), entry.id()));
        }
        git2::TreeWalkResult::Ok
    });
    found
}

/// This clone's copy of the submodule at `path` of `repo`'s work tree: the one checked out
/// there, else the one git keeps under `modules/` (named by its path, git's default).
fn open(repo: &Repository, path: &Path) -> Option<Repository> {
    let in_tree = repo.workdir().map(|w| w.join(path));
    let kept = repo.path().join("modules").join(path);
    in_tree
        .and_then(|p| Repository::open(p).ok())
        .or_else(|| Repository::open(kept).ok())
}

/// Writes `commit`'s files into `target`, leaving `repo`'s index and HEAD as they are.
fn write_tree(repo: &Repository, commit: Oid, target: &Path) -> Result<(), git2::Error> {
    let tree = repo.find_commit(commit)?.tree()?;
    std::fs::create_dir_all(target).map_err(|e| git2::Error::from_str(&e.to_string()))?;
    let mut how = git2::build::CheckoutBuilder::new();
    how.target_dir(target).force().update_index(false);
    repo.checkout_tree(tree.as_object(), Some(&mut how))
}
