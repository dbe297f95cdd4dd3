//! QA228: in a shallow clone whose history holds no release tag (`git clone --depth 1`, the
//! tag below the boundary), pre-push cannot tell which commits are unreleased, and the
//! warning for pushed commits without a changelog entry was dropped without a word. The push
//! now says once that the check was not made, and why; a full clone warns as before, and a
//! shallow clone deep enough to hold the release tag checks and says no note.

use std::path::{Path, PathBuf};

use crate::support::{Repo, released_and_pushed, stderr, text};

const NOTE: &str = "relhook: note: the changelog-entry check was not made: this clone is shallow and holds no release tag; `git fetch --tags --unshallow` makes it possible";

/// v0.1.0 released over `feat: a`, then `fix: b`, all pushed to `origin`.
pub(crate) fn origin() -> (Repo, PathBuf) {
    let repo = released_and_pushed("[checks]\nrequire_tested_tags = false\n");
    let push = repo.git_skipping_relhook(&["push", "-q", "origin", "main"]);
    assert!(push.status.success(), "{}", text(&push));
    let origin = repo.scratch("origin.git");
    (repo, origin)
}

/// A clone of `origin` at `depth` (whole when `None`), relhook installed, with `feat: x`
/// committed there with relhook's hooks skipped (no entry), pushed back: pre-push's lines.
fn pushed_from_clone(repo: &Repo, origin: &Path, depth: Option<u32>) -> Vec<String> {
    pushed_from_clone_as(repo, origin, depth, "feat: x")
}

/// [`pushed_from_clone`] with `message` for the commit.
pub(crate) fn pushed_from_clone_as(
    repo: &Repo,
    origin: &Path,
    depth: Option<u32>,
    message: &str,
) -> Vec<String> {
    let dir = repo.scratch(&format!("clone{}", depth.unwrap_or(0)));
    let url = format!("file://{}", origin.display());
    let depth = depth.map(|d| format!("--depth={d}"));
    let mut args = vec!["clone", "-q", "-b", "main"];
    args.extend(depth.as_deref());
    args.extend([url.as_str(), dir.to_str().unwrap()]);
    let clone = repo.git_in(repo.scratch(".").as_path(), &args, &[]);
    assert!(clone.status.success(), "{}", text(&clone));
    let install = repo.relhook_in(&dir, &["install"]);
    assert!(install.status.success(), "{}", text(&install));
    std::fs::write(dir.join("x.txt"), "x\n").unwrap();
    let skip = [("RELHOOK_SKIP", "1")];
    for args in [&["add", "x.txt"][..], &["commit", "-q", "-m", message]] {
        let out = repo.git_in(&dir, args, &skip);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
    }
    let push = repo.git_in(&dir, &["push", "origin", "main"], &[]);
    assert!(push.status.success(), "{}", text(&push));
    stderr(&push)
        .lines()
        .filter(|l| l.contains("changelog entry") || l.contains("changelog-entry"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_shallow_clone_without_the_release_tag_says_once_the_entry_check_was_not_made() {
    let (repo, origin) = origin();
    assert_eq!(pushed_from_clone(&repo, &origin, Some(1)), [NOTE]);
}

#[test]
fn a_full_clone_and_a_deep_enough_shallow_one_warn_as_before_with_no_note() {
    for depth in [None, Some(3)] {
        let (repo, origin) = origin();
        let lines = pushed_from_clone(&repo, &origin, depth);
        assert_eq!(lines.len(), 1, "{depth:?}: {lines:?}");
        assert!(
            lines[0].starts_with("relhook: warning: 1 pushed commit has no changelog entry ("),
            "{depth:?}: {lines:?}"
        );
    }
}
