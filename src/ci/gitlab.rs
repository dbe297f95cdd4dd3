//! GitLab CI: the base a pipeline's variables name (merge request diff base or target, a
//! push's previous tip, the default branch).

use super::{Candidate, CiEnv, Plan, Provider, before_then_default, is_zero, remote_then_local};
use crate::git::{Repo, short_hex, short_id};
use crate::{Error, Result};

/// In a GitLab pipeline, refuses a checkout that does not hold the commit the pipeline runs
/// for (CI_COMMIT_SHA): a job that checked out another ref would have its commits judged in
/// the pipeline's name. As GitHub's `verify_head` does for a pull request's head.
pub(super) fn verify_head(env: &CiEnv, repo: &Repo) -> Result<()> {
    if env.var("GITLAB_CI") != Some("true") {
        return Ok(());
    }
    let (Some(want), Some(head)) = (env.var("CI_COMMIT_SHA"), repo.head()) else {
        return Ok(());
    };
    let Some(want_id) = repo.present_commit(want) else {
        return Err(Error::IncompleteHistory {
            message: format!(
                "cannot check the pipeline's commits: its commit {} (CI_COMMIT_SHA) is not in this clone",
                short_hex(want)
            ),
            fix: "check out the pipeline's commit (the job's default checkout), with `GIT_DEPTH: 0` in the job's variables".into(),
        });
    };
    if repo.reaches(head, want_id) {
        return Ok(());
    }
    Err(Error::IncompleteHistory {
        message: format!(
            "HEAD ({}) does not contain the pipeline's commit {} (CI_COMMIT_SHA): this checkout is not what the pipeline runs for",
            short_id(head),
            short_hex(want)
        ),
        fix: "run `relhook check` on the job's own checkout (a script that checks out another ref before it makes the check judge that ref's commits)".into(),
    })
}

pub(super) fn plan(env: &CiEnv) -> Plan {
    let gl = Some(Provider::GitLab);
    let target = env.var("CI_MERGE_REQUEST_TARGET_BRANCH_NAME");
    // A merged-results or merge-train pipeline runs on the merge of the source into the
    // target's tip (set only then): from the diff base, HEAD holds the target's newer commits
    // too, which are not the merge request's to answer for.
    for (var, what) in [
        (
            "CI_MERGE_REQUEST_TARGET_BRANCH_SHA",
            "GitLab merged-results pipeline of a merge request",
        ),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", "GitLab merge request"),
    ] {
        if let Some(sha) = env.var(var).filter(|s| !is_zero(s)) {
            let mut candidates = vec![Candidate::Commit(sha.to_owned())];
            if let Some(t) = target {
                candidates.extend(remote_then_local(t));
            }
            return Plan::MergeBase {
                candidates,
                name: sha.to_owned(),
                why: format!("{what} into `{}` ({var})", target.unwrap_or("its target")),
                provider: gl,
                commit_from: Some(var),
            };
        }
    }
    if let Some(t) = target {
        return Plan::MergeBase {
            candidates: remote_then_local(t),
            name: format!("origin/{t}"),
            why: format!("GitLab merge request into `{t}` (CI_MERGE_REQUEST_TARGET_BRANCH_NAME)"),
            provider: gl,
            commit_from: None,
        };
    }
    if let Some(tag) = env.var("CI_COMMIT_TAG") {
        return Plan::Tag {
            tag: tag.to_owned(),
            why: format!("GitLab tag pipeline of `{tag}` (CI_COMMIT_TAG)"),
        };
    }
    if let Some(before) = env.var("CI_COMMIT_BEFORE_SHA").filter(|s| !is_zero(s)) {
        return Plan::MergeBase {
            candidates: before_then_default(
                before,
                env.var("CI_DEFAULT_BRANCH"),
                env.var("CI_COMMIT_BRANCH"),
            ),
            name: before.to_owned(),
            why: format!(
                "GitLab push: the commits after the branch's previous tip {} (CI_COMMIT_BEFORE_SHA)",
                short_hex(before)
            ),
            provider: gl,
            commit_from: Some("CI_COMMIT_BEFORE_SHA"),
        };
    }
    let default = env.var("CI_DEFAULT_BRANCH");
    match (default, env.var("CI_COMMIT_BRANCH")) {
        (Some(d), Some(b)) if b != d => Plan::MergeBase {
            candidates: remote_then_local(d),
            name: format!("origin/{d}"),
            why: format!(
                "GitLab pipeline of branch `{b}` with no previous tip (CI_COMMIT_BEFORE_SHA is all zeros): the commits not on the default branch `{d}`"
            ),
            provider: gl,
            commit_from: None,
        },
        (Some(d), Some(b)) if b == d => Plan::Local(Some(
            "GitLab pipeline with no previous tip (CI_COMMIT_BEFORE_SHA is all zeros) on the default branch".into(),
        )),
        // Not said to be the default branch when no variable says so.
        _ => Plan::Local(Some(
            "GitLab pipeline with no previous tip (CI_COMMIT_BEFORE_SHA is all zeros) and no branch to compare with (CI_COMMIT_BRANCH, CI_DEFAULT_BRANCH)".into(),
        )),
    }
}
