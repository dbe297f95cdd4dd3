//! QA246: a `core.sharedRepository` value git refuses (git writes nothing in the repository
//! with it). relhook still kept its deleted-changelog walk in the git directory, and `release`
//! said "releasing …" and marked itself running before it refused. Now nothing is written and
//! the refusal is the first thing said.

use crate::support::{Repo, listing, stderr, text};

/// A repository whose changelog a commit deleted, a `feat:` commit after it, set to a mode git
/// refuses.
fn refused_repo() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", "chore: drop the changelog"]);
    repo.commit("feat: one");
    repo.git(&["config", "core.sharedRepository", "0440"]);
    repo
}

const REFUSED: &str = "relhook: error: core.sharedRepository is `0440`, a value git refuses";

#[test]
fn a_release_refuses_before_it_says_or_writes_anything() {
    let repo = refused_repo();
    let git_dir = repo.path().join(".git");
    let before = listing(&git_dir);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.starts_with(REFUSED), "{}", text(&out));
    assert!(!err.contains("releasing"), "{}", text(&out));
    assert!(listing(&git_dir) == before, "the git directory was written");
}

#[test]
fn a_sync_keeps_no_walk_in_the_git_directory() {
    let repo = refused_repo();
    let git_dir = repo.path().join(".git");
    let before = listing(&git_dir);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(stderr(&out).starts_with(REFUSED), "{}", text(&out));
    assert!(!git_dir.join("relhook-deleted-walk").exists());
    assert!(listing(&git_dir) == before, "the git directory was written");
}
