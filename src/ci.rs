//! Which commits `relhook check` must see, and why. In CI the answer comes from the CI's own
//! variables (GitHub Actions, GitLab CI) or from `--base`: exactly merge-base(base, HEAD)..HEAD.
//! When the clone cannot answer (the base was not fetched, the history is too shallow to hold
//! the merge base, the range runs into the shallow boundary), the answer is an error naming
//! the exact fix, never a smaller range: a check that did not see a commit must not pass it.
//!
//! The environment is read by the caller into [`CiEnv`]; this module decides.

use std::collections::BTreeMap;

use git2::Oid;

use crate::git::{MergeBase, Range, Repo, short_hex, short_id};
use crate::{Error, Result};

/// The variables the decision reads, and GitHub's event payload (`GITHUB_EVENT_PATH`).
#[derive(Debug, Clone, Default)]
pub struct CiEnv {
    vars: BTreeMap<String, String>,
    github_event: Option<serde_json::Value>,
}

/// The variables [`CiEnv`] reads.
pub const VARIABLES: &[&str] = &[
    "GITHUB_ACTIONS",
    "GITHUB_EVENT_NAME",
    "GITHUB_BASE_REF",
    "GITHUB_REF_NAME",
    "GITHUB_EVENT_PATH",
    "GITLAB_CI",
    "CI_MERGE_REQUEST_DIFF_BASE_SHA",
    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
    "CI_COMMIT_BEFORE_SHA",
    "CI_COMMIT_BRANCH",
    "CI_COMMIT_TAG",
    "CI_DEFAULT_BRANCH",
];

impl CiEnv {
    /// From a variable lookup and GitHub's event payload (the text of `GITHUB_EVENT_PATH`).
    pub fn new(lookup: impl Fn(&str) -> Option<String>, event_text: Option<&str>) -> Result<CiEnv> {
        let vars = VARIABLES
            .iter()
            .filter_map(|k| lookup(k).map(|v| ((*k).to_owned(), v)))
            .collect();
        let github_event = match event_text {
            Some(t) => Some(serde_json::from_str(t).map_err(|e| {
                Error::Usage(format!(
                    "GITHUB_EVENT_PATH does not hold GitHub's event JSON: {e}"
                ))
            })?),
            None => None,
        };
        Ok(CiEnv { vars, github_event })
    }

    /// A variable, when set and not empty.
    fn var(&self, key: &str) -> Option<&str> {
        self.vars
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    fn event_str(&self, path: &[&str]) -> Option<&str> {
        let mut v = self.github_event.as_ref()?;
        for key in path {
            v = v.get(key)?;
        }
        v.as_str().filter(|s| !s.is_empty())
    }

    fn event_bool(&self, path: &[&str]) -> bool {
        let mut v = self.github_event.as_ref();
        for key in path {
            v = v.and_then(|v| v.get(key));
        }
        v.and_then(serde_json::Value::as_bool).unwrap_or(false)
    }
}

/// The CI system a range came from; it decides how the fix is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// GitHub Actions.
    GitHub,
    /// GitLab CI.
    GitLab,
}

/// A commit the base may be, tried in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Candidate {
    /// A full ref name (`refs/remotes/origin/main`).
    Ref(String),
    /// A full commit id (from the CI's variables or event).
    Commit(String),
    /// A revision as the user typed it (`--base`).
    Revision(String),
}

impl Candidate {
    fn label(&self) -> String {
        match self {
            Candidate::Ref(r) => r
                .strip_prefix("refs/remotes/")
                .or_else(|| r.strip_prefix("refs/heads/"))
                .unwrap_or(r)
                .to_owned(),
            Candidate::Commit(c) => c.clone(),
            Candidate::Revision(r) => r.clone(),
        }
    }
}

/// What the environment asks for, before the repository is consulted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// merge-base(base, HEAD)..HEAD, with the base the first candidate present.
    MergeBase {
        /// Candidates for the base, in order.
        candidates: Vec<Candidate>,
        /// The base as people name it (`origin/main`, `the push's previous tip`).
        name: String,
        /// Why this range.
        why: String,
        /// Where the decision came from (`None`: `--base`).
        provider: Option<Provider>,
    },
    /// All of HEAD's history (`--all`).
    All,
    /// No CI base: the branch's upstream, else the last release tag, else all history. The
    /// string says why CI did not decide, when CI was detected.
    Local(Option<String>),
}

/// The range chosen, what it contains, and why.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The range to walk.
    pub range: Range,
    /// The commit the range starts after (its merge base), if any.
    pub base: Option<Oid>,
    /// HEAD's commit.
    pub head: Option<Oid>,
    /// Why this range, in one line.
    pub why: String,
    /// What decided: `github`, `gitlab`, `base`, `all`, `upstream`, `tag`, `history`, `explicit`.
    pub source: &'static str,
    /// The fix to print when the walk reaches the shallow boundary.
    pub shallow_fix: String,
}

fn is_zero(sha: &str) -> bool {
    !sha.is_empty() && sha.bytes().all(|b| b == b'0')
}

/// Decides from the environment what to check when no range is given.
pub fn plan(env: &CiEnv, base: Option<&str>, all: bool) -> Plan {
    if all {
        return Plan::All;
    }
    if let Some(b) = base {
        return Plan::MergeBase {
            candidates: vec![Candidate::Revision(b.to_owned())],
            name: b.to_owned(),
            why: format!("--base {b}"),
            provider: None,
        };
    }
    if env.var("GITHUB_ACTIONS") == Some("true") {
        return github(env);
    }
    if env.var("GITLAB_CI") == Some("true") {
        return gitlab(env);
    }
    Plan::Local(None)
}

fn remote_then_local(branch: &str) -> Vec<Candidate> {
    vec![
        Candidate::Ref(format!("refs/remotes/origin/{branch}")),
        Candidate::Ref(format!("refs/heads/{branch}")),
    ]
}

/// A push's previous tip, then (for a branch other than the default one) where the branch
/// left the default branch: a force-pushed-over tip is in no clone, and the commits not on the
/// default branch include every commit the push brought. On the default branch itself that
/// fallback would be an empty range, so there is none.
fn before_then_default(
    before: &str,
    default: Option<&str>,
    branch: Option<&str>,
) -> Vec<Candidate> {
    let mut c = vec![Candidate::Commit(before.to_owned())];
    if let (Some(d), Some(b)) = (default, branch) {
        if b != d {
            c.extend(remote_then_local(d));
        }
    }
    c
}

fn github(env: &CiEnv) -> Plan {
    let event = env.var("GITHUB_EVENT_NAME").unwrap_or("unknown");
    let gh = Some(Provider::GitHub);
    if let Some(base) = env.var("GITHUB_BASE_REF") {
        let mut candidates = vec![Candidate::Ref(format!("refs/remotes/origin/{base}"))];
        if let Some(sha) = env.event_str(&["pull_request", "base", "sha"]) {
            candidates.push(Candidate::Commit(sha.to_owned()));
        }
        candidates.push(Candidate::Ref(format!("refs/heads/{base}")));
        return Plan::MergeBase {
            candidates,
            name: format!("origin/{base}"),
            why: format!("GitHub Actions `{event}` into `{base}` (GITHUB_BASE_REF)"),
            provider: gh,
        };
    }
    if event == "merge_group" {
        if let Some(sha) = env.event_str(&["merge_group", "base_sha"]) {
            return Plan::MergeBase {
                candidates: vec![Candidate::Commit(sha.to_owned())],
                name: sha.to_owned(),
                why: "GitHub Actions `merge_group`: the queue's base (merge_group.base_sha)".into(),
                provider: gh,
            };
        }
    }
    if event == "push" {
        let before = env.event_str(&["before"]).filter(|b| !is_zero(b));
        let forced = env.event_bool(&["forced"]);
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
            },
            _ => Plan::Local(Some(format!(
                "GitHub Actions `push` of {what} to the default branch"
            ))),
        };
    }
    if env.github_event.is_none() && env.var("GITHUB_EVENT_PATH").is_some() {
        return Plan::Local(Some("GITHUB_EVENT_PATH could not be read".into()));
    }
    Plan::Local(Some(format!("GitHub Actions `{event}` names no base")))
}

fn gitlab(env: &CiEnv) -> Plan {
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
    if env.var("CI_COMMIT_TAG").is_some() {
        return Plan::Local(Some("GitLab tag pipeline".into()));
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

/// The fix for history this clone lacks, worded for where relhook runs.
pub fn fix_for(provider: Option<Provider>, base: Option<&str>) -> String {
    match provider {
        Some(Provider::GitHub) => "give actions/checkout `fetch-depth: 0` (`with: { fetch-depth: 0 }`), or run `git fetch --unshallow origin` before `relhook check`".into(),
        Some(Provider::GitLab) => {
            let fetch = base
                .map(|b| format!(" and `git fetch origin {b}`"))
                .unwrap_or_default();
            format!("set `GIT_DEPTH: 0` in the job's `variables`{fetch}, or run `git fetch --unshallow origin` before `relhook check`")
        }
        None => {
            let fetch = base
                .map(|b| format!(" (and `git fetch origin {b}` if it is a remote branch)"))
                .unwrap_or_default();
            format!("run `git fetch --unshallow`{fetch}, then check again")
        }
    }
}

/// Resolves a plan against the repository.
pub fn resolve(repo: &Repo, plan: &Plan, tag_prefix: &str) -> Result<Checked> {
    let head = repo.head();
    match plan {
        Plan::All => {
            let local_fix = fix_for(None, None);
            Ok(Checked {
                range: Range {
                    tips: head.into_iter().collect(),
                    describe: "HEAD".into(),
                    ..Range::default()
                },
                base: None,
                head,
                why: "all of HEAD's history (--all)".into(),
                source: "all",
                shallow_fix: local_fix,
            })
        }
        Plan::Local(ci_note) => Ok(local(repo, head, tag_prefix, ci_note.as_deref())),
        Plan::MergeBase {
            candidates,
            name,
            why,
            provider,
        } => {
            let source = match provider {
                Some(Provider::GitHub) => "github",
                Some(Provider::GitLab) => "gitlab",
                None => "base",
            };
            let branch = candidates.iter().find_map(|c| match c {
                Candidate::Ref(r) => r.strip_prefix("refs/remotes/origin/").map(str::to_owned),
                _ => None,
            });
            let fix = fix_for(*provider, branch.as_deref());
            let Some(head) = head else {
                return Ok(Checked {
                    range: Range {
                        describe: "HEAD (no commits yet)".into(),
                        ..Range::default()
                    },
                    base: None,
                    head: None,
                    why: why.clone(),
                    source,
                    shallow_fix: fix,
                });
            };
            let found = candidates.iter().find_map(|c| {
                let id = match c {
                    Candidate::Ref(r) => repo.ref_commit(r),
                    Candidate::Commit(h) => repo.present_commit(h),
                    Candidate::Revision(r) => repo.revision_commit(r),
                }?;
                Some((c, id))
            });
            let Some((cand, base_tip)) = found else {
                let tried: Vec<String> = candidates.iter().map(Candidate::label).collect();
                let shallow = if repo.is_shallow() {
                    " (this is a shallow clone)"
                } else {
                    ""
                };
                let fix = match &candidates[0] {
                    // A full clone: deepening cannot help; the name is wrong or never fetched.
                    _ if !repo.is_shallow() => format!(
                        "check that `{name}` names a branch, tag or commit, or fetch it first (`git fetch origin <branch>`)"
                    ),
                    Candidate::Commit(_) if provider.is_some() => format!(
                        "{fix}; if that commit was force-pushed over, no clone has it: name the base instead (`relhook check --base REF`)"
                    ),
                    _ => fix,
                };
                return Err(Error::IncompleteHistory {
                    message: format!(
                        "cannot check {why}: the base `{name}` is not in this clone{shallow} (looked for {})",
                        tried.join(", ")
                    ),
                    fix,
                });
            };
            let base = match repo.merge_base_of(base_tip, head)? {
                MergeBase::Found(b) => b,
                MergeBase::BeyondShallow => {
                    return Err(Error::IncompleteHistory {
                        message: format!(
                            "cannot check {why}: this shallow clone does not reach the merge base of `{}` and HEAD, so the commits to check are unknown",
                            cand.label()
                        ),
                        fix,
                    });
                }
                MergeBase::Unrelated => {
                    return Err(Error::IncompleteHistory {
                        message: format!(
                            "cannot check {why}: `{}` and HEAD share no history",
                            cand.label()
                        ),
                        fix: "name a base that HEAD was branched from (`--base REF`), or a range (`relhook check A..B`)".into(),
                    });
                }
            };
            let base_label = cand.label();
            // A push's previous tip that is in no clone (force-pushed over): say so.
            let why = match &candidates[0] {
                Candidate::Commit(first) if !std::ptr::eq(cand, &candidates[0]) => format!(
                    "{why}; {} is not in this clone (pushed over?), so the commits not on {base_label}",
                    short_hex(first)
                ),
                _ => why.clone(),
            };
            let why = if base == base_tip {
                format!("{why}; base {base_label}")
            } else {
                format!(
                    "{why}; merge base of {base_label} ({}) and HEAD",
                    short_id(base_tip)
                )
            };
            Ok(Checked {
                range: Range {
                    tips: vec![head],
                    hidden: vec![base],
                    single: false,
                    describe: format!("{}..HEAD", short_id(base)),
                },
                base: Some(base),
                head: Some(head),
                why,
                source,
                shallow_fix: fix,
            })
        }
    }
}

/// The range outside CI: upstream..HEAD, else last release tag..HEAD, else all history.
fn local(repo: &Repo, head: Option<Oid>, tag_prefix: &str, ci_note: Option<&str>) -> Checked {
    let note = |s: String| match ci_note {
        Some(n) => format!("{n}, so {s}"),
        None => s,
    };
    let fix = fix_for(None, None);
    let Some(head) = head else {
        return Checked {
            range: Range {
                describe: "HEAD (no commits yet)".into(),
                ..Range::default()
            },
            base: None,
            head: None,
            why: note("no commits yet".into()),
            source: "history",
            shallow_fix: fix,
        };
    };
    if let Some((name, up)) = repo.head_upstream() {
        return Checked {
            range: Range {
                tips: vec![head],
                hidden: vec![up],
                single: false,
                describe: format!("{name}..HEAD"),
            },
            base: Some(up),
            head: Some(head),
            why: note(format!("the branch's upstream `{name}`")),
            source: "upstream",
            shallow_fix: fix,
        };
    }
    if let Some((tag, at)) = repo.latest_release_tag(head, tag_prefix) {
        return Checked {
            range: Range {
                tips: vec![head],
                hidden: vec![at],
                single: false,
                describe: format!("{tag}..HEAD"),
            },
            base: Some(at),
            head: Some(head),
            why: note(format!("the last release tag `{tag}` (no upstream)")),
            source: "tag",
            shallow_fix: fix,
        };
    }
    Checked {
        range: Range {
            tips: vec![head],
            describe: "HEAD".into(),
            ..Range::default()
        },
        base: None,
        head: Some(head),
        why: note("all of HEAD's history (no upstream and no release tag)".into()),
        source: "history",
        shallow_fix: fix,
    }
}

/// An explicit range as the user gave it; a revision beyond a shallow clone's boundary
/// (`HEAD^1` at depth 1) is named as that, with the fix, instead of libgit2's "parent 0 does
/// not exist".
pub fn explicit(repo: &Repo, spec: &str) -> Result<Checked> {
    let range = match repo.resolve(spec) {
        Ok(r) => r,
        Err(Error::Range { reason, .. }) if repo.is_shallow() => {
            return Err(Error::IncompleteHistory {
                message: format!(
                    "cannot resolve `{spec}` in this shallow clone: it names history that was not fetched ({reason})"
                ),
                fix: fix_for(None, None),
            });
        }
        Err(e) => return Err(e),
    };
    Ok(Checked {
        base: range.hidden.first().copied(),
        head: range.tips.first().copied(),
        why: if range.single {
            "that commit alone (a single revision was given)".into()
        } else {
            "the range given".into()
        },
        source: "explicit",
        shallow_fix: fix_for(None, None),
        range,
    })
}

/// In a GitHub pull request, HEAD must contain the pull request's head commit
/// (`pull_request.head.sha`): `pull_request_target` workflows check out the base branch by
/// default, and checking that finds nothing to check, a pass of commits never seen.
pub fn verify_head(env: &CiEnv, repo: &Repo) -> Result<()> {
    if env.var("GITHUB_ACTIONS") != Some("true") || env.var("GITHUB_BASE_REF").is_none() {
        return Ok(());
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

/// The error for a walk that reached a shallow clone's boundary at `commit`: the commits
/// below it were never fetched, so the range is not known to be complete.
pub fn boundary_error(checked: &Checked, commit: Oid) -> Error {
    Error::IncompleteHistory {
        message: format!(
            "cannot check {}: the walk reached commit {} at this shallow clone's boundary, and the commits below it were not fetched",
            checked.range.describe,
            short_id(commit)
        ),
        fix: checked.shallow_fix.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZERO: &str = "0000000000000000000000000000000000000000";

    fn env(vars: &[(&str, &str)], event: Option<&str>) -> CiEnv {
        let map: BTreeMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        CiEnv::new(|k| map.get(k).cloned(), event).unwrap()
    }

    #[test]
    fn outside_ci_the_local_default_applies() {
        assert_eq!(plan(&env(&[], None), None, false), Plan::Local(None));
        assert_eq!(plan(&env(&[], None), None, true), Plan::All);
    }

    #[test]
    fn base_flag_beats_ci() {
        let e = env(
            &[("GITHUB_ACTIONS", "true"), ("GITHUB_BASE_REF", "main")],
            None,
        );
        let Plan::MergeBase {
            candidates, why, ..
        } = plan(&e, Some("develop"), false)
        else {
            panic!()
        };
        assert_eq!(candidates, vec![Candidate::Revision("develop".into())]);
        assert_eq!(why, "--base develop");
    }

    #[test]
    fn github_pull_request_uses_the_base_ref_then_the_event_sha() {
        let event =
            r#"{"pull_request":{"base":{"sha":"1111111111111111111111111111111111111111"}}}"#;
        let e = env(
            &[
                ("GITHUB_ACTIONS", "true"),
                ("GITHUB_EVENT_NAME", "pull_request"),
                ("GITHUB_BASE_REF", "main"),
            ],
            Some(event),
        );
        let Plan::MergeBase { candidates, .. } = plan(&e, None, false) else {
            panic!()
        };
        assert_eq!(
            candidates,
            vec![
                Candidate::Ref("refs/remotes/origin/main".into()),
                Candidate::Commit("1111111111111111111111111111111111111111".into()),
                Candidate::Ref("refs/heads/main".into()),
            ]
        );
    }

    #[test]
    fn github_push_uses_before_and_a_new_branch_the_default_branch() {
        let push = |before: &str, forced: bool, branch: &str| {
            let event = format!(
                r#"{{"before":"{before}","forced":{forced},"repository":{{"default_branch":"main"}}}}"#
            );
            plan(
                &env(
                    &[
                        ("GITHUB_ACTIONS", "true"),
                        ("GITHUB_EVENT_NAME", "push"),
                        ("GITHUB_REF_NAME", branch),
                    ],
                    Some(&event),
                ),
                None,
                false,
            )
        };
        let b = "2222222222222222222222222222222222222222";
        let Plan::MergeBase { candidates, .. } = push(b, false, "feature") else {
            panic!()
        };
        assert_eq!(
            candidates,
            vec![
                Candidate::Commit(b.into()),
                Candidate::Ref("refs/remotes/origin/main".into()),
                Candidate::Ref("refs/heads/main".into()),
            ]
        );
        let Plan::MergeBase { candidates, .. } = push(b, false, "main") else {
            panic!()
        };
        assert_eq!(
            candidates,
            vec![Candidate::Commit(b.into())],
            "no fallback on main"
        );
        for (before, forced) in [(ZERO, false), (b, true)] {
            let Plan::MergeBase { candidates, .. } = push(before, forced, "feature") else {
                panic!()
            };
            assert_eq!(
                candidates[0],
                Candidate::Ref("refs/remotes/origin/main".into())
            );
        }
        assert!(matches!(push(ZERO, false, "main"), Plan::Local(Some(_))));
    }

    #[test]
    fn gitlab_prefers_the_diff_base_then_the_target_then_before() {
        let sha = "3333333333333333333333333333333333333333";
        let Plan::MergeBase { candidates, .. } = plan(
            &env(
                &[
                    ("GITLAB_CI", "true"),
                    ("CI_MERGE_REQUEST_DIFF_BASE_SHA", sha),
                    ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
                ],
                None,
            ),
            None,
            false,
        ) else {
            panic!()
        };
        assert_eq!(candidates[0], Candidate::Commit(sha.into()));
        assert_eq!(
            candidates[1],
            Candidate::Ref("refs/remotes/origin/main".into())
        );
        let Plan::MergeBase { candidates, .. } = plan(
            &env(
                &[("GITLAB_CI", "true"), ("CI_COMMIT_BEFORE_SHA", sha)],
                None,
            ),
            None,
            false,
        ) else {
            panic!()
        };
        assert_eq!(candidates, vec![Candidate::Commit(sha.into())]);
        assert!(matches!(
            plan(
                &env(
                    &[
                        ("GITLAB_CI", "true"),
                        ("CI_COMMIT_BEFORE_SHA", ZERO),
                        ("CI_COMMIT_BRANCH", "main"),
                        ("CI_DEFAULT_BRANCH", "main")
                    ],
                    None
                ),
                None,
                false
            ),
            Plan::Local(Some(_))
        ));
    }

    #[test]
    fn a_bad_event_file_is_an_error() {
        assert!(CiEnv::new(|_| None, Some("not json")).is_err());
    }
}
