//! QA39: adopting relhook on an old history, `git revert` of a commit from before the install
//! (`Fix the thing`) makes `Revert "Fix the thing"`, which the lint judged by a header relhook
//! never judged and pre-push lets go: the revert was refused. It passes now, everywhere but
//! `relhook lint` of the bare message; a revert of a commit made since is judged as before.

use crate::support::{Repo, ok, stderr, stdout, text};

/// `Initial` and `Fix the thing` on main, and `Old backport` on branch `rel`, all made before
/// `relhook install`.
fn adopted() -> Repo {
    let repo = Repo::new();
    repo.commit("Initial");
    repo.commit("Fix the thing");
    repo.git(&["switch", "-q", "-c", "rel", "HEAD~1"]);
    repo.commit("Old backport");
    repo.git(&["switch", "-q", "main"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_revert_of_a_commit_from_before_the_install_passes() {
    let repo = adopted();
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "Revert \"Fix the thing\"");
    assert!(!stderr(&out).contains("Conventional"), "{}", text(&out));
    // A pick of an old commit carries it over: pre-push lets it go, and nothing is said.
    let out = repo.git_output(&["cherry-pick", "rel"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("Conventional"), "{}", text(&out));

    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stdout(&out).contains("all pass"), "{}", text(&out));
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));

    // `git revert --no-commit` then `git commit`: the commit-msg hook agrees.
    let first = repo.git(&["rev-list", "--max-parents=0", "HEAD"]);
    repo.git(&["revert", "--no-commit", &first]);
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "Revert \"Initial\"");
}

#[test]
fn a_revert_of_a_commit_made_since_the_install_is_still_judged() {
    let repo = adopted();
    repo.write("q.txt", "q\n");
    repo.git(&["add", "q.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "Quick hack"]);
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(
        stderr(&out).contains("\"Revert \"Quick hack\"\" is not a Conventional Commit"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["check", "HEAD"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    // A header written by hand that quotes an old commit, without git's line, is judged too.
    repo.write("r.txt", "r\n");
    repo.git(&["add", "r.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "Revert \"Fix the thing\""]);
    assert!(!out.status.success(), "{}", text(&out));
}

/// QA39, second round: git's `Reapply "Fix the thing"`, the revert of that revert, undoes it
/// and quotes the same old words: it passes too.
#[test]
fn the_reapply_of_such_a_revert_passes_too() {
    let repo = adopted();
    repo.git(&["revert", "--no-edit", "HEAD"]);
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "Reapply \"Fix the thing\"");
    assert!(!stderr(&out).contains("Conventional"), "{}", text(&out));
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
