//! QA306: `relhook changelog --rebuild` on a branch with no commit yet (`git checkout
//! --orphan`) while release tags exist printed the bare template, and said nothing of why:
//! the releases seemed lost. It now says in one line that HEAD has no commit to rebuild from
//! and names the tags it cannot reach.

use crate::support::{Repo, stderr, stdout, text};

/// Two releases tagged on `main`, then an orphan branch checked out (its files staged).
fn orphan_after_releases() -> Repo {
    let repo = Repo::new();
    repo.commit("feat: one");
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.commit("fix: two");
    repo.git(&["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
    repo.git(&["checkout", "-q", "--orphan", "fresh"]);
    repo
}

const WHY: &str = "HEAD has no commit yet, so nothing was rebuilt from history: release tags v0.1.1 and v0.1.0 are on commits this branch does not have";

#[test]
fn a_rebuild_on_an_unborn_branch_says_why_it_is_empty() {
    let repo = orphan_after_releases();
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stdout(&out).trim_end().ends_with("## [Unreleased]"));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(&format!("relhook: {WHY}")), "{err}");
    // Written, it says so too.
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stderr(&out).contains(WHY), "{}", text(&out));
}

#[test]
fn an_unborn_branch_without_release_tags_says_nothing_more() {
    let repo = Repo::new();
    repo.commit("feat: one");
    repo.git(&["checkout", "-q", "--orphan", "fresh"]);
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stderr(&out), "", "{}", text(&out));
}
