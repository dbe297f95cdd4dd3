//! QA306: `git revert --no-commit` of an unreleased change, then `git commit` with a message of
//! one's own (`chore: back out one`): post-commit warned that the commit "took" the reverted
//! change's entry out, "if that was not meant, write back what it lost". The revert meant it;
//! the line now says so, as a note, naming the commit reverted.

use crate::support::{installed_repo, stderr, text};

#[test]
fn a_revert_committed_under_its_own_message_is_not_warned_of_the_entry_it_took_out() {
    let repo = installed_repo();
    repo.commit_hooked("feat: zero");
    repo.commit_hooked("feat: one");
    repo.commit_hooked("feat: two");
    let one = repo.git(&["rev-parse", "HEAD~1"]);
    repo.git(&["revert", "--no-commit", &one]);
    let out = repo
        .command_in("git", &repo.path())
        .args(["commit", "-q", "-m", "chore: back out one"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("(`git revert --no-commit`), and git's revert took `- one` out of CHANGELOG.md, so neither ships"),
        "{err}"
    );
    assert!(!err.contains("warning"), "{err}");
    assert!(!repo.read("CHANGELOG.md").contains("- one"));
}
