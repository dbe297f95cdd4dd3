//! QA40: in a full CI clone, a base commit that the CI's variables name but the clone lacks
//! (GitLab's CI_COMMIT_BEFORE_SHA or GitHub's push `before`, force-pushed over) got the hint to
//! check that `<sha>` names a branch, tag or commit, or to fetch it: the user named nothing.
//! It now says, as the shallow clone's hint did, that a force-pushed-over commit is in no clone,
//! and names the CI variable the commit came from.

use std::path::{Path, PathBuf};

use crate::support::{Repo, relhook_bin, stderr, text};

/// A full clone of a one-commit repository, and a commit it lacks (made, never pushed).
fn ci_clone() -> (Repo, PathBuf, String) {
    let repo = Repo::new();
    repo.commit("feat: a");
    let gone = repo.git(&["commit-tree", "-m", "x", "HEAD^{tree}"]);
    let ci = repo.scratch("ci");
    std::fs::remove_dir(&ci).ok();
    let url = repo.path().display().to_string();
    repo.git(&["clone", "-q", "--no-local", &url, ci.to_str().unwrap()]);
    (repo, ci, gone)
}

fn check(repo: &Repo, ci: &Path, env: &[(&str, &str)]) -> String {
    let out = repo
        .command_in(relhook_bin(), ci)
        .arg("check")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        !stderr(&out).contains("names a branch, tag or commit"),
        "{}",
        text(&out)
    );
    stderr(&out)
}

#[test]
fn a_gitlab_previous_tip_not_in_a_full_clone_is_said_pushed_over() {
    let (repo, ci, gone) = ci_clone();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let err = check(
        &repo,
        &ci,
        &[
            ("GITLAB_CI", "true"),
            ("CI_COMMIT_BEFORE_SHA", &gone),
            ("CI_COMMIT_SHA", &head),
            ("CI_COMMIT_BRANCH", "main"),
            ("CI_DEFAULT_BRANCH", "main"),
        ],
    );
    assert!(
        err.contains(
            "if that commit (CI_COMMIT_BEFORE_SHA) was force-pushed over, no clone has it: name the base instead (`relhook check --base REF`)"
        ),
        "{err}"
    );
}

#[test]
fn a_github_push_before_not_in_a_full_clone_is_said_pushed_over() {
    let (repo, ci, gone) = ci_clone();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let event = repo.scratch("event").join("push.json");
    std::fs::write(
        &event,
        format!(
            r#"{{"before":"{gone}","after":"{head}","forced":false,"repository":{{"default_branch":"main"}}}}"#
        ),
    )
    .unwrap();
    let err = check(
        &repo,
        &ci,
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_REF_NAME", "main"),
            ("GITHUB_SHA", &head),
            ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
        ],
    );
    assert!(
        err.contains(
            "if that commit (`before` in GITHUB_EVENT_PATH) was force-pushed over, no clone has it: name the base instead (`relhook check --base REF`)"
        ),
        "{err}"
    );
}
