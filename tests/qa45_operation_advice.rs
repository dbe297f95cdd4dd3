//! QA45: `relhook release` during a cherry-pick or a revert named `git rebase --continue` and
//! `git merge --continue` (both fail: no rebase, no merge) and a bare `--abort`. The refusal
//! names the commands of the operation under way.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// A release refused for the operation under way: the advice line of its refusal.
fn refused_advice(repo: &Repo) -> String {
    let out = repo.relhook(&["release", "--no-test", "--allow-branch"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("is in progress"), "{err}");
    err
}

/// A branch `side` whose `a.txt` conflicts with main's.
fn conflicting_side() -> Repo {
    let repo = installed_repo();
    repo.write("a.txt", "main\n");
    ok(repo.git_output(&["add", "a.txt"]));
    repo.commit_hooked("feat: add a");
    ok(repo.git_output(&["checkout", "-q", "-b", "side", "HEAD~1"]));
    repo.write("a.txt", "side\n");
    ok(repo.git_output(&["add", "a.txt"]));
    repo.commit_hooked("fix: other a");
    repo
}

#[test]
fn a_cherry_pick_in_progress_names_git_cherry_pick() {
    let repo = conflicting_side();
    assert!(!repo.git_output(&["cherry-pick", "main"]).status.success());
    let err = refused_advice(&repo);
    assert!(
        err.contains(
            "next: finish it (`git cherry-pick --continue`) or abort it (`git cherry-pick --abort`), then `relhook release --allow-branch --no-test`"
        ),
        "{err}"
    );
    assert!(!err.contains("git rebase"), "{err}");
    // The abort, pasted, works.
    ok(repo.sh("git cherry-pick --abort"));
}

#[test]
fn a_revert_in_progress_names_git_revert() {
    let repo = conflicting_side();
    ok(repo.git_output(&["revert", "--no-commit", "HEAD"]));
    let err = refused_advice(&repo);
    assert!(err.contains("(`git revert --continue`)"), "{err}");
    assert!(err.contains("(`git revert --abort`)"), "{err}");
    ok(repo.sh("git revert --abort"));
}

#[test]
fn a_merge_and_an_am_in_progress_name_their_own_commands() {
    let repo = conflicting_side();
    let patch = repo.git(&["format-patch", "-1", "main", "--stdout"]);
    assert!(!repo.git_output(&["merge", "main"]).status.success());
    let err = refused_advice(&repo);
    assert!(err.contains("(`git merge --abort`)"), "{err}");
    ok(repo.sh("git merge --abort"));
    let file = repo.scratch("patch").join("a.patch");
    std::fs::write(&file, patch).unwrap();
    assert!(
        !repo
            .git_output(&["am", file.to_str().unwrap()])
            .status
            .success()
    );
    let err = refused_advice(&repo);
    assert!(err.contains("(`git am --abort`)"), "{err}");
    ok(repo.sh("git am --abort"));
}
