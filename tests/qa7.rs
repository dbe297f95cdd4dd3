//! QA pass 7: commit variants whose entry post-commit used to get wrong or drop without a
//! word (trailers hiding a reference, amends it could not rewrite, autosquash and squash
//! rewordings, commits the reflog does not name, entries already there).

use crate::support::hooked_changelog_repo as setup;
use crate::support::{Repo, ok, text};

/// Stages a change to `a.txt` (a new line each time).
fn touch(repo: &Repo) {
    let path = repo.path().join("a.txt");
    let mut a = std::fs::read_to_string(&path).unwrap_or_default();
    a.push_str("x\n");
    std::fs::write(&path, a).unwrap();
    repo.git(&["add", "a.txt"]);
}

/// `git commit -s` (and `--trailer`) puts the trailer in a paragraph of its own after
/// `Fixes #9`: the reference still reaches the entry.
#[test]
fn a_signed_off_commit_keeps_its_issue_reference() {
    let repo = setup();
    touch(&repo);
    ok(repo.git_output(&["commit", "-q", "-s", "-m", "fix: y", "-m", "Fixes #9"]));
    touch(&repo);
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--trailer",
        "Co-authored-by: B <b@example.com>",
        "-m",
        "feat: z",
        "-m",
        "Closes #10",
    ]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- y (#9)\n"), "{log}");
    assert!(log.contains("- z (#10)\n"), "{log}");
    assert!(repo.is_clean(), "{}", text(&repo.git_output(&["status"])));
}
