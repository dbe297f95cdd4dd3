//! Which commits `relhook check` must see, and why. In CI the answer comes from the CI's own
//! variables (GitHub Actions, GitLab CI) or from `--base`: exactly merge-base(base, HEAD)..HEAD.
//! When the clone cannot answer (the base was not fetched, the history is too shallow to hold
//! the merge base, the range or the base's history runs into the shallow boundary), the answer
//! is an error naming the exact fix, never a smaller range: a check that did not see a commit
//! must not pass it.
//!
//! The environment is read by the caller into [`CiEnv`]; this module decides.
//!
//! `plan` reads the environment (`github`, `gitlab`, `--base`, `--all`) into a [`Plan`];
//! `range` resolves a plan, or an explicit range, against the repository into [`Checked`].

mod github;
mod gitlab;
mod local;
mod range;
mod unfetched;

use std::collections::BTreeMap;

use git2::Oid;

use crate::git::Range;
use crate::{Error, Result};

/// Refuses a checkout that is not what the CI run is for (GitHub's pull request head, GitLab's
/// pipeline commit), before its commits are judged in that run's name.
pub fn verify_head(env: &CiEnv, repo: &crate::git::Repo) -> Result<()> {
    github::verify_head(env, repo)?;
    gitlab::verify_head(env, repo)
}
pub use range::{boundary_error, explicit, hidden_cut_error, resolve};

/// The variables the decision reads, and GitHub's event payload (`GITHUB_EVENT_PATH`).
#[derive(Debug, Clone, Default)]
pub struct CiEnv {
    vars: BTreeMap<String, String>,
    github_event: Option<serde_json::Value>,
    /// Why the payload `GITHUB_EVENT_PATH` names was not read (`could not be read`,
    /// `is empty`): the run goes on as one without it.
    event_unread: Option<&'static str>,
}

/// The variables [`CiEnv`] reads.
pub const VARIABLES: &[&str] = &[
    "GITHUB_ACTIONS",
    "GITHUB_EVENT_NAME",
    "GITHUB_BASE_REF",
    "GITHUB_REF",
    "GITHUB_REF_NAME",
    "GITHUB_REF_TYPE",
    "GITHUB_EVENT_PATH",
    "GITHUB_SHA",
    "GITLAB_CI",
    "CI_MERGE_REQUEST_DIFF_BASE_SHA",
    "CI_MERGE_REQUEST_TARGET_BRANCH_SHA",
    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
    "CI_COMMIT_BEFORE_SHA",
    "CI_COMMIT_BRANCH",
    "CI_COMMIT_SHA",
    "CI_COMMIT_TAG",
    "CI_DEFAULT_BRANCH",
    "CI",
];

impl CiEnv {
    /// From a variable lookup and GitHub's event payload (the text of `GITHUB_EVENT_PATH`).
    pub fn new(lookup: impl Fn(&str) -> Option<String>, event_text: Option<&str>) -> Result<CiEnv> {
        let vars = VARIABLES
            .iter()
            .filter_map(|k| lookup(k).map(|v| ((*k).to_owned(), v)))
            .collect();
        let github_event = match event_text {
            Some(t) => Some(serde_json::from_str(t).map_err(Error::CiEvent)?),
            None => None,
        };
        Ok(CiEnv {
            vars,
            github_event,
            event_unread: None,
        })
    }

    /// The payload `GITHUB_EVENT_PATH` names was not read, for `why` (`could not be read`,
    /// `is empty`): the plan is made as without it, and says so.
    pub fn without_event(mut self, why: &'static str) -> CiEnv {
        self.github_event = None;
        self.event_unread = Some(why);
        self
    }

    /// A variable, when set and not empty.
    fn var(&self, key: &str) -> Option<&str> {
        self.vars
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// Whether the run is a pull or merge request's: its source branch is under review, to
    /// be reworded before it lands, whatever remote-tracking branch holds it in this clone.
    pub fn reviews(&self) -> bool {
        let github = self.var("GITHUB_ACTIONS") == Some("true")
            && (self.var("GITHUB_BASE_REF").is_some()
                || self.event_str(&["pull_request", "base", "sha"]).is_some());
        let gitlab = self.var("GITLAB_CI") == Some("true")
            && (self.var("CI_MERGE_REQUEST_DIFF_BASE_SHA").is_some()
                || self.var("CI_MERGE_REQUEST_TARGET_BRANCH_NAME").is_some());
        github || gitlab
    }

    /// The tag a tag pipeline runs for (GitHub's `refs/tags/…` ref, GitLab's `CI_COMMIT_TAG`):
    /// pushed, so the commits under it are published.
    pub fn pipeline_tag(&self) -> Option<&str> {
        if self.reviews() {
            return None;
        }
        if self.var("GITHUB_ACTIONS") == Some("true") {
            return github::tag(self);
        }
        if self.var("GITLAB_CI") == Some("true") {
            return self.var("CI_COMMIT_TAG");
        }
        None
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
        /// The CI variable (or event field) that gave the candidate commit id, if one did: a
        /// commit the clone lacks is then the CI's to name, not the user's.
        commit_from: Option<&'static str>,
    },
    /// All of HEAD's history (`--all`).
    All,
    /// A tag's pipeline: the commits since the release tag before `tag` (the pushed tag is
    /// HEAD's own, and would make the range empty), else all history.
    Tag {
        /// The tag the pipeline runs for.
        tag: String,
        /// Why, for the user.
        why: String,
    },
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
    /// When HEAD is at the release tag the range starts from (so it is empty): the command
    /// that checks the commits that release brought (`relhook check v1.0.0..HEAD`).
    pub release_check: Option<String>,
}

impl Checked {
    /// The range as `relhook check` takes it (`<base>..HEAD`, `v1.0.0..HEAD`), when it has one
    /// base: a hint naming `--all` with it judges this range, not all of HEAD's history.
    pub fn revspec(&self) -> Option<String> {
        let r = &self.range;
        let one_base = !r.single && r.tips.len() == 1 && r.hidden.len() == 1;
        (one_base && r.describe.ends_with("..HEAD")).then(|| r.describe.clone())
    }
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
            commit_from: None,
        };
    }
    if env.var("GITHUB_ACTIONS") == Some("true") {
        return github::plan(env);
    }
    if env.var("GITLAB_CI") == Some("true") {
        return gitlab::plan(env);
    }
    Plan::Local(None)
}

/// Whether this is a CI relhook does not read (Jenkins, CircleCI, Buildkite: only `CI` is set).
fn undetected_ci(env: &CiEnv) -> bool {
    let ci = env.var("CI").is_some_and(|v| v != "false" && v != "0");
    let detected =
        env.var("GITHUB_ACTIONS") == Some("true") || env.var("GITLAB_CI") == Some("true");
    ci && !detected
}

/// In a CI relhook does not read, the upstream range of a fresh checkout is empty whatever the
/// push brought (the branch is its upstream): refused, since a green job would have checked
/// nothing.
pub fn upstream_empty_in_ci(env: &CiEnv, checked: &Checked) -> Option<Error> {
    (undetected_ci(env)
        && checked.source == "upstream"
        && checked.base.is_some()
        && checked.base == checked.head)
        .then(|| Error::IncompleteHistory {
            message: format!(
                "cannot check `{}` ({}): it is empty here, as in every fresh CI checkout, whatever the push brought",
                checked.range.describe, checked.why
            ),
            fix: "name the range to check: `relhook check <base>..HEAD` (or `relhook check --base <branch>`; all of history: `relhook check --all`)".into(),
        })
}

/// The note for a check in such a CI that found nothing since the last release tag (HEAD is
/// the tag's own commit): the pass checked nothing, and the user should know it.
pub fn nothing_checked_note(env: &CiEnv, checked: &Checked) -> Option<String> {
    if !undetected_ci(env) {
        return None;
    }
    // HEAD is at the tag: a tag's build, whose release brought the commits before the tag.
    if let (Some(fix), Some(tag)) = (
        &checked.release_check,
        checked.range.describe.strip_suffix("..HEAD"),
    ) {
        return Some(format!(
            "relhook: note: nothing was checked: CI is set and HEAD is at the release tag `{tag}`, so `{tag}..HEAD` is empty; to check the commits that release brought: `{fix}`"
        ));
    }
    matches!(checked.source, "upstream" | "tag").then(|| {
        format!(
            "relhook: note: nothing was checked: CI is set, but `{}` ({}) is empty here, as it is in a fresh CI checkout; name the range to check: `relhook check <base>..HEAD` (or `relhook check --base <branch>`)",
            checked.range.describe, checked.why
        )
    })
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

/// The one line for a range that is empty because its base is HEAD itself (`--base main` on
/// main, HEAD at the last release tag), or because nothing is committed yet, said in place of
/// the range line and the summary.
pub fn base_is_head(checked: &Checked) -> Option<String> {
    if checked.head.is_none() {
        return Some(format!("relhook: nothing to check: {}", checked.why));
    }
    (checked.base.is_some() && checked.base == checked.head).then(|| {
        format!(
            "relhook: nothing to check: {} is empty: {}, which is HEAD itself",
            checked.range.describe, checked.why
        )
    })
}

/// The fix for history this clone lacks, worded for where relhook runs. The base branch is
/// fetched by an explicit refspec: a single-branch clone (`git clone --branch pr --depth 1`,
/// actions/checkout's) updates no `origin/<base>` from `git fetch --unshallow origin` or
/// `git fetch origin <base>`, so advice without one left the same error.
pub fn fix_for(provider: Option<Provider>, base: Option<&str>) -> String {
    let unshallow = match base {
        Some(b) => format!("`git fetch --unshallow origin {}`", base_refspec(b)),
        None => "`git fetch --unshallow origin`".to_owned(),
    };
    match provider {
        Some(Provider::GitHub) => format!(
            "give actions/checkout `fetch-depth: 0` (`with: {{ fetch-depth: 0 }}`), or run {unshallow} before `relhook check`"
        ),
        Some(Provider::GitLab) => {
            let fetch = base
                .map(|b| format!(" and `git fetch origin {}`", base_refspec(b)))
                .unwrap_or_default();
            format!(
                "set `GIT_DEPTH: 0` in the job's `variables`{fetch}, or run {unshallow} before `relhook check`"
            )
        }
        None => match base {
            Some(_) => format!("run {unshallow} if it is a remote branch, then check again"),
            None => format!("run {unshallow}, then check again"),
        },
    }
}

/// The refspec that fetches branch `b` into `origin/b` whatever the clone's own refspec.
pub fn base_refspec(b: &str) -> String {
    crate::hooks::sh_quote(&format!("+refs/heads/{b}:refs/remotes/origin/{b}"))
}

#[cfg(test)]
mod tests;
