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
