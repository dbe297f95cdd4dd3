//! Merge commits and the commit-msg hook: "merges pass" (DESIGN), whatever their message,
//! as `relhook check` and pre-push skip them, unless `ignore_merge_commits = false`.

use crate::support::{Repo, configured_with_a_feature, installed_repo, text};

/// `side` with a commit of its own, and main moved on, so a merge makes a merge commit.
fn diverged(repo: &Repo) {
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.write("side.txt", "side\n");
    repo.git(&["add", "side.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: side work"]);
    repo.git(&["switch", "-q", "main"]);
    repo.write("main.txt", "main\n");
    repo.git(&["add", "main.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: main work"]);
}

#[test]
fn a_merge_with_a_message_of_its_own_passes_commit_msg() {
    let repo = installed_repo();
    diverged(&repo);
    let out = repo.git_output(&["merge", "--no-ff", "-m", "merged stuff", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "merged stuff");
    // What the hook let through, history judges the same way.
    let out = repo.relhook(&["check", "HEAD~1..HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn a_merge_concluded_after_a_conflict_passes_commit_msg() {
    let repo = installed_repo();
    repo.write("both.txt", "base\n");
    repo.git(&["add", "both.txt"]);
    repo.git(&["commit", "-q", "-m", "chore: base"]);
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.write("both.txt", "side\n");
    repo.git(&["commit", "-q", "-am", "fix: side says so"]);
    repo.git(&["switch", "-q", "main"]);
    repo.write("both.txt", "main\n");
    repo.git(&["commit", "-q", "-am", "fix: main says so"]);
    assert!(!repo.git_output(&["merge", "side"]).status.success());
    repo.write("both.txt", "both\n");
    repo.git(&["add", "both.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "took both sides"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-list", "--count", "--merges", "HEAD"]), "1");
}

#[test]
fn merges_are_linted_when_the_configuration_asks() {
    let repo = configured_with_a_feature(|_| "[commit]\nignore_merge_commits = false\n".into());
    diverged(&repo);
    let out = repo.git_output(&["merge", "--no-ff", "-m", "merged stuff", "side"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("header-format"), "{}", text(&out));
    // git keeps the merge under way: a Conventional message concludes it.
    let out = repo.git_output(&["commit", "-q", "-m", "feat: merge side"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-list", "--count", "--merges", "HEAD"]), "1");
}
