//! A path the dirty-tree check lists that the work tree holds as no regular file (a FIFO, a
//! device) where git tracks one, `yarn.lock` or any other: git can neither commit nor stash
//! it, so "commit or stash" would not work; the file is put back instead.

use std::path::Path;

use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::changelog::{NotAFile, not_a_file, not_a_file_what};

/// The first of `dirty` (paths from the top, as `dirty_paths` lists them) that is a FIFO or
/// another special file, as a refusal whose fix removes it and restores HEAD's, ending
/// "then `again` again". A directory or a link is left to the clean-tree fix.
pub fn special_dirty(repo: &Repo, dirty: &[String], again: &str) -> Option<Refusal> {
    let root = repo.work_tree()?;
    dirty.iter().find_map(|p| {
        let (what, step) = special(repo, &root, p)?;
        Some(Refusal::new(
            Reason::DirtyTree,
            format!("{what}, which git can neither commit nor stash"),
            format!("`{step}`, then {again} again"),
        ))
    })
}

/// For a list of `dirty` paths whose advice would be "commit or stash" (the release's last
/// words, pre-push's refusal): the steps that put HEAD's file back in place of each special
/// one, why, and "commit or stash" for the others; `None` when none is special.
pub fn special_advice(repo: &Repo, dirty: &[String]) -> Option<String> {
    let root = repo.work_tree()?;
    let (mut whats, mut steps, mut others) = (Vec::new(), Vec::new(), Vec::new());
    for p in dirty {
        match special(repo, &root, p) {
            Some((what, step)) => {
                whats.push(what);
                steps.push(step);
            }
            None => others.push(p.clone()),
        }
    }
    if steps.is_empty() {
        return None;
    }
    let rest = match others.as_slice() {
        [] => String::new(),
        _ => format!("; commit or stash {}", crate::printable::list(&others)),
    };
    Some(format!(
        "`{}` ({}, which git can neither commit nor stash){rest}",
        steps.join(" && "),
        whats.join("; ")
    ))
}

/// What `p` is when the work tree holds it as a FIFO or another special file, and the step
/// that removes it and puts HEAD's file back (removing it is all without one).
fn special(repo: &Repo, root: &Path, p: &str) -> Option<(String, String)> {
    let rel = Path::new(p);
    let kind = not_a_file(root, rel)?;
    if matches!(kind, NotAFile::Directory { .. } | NotAFile::DanglingLink) {
        return None;
    }
    // Paths from the top, so that the step works pasted in any folder of the work tree.
    let (word, top) = (
        crate::shellword::below_top(rel),
        crate::shellword::from_top(rel),
    );
    let committed = repo
        .head()
        .and_then(|h| repo.file_at(h, rel).ok()?)
        .is_some();
    let step = match committed {
        true => format!("rm {word} && git checkout -- {top}"),
        false => format!("rm {word}"),
    };
    Some((not_a_file_what(rel, kind), step))
}

/// Why a hand tag is refused over `dirty` (none when it is empty): a FIFO as
/// [`special_dirty`] says it, else the tree is not clean.
pub fn tag_dirty(repo: &Repo, dirty: &[String]) -> Option<String> {
    if let Some(r) = special_dirty(repo, dirty, "tag") {
        return Some(r.to_string());
    }
    (!dirty.is_empty()).then(|| {
        format!(
            "the working tree is not clean ({}): a release is tagged on a clean tree; {}",
            crate::printable::list(dirty),
            super::clean_tree_fix(repo, dirty)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_fifo_of_any_name_is_removed_and_the_committed_file_restored() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        crate::git::testing::git(root, &["init", "-q", "-b", "main"]);
        std::fs::write(root.join("yarn.lock"), "lock\n").unwrap();
        crate::git::testing::git(root, &["add", "."]);
        crate::git::testing::git(root, &["commit", "-qm", "chore: start"]);
        let repo = Repo::open(root).unwrap();
        let dirty = ["a b".to_owned(), "yarn.lock".to_owned()];
        std::fs::write(root.join("a b"), "x").unwrap();
        assert_eq!(special_dirty(&repo, &dirty, "release"), None);
        std::fs::remove_file(root.join("yarn.lock")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(root.join("yarn.lock"))
            .status()
            .unwrap();
        assert!(made.success());
        let r = special_dirty(&repo, &dirty, "release").unwrap();
        assert_eq!(
            r.to_string(),
            "yarn.lock is a FIFO (named pipe), not a file, which git can neither commit nor stash; `rm \"$(git rev-parse --show-toplevel)\"/yarn.lock && git checkout -- :/yarn.lock`, then release again"
        );
        assert_eq!(
            special_advice(&repo, &dirty).unwrap(),
            "`rm \"$(git rev-parse --show-toplevel)\"/yarn.lock && git checkout -- :/yarn.lock` (yarn.lock is a FIFO (named pipe), not a file, which git can neither commit nor stash); commit or stash a b"
        );
        assert_eq!(special_advice(&repo, &dirty[..1]), None);
    }
}
