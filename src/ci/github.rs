//! GitHub Actions: the base a workflow run's event names (pull request, merge queue, push),
//! and the check that a pull request's checkout really is the pull request.

use super::{Candidate, CiEnv, Plan, Provider, before_then_default, is_zero, remote_then_local};
use crate::git::{Repo, short_hex, short_id};
use crate::{Error, Result};

/// The tag the run is for: `GITHUB_REF` (or the payload's `ref`) under `refs/tags/`, or
/// `GITHUB_REF_NAME` when `GITHUB_REF_TYPE` is `tag`.
pub(super) fn tag(env: &CiEnv) -> Option<&str> {
    env.var("GITHUB_REF")
        .or_else(|| env.event_str(&["ref"]))
        .and_then(|r| r.strip_prefix("refs/tags/"))
        .or_else(|| {
            env.var("GITHUB_REF_NAME")
                .filter(|_| env.var("GITHUB_REF_TYPE") == Some("tag"))
        })
}

pub(super) fn plan(env: &CiEnv) -> Plan {
    let event = env.var("GITHUB_EVENT_NAME").unwrap_or("unknown");
    let gh = Some(Provider::GitHub);
    if let Some(plan) = pull_request(env, event) {
        return plan;
    }
    // A tag's pipeline checks the release it tags, whatever the event (README's rule): the
    // push's `before` is all zeros for a new tag, which is no new branch.
    if let Some(tag) = tag(env) {
        return Plan::Tag {
            tag: tag.to_owned(),
            why: format!("GitHub Actions `{event}` of tag `{tag}` (GITHUB_REF)"),
        };
    }
    // A push's or a queue's base is in the payload alone: without it, said as that, not
    // guessed (an event that names no base says so below).
    if env.github_event.is_none() {
        let why = match (env.event_unread, env.var("GITHUB_EVENT_PATH")) {
            (Some(why), _) => Some(why),
            (None, Some(_)) => Some("could not be read"),
            (None, None) if matches!(event, "push" | "merge_group") => Some("is not set"),
            (None, None) => None,
        };
        if let Some(why) = why {
            return Plan::Local(Some(format!(
                "GitHub Actions `{event}` without its event payload (GITHUB_EVENT_PATH {why})"
            )));
        }
    }
    if event == "merge_group" {
        if let Some(sha) = env.event_str(&["merge_group", "base_sha"]) {
            return Plan::MergeBase {
                candidates: vec![Candidate::Commit(sha.to_owned())],
                name: sha.to_owned(),
                why: "GitHub Actions `merge_group`: the queue's base (merge_group.base_sha)".into(),
                provider: gh,
                commit_from: Some("merge_group.base_sha in GITHUB_EVENT_PATH"),
            };
        }
        return Plan::Local(Some(
            "GitHub Actions `merge_group` without merge_group.base_sha in its event payload (GITHUB_EVENT_PATH)"
                .into(),
        ));
    }
    if event == "push" {
        let forced = env.event_bool(&["forced"]);
        // A payload without `before` names no previous tip: that is not a new branch (whose
        // `before` is all zeros), so nothing is invented from it.
        let Some(before) = env.event_str(&["before"]).or(forced.then_some("")) else {
            return Plan::Local(Some(
                "GitHub Actions `push` without `before` in its event payload (GITHUB_EVENT_PATH)"
                    .into(),
            ));
        };
        let before = Some(before).filter(|b| !b.is_empty() && !is_zero(b));
        let default = env.event_str(&["repository", "default_branch"]);
        let branch = env.var("GITHUB_REF_NAME");
        if let (Some(before), false) = (before, forced) {
            return Plan::MergeBase {
                candidates: before_then_default(before, default, branch),
                name: before.to_owned(),
                why: format!(
                    "GitHub Actions `push`: the commits after the branch's previous tip {} (`before` in GITHUB_EVENT_PATH)",
                    short_hex(before)
                ),
                provider: gh,
                commit_from: Some("`before` in GITHUB_EVENT_PATH"),
            };
        }
        let what = if forced {
            "a forced push"
        } else {
            "a new branch (`before` is all zeros)"
        };
        return match default {
            Some(d) if branch != Some(d) => Plan::MergeBase {
                candidates: remote_then_local(d),
                name: format!("origin/{d}"),
                why: format!(
                    "GitHub Actions `push` of {what}: the commits not on the default branch `{d}`"
                ),
                provider: gh,
                commit_from: None,
            },
            Some(_) => Plan::Local(Some(format!(
                "GitHub Actions `push` of {what} to the default branch"
            ))),
            // Nothing to say which branch is the default: not said to be it.
            None => Plan::Local(Some(format!(
                "GitHub Actions `push` of {what}, whose event payload names no default branch (repository.default_branch)"
            ))),
        };
    }
    Plan::Local(Some(format!("GitHub Actions `{event}` names no base")))
}

/// A pull request's base: the base branch as fetched (`origin/<GITHUB_BASE_REF>`, else the
/// payload's `pull_request.base.ref`), then the commit the payload names
/// (`pull_request.base.sha`). A local branch of that name stands in only when the payload names
/// no commit: beside one it names, a branch left in the workspace is a guess, and a base that
/// is not in the clone is refused with the fix rather than checked from a wrong range. None
/// when the run is no pull request's (no GITHUB_BASE_REF, no `pull_request.base` in the
/// payload).
fn pull_request(env: &CiEnv, event: &str) -> Option<Plan> {
    let sha = env.event_str(&["pull_request", "base", "sha"]);
    let (base, from) = match env.var("GITHUB_BASE_REF") {
        Some(b) => (Some(b), "GITHUB_BASE_REF"),
        None => (
            env.event_str(&["pull_request", "base", "ref"]),
            "pull_request.base in GITHUB_EVENT_PATH",
        ),
    };
    if base.is_none() && sha.is_none() {
        return None;
    }
    let mut candidates = Vec::new();
    if let Some(b) = base {
        candidates.push(Candidate::Ref(format!("refs/remotes/origin/{b}")));
    }
    if let Some(sha) = sha {
        candidates.push(Candidate::Commit(sha.to_owned()));
    }
    if let (Some(b), None) = (base, sha) {
        candidates.push(Candidate::Ref(format!("refs/heads/{b}")));
    }
    let (name, why) = match base {
        Some(b) => (
            format!("origin/{b}"),
            format!("GitHub Actions `{event}` into `{b}` ({from})"),
        ),
        None => (
            short_hex(sha.unwrap_or_default()).to_string(),
            format!("GitHub Actions `{event}`: the pull request's base ({from})"),
        ),
    };
    Some(Plan::MergeBase {
        candidates,
        name,
        why,
        provider: Some(Provider::GitHub),
        commit_from: sha.map(|_| "pull_request.base.sha in GITHUB_EVENT_PATH"),
    })
}

/// In a GitHub pull request, HEAD must contain the pull request's head commit
/// (`pull_request.head.sha`): `pull_request_target` workflows check out the base branch by
/// default, and checking that finds nothing to check, a pass of commits never seen.
pub(super) fn verify_head(env: &CiEnv, repo: &Repo) -> Result<()> {
    // A pull request's run: GITHUB_BASE_REF, or (where a step passes on only some of the
    // variables) the payload's own pull request.
    let pull_request = env.var("GITHUB_BASE_REF").is_some()
        || env.event_str(&["pull_request", "base", "sha"]).is_some();
    if env.var("GITHUB_ACTIONS") != Some("true") {
        return Ok(());
    }
    if !pull_request {
        return verify_pushed(env, repo);
    }
    let (Some(want), Some(head)) = (env.event_str(&["pull_request", "head", "sha"]), repo.head())
    else {
        return Ok(());
    };
    let checkout = "check out the pull request (actions/checkout `with: { ref: ${{ github.event.pull_request.head.sha }}, fetch-depth: 0 }`)";
    let Some(want_id) = repo.present_commit(want) else {
        return Err(Error::IncompleteHistory {
            message: format!(
                "cannot check the pull request: its head commit {} (pull_request.head.sha) is not in this clone",
                short_hex(want)
            ),
            fix: format!("{checkout}, or give actions/checkout `fetch-depth: 0`"),
        });
    };
    if repo.reaches(head, want_id) {
        return Ok(());
    }
    Err(Error::IncompleteHistory {
        message: format!(
            "HEAD ({}) does not contain the pull request's head commit {} (pull_request.head.sha): this checkout is not the pull request (with `pull_request_target`, actions/checkout checks out the base branch)",
            short_id(head),
            short_hex(want)
        ),
        fix: checkout.into(),
    })
}

/// In a GitHub `push` run, HEAD must contain the pushed commit (GITHUB_SHA, the payload's
/// `after`): a step that checked out another ref would have that ref's commits judged, and
/// passed, in the push's name. As GitLab's CI_COMMIT_SHA is checked.
fn verify_pushed(env: &CiEnv, repo: &Repo) -> Result<()> {
    if env.var("GITHUB_EVENT_NAME") != Some("push") {
        return Ok(());
    }
    let want = env
        .var("GITHUB_SHA")
        .or_else(|| env.event_str(&["after"]))
        .filter(|s| !super::is_zero(s));
    let (Some(want), Some(head)) = (want, repo.head()) else {
        return Ok(());
    };
    let Some(want_id) = repo.present_commit(want) else {
        return Err(Error::IncompleteHistory {
            message: format!(
                "cannot check the push: its commit {} (GITHUB_SHA) is not in this clone",
                short_hex(want)
            ),
            fix: "check out the pushed commit (actions/checkout's default), with `fetch-depth: 0`"
                .into(),
        });
    };
    if repo.reaches(head, want_id) {
        return Ok(());
    }
    Err(Error::IncompleteHistory {
        message: format!(
            "HEAD ({}) does not contain the pushed commit {} (GITHUB_SHA): this checkout is not what the push is for",
            short_id(head),
            short_hex(want)
        ),
        fix: "run `relhook check` on the job's own checkout (a step that checks out another ref before it makes the check judge that ref's commits)".into(),
    })
}
