//! QA43: a scissors line typed into `-m` (or kept in an editor without `-v`) is stored by git
//! with everything below it, but commit-msg cut the message there: a footer git then stored
//! (`BREAKING CHANGE:` with no text) passed commit-msg, and post-commit, `check` and pre-push
//! failed the commit afterwards. commit-msg cuts only where git does (`-v`, whose own comment
//! follows the line, or `--cleanup=scissors`).

use std::process::Output;

use crate::support::{Repo, installed_repo, stderr, text};

const SCISSORS: &str = "# ------------------------ >8 ------------------------";

/// `git commit -m header -m SCISSORS -m footer`, through the hooks.
fn scissors_commit(repo: &Repo, header: &str, footer: &str) -> Output {
    let args = [
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        header,
        "-m",
        SCISSORS,
        "-m",
        footer,
    ];
    repo.git_output(&args)
}

#[test]
fn a_typed_scissors_line_hides_nothing_from_commit_msg() {
    let repo = installed_repo();
    let before = repo.git(&["rev-parse", "HEAD"]);
    let out = scissors_commit(&repo, "fix: with scissors", "BREAKING CHANGE:");
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("footer"), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), before);
    // With text in the footer it is a valid message, stored whole, breaking as it says.
    let out = scissors_commit(
        &repo,
        "fix: with scissors",
        "BREAKING CHANGE: the old flag is gone",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["log", "-1", "--format=%B"]).contains(SCISSORS));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("**BREAKING** with scissors")
    );
    let check = repo.relhook(&["check", "--all"]);
    assert!(check.status.success(), "{}", text(&check));
}

/// `commit.cleanup=scissors` with `-m`: git cleans as `whitespace` when no editor runs, so the
/// typed line and what follows are stored, and judged.
#[test]
fn configured_scissors_cleanup_cuts_nothing_without_an_editor() {
    let repo = installed_repo();
    repo.git(&["config", "commit.cleanup", "scissors"]);
    let out = scissors_commit(&repo, "fix: y", "BREAKING CHANGE:");
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("footer"), "{}", text(&out));
}
