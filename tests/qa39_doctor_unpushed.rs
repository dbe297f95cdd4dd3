//! QA39: `relhook doctor` said "all is well" while commits not pushed yet failed the lint
//! (a `--no-verify` commit, git's cherry-pick and revert of it), which `relhook check` fails
//! and pre-push refuses. doctor warns, with the rebase that rewords them; pushed, they are
//! the remote's, and doctor says nothing of them.

use crate::support::{installed_repo, ok, stdout, text};

#[test]
fn doctor_warns_of_unpushed_commits_that_fail_the_lint() {
    let repo = installed_repo();
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.write("s.txt", "s\n");
    repo.git(&["add", "s.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "Quick hack"]);
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["cherry-pick", "side"]);
    repo.git(&["revert", "--no-edit", "HEAD"]);
    let base = repo.git(&["rev-parse", "--short=9", "HEAD~2"]);

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains(" WARNING  unpushed commits: 2 commits not pushed yet fail the lint; pre-push refuses them: "),
        "{}",
        text(&out)
    );
    assert!(
        said.contains(&format!(
            "fix: reword them before pushing: `git rebase -i {base}`, mark "
        )) && said.contains(&format!("(`relhook check {base}..HEAD` explains each)")),
        "{}",
        text(&out)
    );
    assert!(!said.contains("all is well"), "{}", text(&out));
    // As `relhook check` and pre-push judge them.
    assert_eq!(repo.relhook(&["check"]).status.code(), Some(1));

    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--no-verify", "origin", "main"]));
    repo.git(&["fetch", "-q", "origin"]);
    let out = ok(repo.relhook(&["doctor"]));
    assert!(!stdout(&out).contains("unpushed commits"), "{}", text(&out));
}

/// QA39, second round: with a local release tag above the commit (`relhook release
/// --allow-unlinted`), the plain rebase left the tag on the old history and the release's
/// notes without the reworded entry: doctor gives pre-push's steps around it.
#[test]
fn doctor_gives_the_release_again_when_a_local_release_tag_is_above() {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    repo.with_origin();
    repo.git(&[
        "push",
        "-q",
        "--no-verify",
        "--follow-tags",
        "origin",
        "main",
    ]);
    repo.write("q.txt", "q\n");
    repo.git(&["add", "q.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "bad stuff"]);
    repo.commit_hooked("fix: r");
    ok(repo.relhook(&["release", "--no-test", "--allow-unlinted"]));
    let tag = repo.git(&["describe", "--tags", "--exact-match", "HEAD"]);
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains(&format!(
            "fix: reword it before pushing: `git tag -d {} && git reset --keep HEAD~1` first",
            tag.trim()
        )) && said.contains("(makes the release again, with it)"),
        "{}",
        text(&out)
    );
}
