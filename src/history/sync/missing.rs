//! A changelog gone from the work tree while HEAD keeps it (an `rm` by hand, or a `git rm`
//! not committed). It is no file to start afresh and no change to commit: committed, the
//! deletion drops the sections of every release. Every command that finds it says so in the
//! same words, with the command that brings HEAD's copy back.

use std::path::Path;

use crate::git::Repo;

/// What is missing and the command that restores it, when the work tree has nothing at
/// `rel` (from the top) and HEAD stores a file there. `None` for a file a sparse checkout
/// leaves out (absent on purpose) and for one HEAD does not have (not made yet, or deleted
/// by a commit: other rows and refusals name those).
pub fn changelog_missing(repo: &Repo, rel: &Path) -> Option<(String, String)> {
    let root = repo.work_tree()?;
    if root.join(rel).symlink_metadata().is_ok() {
        return None;
    }
    repo.blob_at(repo.head()?, rel)?;
    if repo.left_out_of_sparse_checkout(&[rel]).is_some() {
        return None;
    }
    // A git killed while it rewrote the work tree (`git revert`, `git checkout`) takes the
    // file away and leaves the index's lock, which the checkout that brings it back needs.
    let lock = repo.index_lock_left();
    let left = lock.as_ref().map_or(String::new(), |l| {
        format!(
            ", and {} is left (by a git killed mid-update, unless one is still at work: then wait for it instead)",
            l.display()
        )
    });
    let what = format!(
        "{} is missing from the work tree, though HEAD has it (committing that would delete the sections of every release){left}",
        rel.display()
    );
    let staged = repo.staged_blob(rel).is_some();
    Some((what, restore_command(staged, rel, lock.as_deref())))
}

/// The command that brings back the changelog at `rel`: from the index when it still has it
/// (a staged edit of it comes back too), else from HEAD (a `git rm` took it out of the
/// index as well, where plain `git checkout -- path` finds nothing); the index's `lock`, when
/// one is left, removed first (git's checkout refuses to run while it is there).
fn restore_command(staged: bool, rel: &Path, lock: Option<&Path>) -> String {
    let from = if staged { "" } else { "HEAD " };
    let rm = lock.map_or(String::new(), |l| {
        format!(
            "rm {} && ",
            crate::shellword::quote(&l.display().to_string())
        )
    });
    format!(
        "`{rm}git checkout {from}-- {}` brings it back",
        crate::shellword::from_top(rel)
    )
}

#[cfg(test)]
mod tests {
    use super::restore_command;
    use std::path::Path;

    #[test]
    fn the_restore_takes_heads_copy_when_the_index_lost_it_too() {
        let rel = Path::new("docs/CHANGELOG.md");
        assert_eq!(
            restore_command(true, rel, None),
            "`git checkout -- :/docs/CHANGELOG.md` brings it back"
        );
        assert_eq!(
            restore_command(false, rel, None),
            "`git checkout HEAD -- :/docs/CHANGELOG.md` brings it back"
        );
    }

    #[test]
    fn the_restore_removes_a_left_index_lock_first() {
        let rel = Path::new("CHANGELOG.md");
        assert_eq!(
            restore_command(true, rel, Some(Path::new("/r/.git/index.lock"))),
            "`rm /r/.git/index.lock && git checkout -- :/CHANGELOG.md` brings it back"
        );
    }
}
