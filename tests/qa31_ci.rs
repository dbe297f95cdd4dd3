//! QA31: a GitLab pipeline whose checkout is not its commit (CI_COMMIT_SHA) had another ref's
//! commits judged in its name, where GitHub's pull request check refuses.

use crate::support::{Repo, stderr, stdout, text};

#[test]
fn a_gitlab_checkout_that_is_not_the_pipelines_commit_refuses() {
    let repo = Repo::new();
    repo.commit("feat: one");
    let fork = repo.commit("fix: two");
    let pipeline = repo.commit("feat: the pipeline's commit");
    repo.git(&["checkout", "-q", "--detach", &fork]);
    let env = [
        ("GITLAB_CI", "true"),
        ("CI_COMMIT_BEFORE_SHA", fork.as_str()),
        ("CI_COMMIT_SHA", pipeline.as_str()),
    ];
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.arg("check").envs(env);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains(&format!(
            "HEAD ({}) does not contain the pipeline's commit {} (CI_COMMIT_SHA)",
            &fork[..9],
            &pipeline[..9]
        )),
        "{}",
        text(&out)
    );
    // The pipeline's own checkout is checked as before.
    repo.git(&["checkout", "-q", "--detach", &pipeline]);
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.arg("check").envs(env);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stdout(&out).contains("checked 1 commit"), "{}", text(&out));
    // A commit the clone does not have: said, with the fix.
    let missing = "0123456789abcdef0123456789abcdef01234567";
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.arg("check").envs([
        ("GITLAB_CI", "true"),
        ("CI_COMMIT_BEFORE_SHA", fork.as_str()),
        ("CI_COMMIT_SHA", missing),
    ]);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("(CI_COMMIT_SHA) is not in this clone"),
        "{}",
        text(&out)
    );
}

/// QA32: GitHub's `push` run, as GitLab's pipeline: a checkout not containing the pushed
/// commit (GITHUB_SHA) passed commits it never looked at.
#[test]
fn a_github_push_checkout_that_is_not_the_pushed_commit_refuses() {
    let repo = Repo::new();
    repo.commit("feat: one");
    let base = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["checkout", "-q", "-b", "side"]);
    let pushed = repo.commit("WIP bad message");
    repo.git(&["checkout", "-q", "main"]);
    let event = repo.scratch("event").join("push.json");
    std::fs::write(
        &event,
        format!(r#"{{"before":"{base}","after":"{pushed}"}}"#),
    )
    .unwrap();
    let run = |repo: &Repo| {
        let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
        cmd.arg("check").envs([
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_SHA", pushed.as_str()),
            ("GITHUB_REF", "refs/heads/side"),
            ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
        ]);
        cmd.output().unwrap()
    };
    let out = run(&repo);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains(&format!(
            "does not contain the pushed commit {} (GITHUB_SHA)",
            &pushed[..9]
        )),
        "{}",
        text(&out)
    );
    // The push's own checkout is judged: its commit fails the lint.
    repo.git(&["checkout", "-q", "side"]);
    let out = run(&repo);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}
