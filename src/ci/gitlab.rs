//! GitLab CI: the base a pipeline's variables name (merge request diff base or target, a
//! push's previous tip, the default branch).

use super::{Candidate, CiEnv, Plan, Provider, before_then_default, is_zero, remote_then_local};
use crate::git::short_hex;

pub(super) fn plan(env: &CiEnv) -> Plan {
    let gl = Some(Provider::GitLab);
    let target = env.var("CI_MERGE_REQUEST_TARGET_BRANCH_NAME");
    if let Some(sha) = env
        .var("CI_MERGE_REQUEST_DIFF_BASE_SHA")
        .filter(|s| !is_zero(s))
    {
        let mut candidates = vec![Candidate::Commit(sha.to_owned())];
        if let Some(t) = target {
            candidates.extend(remote_then_local(t));
        }
        return Plan::MergeBase {
            candidates,
            name: sha.to_owned(),
            why: format!(
                "GitLab merge request into `{}` (CI_MERGE_REQUEST_DIFF_BASE_SHA)",
                target.unwrap_or("its target")
            ),
            provider: gl,
        };
    }
    if let Some(t) = target {
        return Plan::MergeBase {
            candidates: remote_then_local(t),
            name: format!("origin/{t}"),
            why: format!("GitLab merge request into `{t}` (CI_MERGE_REQUEST_TARGET_BRANCH_NAME)"),
            provider: gl,
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
        },
        _ => Plan::Local(Some(
            "GitLab pipeline with no previous tip (CI_COMMIT_BEFORE_SHA is all zeros) on the default branch".into(),
        )),
    }
}
