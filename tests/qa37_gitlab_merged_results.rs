//! QA37: a GitLab merged-results (or merge-train) pipeline runs on the merge of the source
//! branch into the target's tip; checked from the merge request's diff base, it judged the
//! target's newer commits too, and failed the merge request for a commit already on main.

use crate::support::{Repo, relhook_bin, stdout, text};

#[test]
fn a_merged_results_pipeline_checks_the_merge_requests_commits_only() {
    let repo = Repo::new();
    repo.commit("feat: a");
    let base = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["checkout", "-q", "-b", "feat"]);
    repo.commit("feat: good feature");
    let source = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("bad commit already on main");
    repo.commit("fix: later main");
    let target = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["checkout", "-q", "--detach", &target]);
    repo.git(&["merge", "-q", "--no-ff", "--no-edit", &source]);
    repo.git(&["update-ref", "refs/remotes/origin/main", &target]);
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .envs([
            ("CI", "true"),
            ("GITLAB_CI", "true"),
            ("CI_COMMIT_SHA", source.as_str()),
            ("CI_PIPELINE_SOURCE", "merge_request_event"),
            ("CI_MERGE_REQUEST_EVENT_TYPE", "merged_result"),
            ("CI_MERGE_REQUEST_DIFF_BASE_SHA", base.as_str()),
            ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
            ("CI_MERGE_REQUEST_TARGET_BRANCH_SHA", target.as_str()),
            ("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", source.as_str()),
        ])
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains("GitLab merged-results pipeline of a merge request into `main`"),
        "{said}"
    );
    assert!(!said.contains("bad commit"), "{said}");
    assert!(said.contains("all pass"), "{said}");
}

/// QA37: `relhook check nonexist..HEAD` in a shallow clone was blamed on its depth ("names
/// history that this shallow clone did not fetch"), with `--unshallow` for a fix.
#[test]
fn a_mistyped_name_in_a_shallow_clone_is_not_blamed_on_its_depth() {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.commit("feat: b");
    let clone = repo.scratch("shallow");
    let url = format!("file://{}", repo.path().display());
    crate::support::ok(repo.git_in(
        &repo.scratch(""),
        &["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()],
        &[],
    ));
    let out = repo.relhook_in(&clone, &["check", "nonexist..HEAD"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(!text(&out).contains("shallow"), "{}", text(&out));
    assert!(text(&out).contains("nonexist"), "{}", text(&out));
}
