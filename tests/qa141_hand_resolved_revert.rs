//! QA141: `git revert <id>` stopped on a conflict, resolved by hand (the resolution also
//! drops a file that came to use the reverted feature) and committed with a message of one's
//! own (`git commit -m "revert: drop k"`, or `git revert --continue` with the message
//! edited) added `- drop k` under Removed for a feature no release has, and said it could not
//! tell which commit was reverted: REVERT_HEAD, which commit-msg notes, was trusted only when
//! the revert changed exactly the files the reverted commit did. Now one file in common
//! does, and the revert is treated as git's clean one is: no entry, the feature's gone.

use crate::support::{Repo, installed_repo, ok, stderr, text};

const NEITHER: &str = "no entry added: this commit reverts `- add k`, which no release has, and git's revert took that entry out of CHANGELOG.md, so neither ships";

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    let start = log.find("## [Unreleased]").unwrap();
    log[start..].to_owned()
}

/// A feature `add k` (a line in `shared.txt`, and `k.txt`), then a fix that changes the next
/// line of `shared.txt` and adds `uses_k.txt`: reverting the feature stops on a conflict in
/// `shared.txt`. Resolved by hand: the feature's line out, and `uses_k.txt` deleted too.
/// Returns the repository, stopped with the resolution staged.
fn stopped_revert_resolved() -> Repo {
    let repo = installed_repo();
    repo.write("shared.txt", "one\n");
    repo.git(&["add", "shared.txt"]);
    repo.git(&["commit", "-q", "-m", "chore: shared file"]);
    repo.write("shared.txt", "one\nk\n");
    repo.write("k.txt", "k\n");
    repo.git(&["add", "."]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: add k"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.write("shared.txt", "one\nk, now fixed\n");
    repo.write("uses_k.txt", "k\n");
    repo.git(&["add", "."]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: fix b"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["revert", "HEAD~1"]);
    assert!(
        !out.status.success(),
        "the revert should stop: {}",
        text(&out)
    );
    assert!(repo.path().join(".git/REVERT_HEAD").exists());
    repo.write("shared.txt", "one\n");
    std::fs::remove_file(repo.path().join("uses_k.txt")).unwrap();
    repo.git(&["add", "-A"]);
    repo
}

fn assert_treated_as_a_clean_revert(repo: &Repo, err: &str) {
    assert!(err.contains(NEITHER), "{err}");
    assert!(!err.contains("cannot tell"), "{err}");
    let un = unreleased(repo);
    assert!(!un.contains("drop k") && !un.contains("add k"), "{un}");
    assert!(!un.contains("### Removed"), "{un}");
    assert!(un.contains("- fix b"), "{un}");
    assert!(repo.is_clean());
}

#[test]
fn a_hand_resolved_revert_committed_with_its_own_message_is_a_revert_of_it() {
    let repo = stopped_revert_resolved();
    let out = repo.git_output(&["commit", "-q", "-m", "revert: drop k"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_treated_as_a_clean_revert(&repo, &stderr(&out));
}

#[test]
fn a_hand_resolved_revert_continued_with_an_edited_message_is_one_too() {
    let repo = stopped_revert_resolved();
    let editor = repo.scratch("bin").join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf 'revert: drop k\\n' > \"$1\"\n").unwrap();
    crate::support::make_executable(&editor);
    let out = ok(repo.git_in(
        &repo.path(),
        &["revert", "--continue", "--edit"],
        &[("GIT_EDITOR", editor.to_str().unwrap())],
    ));
    assert_eq!(repo.head_subject(), "revert: drop k");
    assert_treated_as_a_clean_revert(&repo, &stderr(&out));
}
