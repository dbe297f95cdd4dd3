//! QA50: `git revert -n HEAD HEAD~1` of two unreleased `feat:` commits, then `git commit`:
//! git's revert took both entries out, but post-commit read only the commit the message names
//! and "put back" the other's entry as one a conflict's resolution dropped (there was none).
//! The same when the message names both reverted commits. Now neither entry comes back.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// `feat: add three` and `feat: add four` (entries by the hook), both reverted with `-n`.
fn reverted_both() -> Repo {
    let repo = installed_repo();
    repo.commit_hooked("feat: add three");
    repo.commit_hooked("feat: add four");
    ok(repo.git_output(&["revert", "-n", "HEAD", "HEAD~1"]));
    repo
}

fn assert_neither_back(repo: &Repo, out: &std::process::Output) {
    assert!(out.status.success(), "{}", text(out));
    assert!(!stderr(out).contains("put back"), "{}", text(out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        !log.contains("- add three") && !log.contains("- add four"),
        "{log}"
    );
    assert!(log.contains("- init\n"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert_eq!(stdout(&out), log, "--sync agrees");
}

#[test]
fn a_revert_of_two_commits_with_git_s_message_puts_nothing_back() {
    let repo = reverted_both();
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert_neither_back(&repo, &out);
}

#[test]
fn a_revert_whose_message_names_both_commits_puts_nothing_back() {
    let repo = reverted_both();
    let four = repo.git(&["rev-parse", "HEAD"]);
    let three = repo.git(&["rev-parse", "HEAD~1"]);
    let message = format!(
        "Revert \"feat: add three\" and \"feat: add four\"\n\nThis reverts commit {four}.\nThis reverts commit {three}.\n"
    );
    let out = repo.git_output(&["commit", "-q", "-m", &message]);
    assert_neither_back(&repo, &out);
}
