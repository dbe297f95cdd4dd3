//! `relhook check` in CI: the range comes from the CI's variables (or `--base`) and is exactly
//! merge-base(base, HEAD)..HEAD; a clone that cannot tell (shallow, base not fetched) is an
//! error naming the fix, never a pass. Each case builds the checkout the CI would make.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{Repo, stderr, stdout, text};

/// An "origin" with a pull request: main has an old non-conventional commit, the feature
/// branch has one bad commit, GitHub's `refs/pull/1/merge` merges the feature into main, and
/// main moves on after that.
struct Origin {
    repo: Repo,
    /// main when the pull request's merge ref was made (the merge base).
    fork: String,
    /// The feature branch's tip.
    feature: String,
    /// The bad commit on the feature branch.
    bad: String,
    /// The merge commit GitHub checks out.
    merge: String,
    /// main's tip now.
    main: String,
}

fn origin() -> Origin {
    let repo = Repo::new();
    repo.commit("old commit that is not conventional");
    repo.commit("feat: one");
    let fork = repo.commit("fix: two");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.commit("feat: pr work");
    let bad = repo.commit("bad pr commit");
    let feature = repo.commit("fix: more pr work");
    repo.git(&["checkout", "-q", "--detach", "main"]);
    repo.git(&[
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge feature into main",
        "feature",
    ]);
    let merge = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["update-ref", "refs/pull/1/merge", &merge]);
    repo.git(&["checkout", "-q", "main"]);
    let main = repo.commit("fix: main moved on");
    Origin {
        repo,
        fork,
        feature,
        bad,
        merge,
        main,
    }
}

impl Origin {
    fn url(&self) -> String {
        format!("file://{}", self.repo.path().display())
    }

    /// An empty repository with `origin` set, as actions/checkout starts.
    fn checkout_dir(&self) -> PathBuf {
        let dir = self.repo.scratch("ci");
        self.git(&dir, &["init", "-q"]);
        self.git(&dir, &["remote", "add", "origin", &self.url()]);
        dir
    }

    fn git(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.repo.git_in(dir, args, &[]);
        assert!(out.status.success(), "git {args:?}: {}", text(&out));
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    fn relhook(&self, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = self.repo.command_in(crate::support::relhook_bin(), dir);
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }

    /// actions/checkout of a pull request: `fetch-depth` 1 (default) or 0.
    fn github_pr_checkout(&self, depth: Option<u32>) -> PathBuf {
        let dir = self.checkout_dir();
        match depth {
            Some(d) => {
                let d = format!("--depth={d}");
                self.git(
                    &dir,
                    &[
                        "fetch",
                        "-q",
                        "--no-tags",
                        &d,
                        "origin",
                        "+refs/pull/1/merge:refs/remotes/pull/1/merge",
                    ],
                );
            }
            None => {
                self.git(
                    &dir,
                    &[
                        "fetch",
                        "-q",
                        "origin",
                        "+refs/heads/*:refs/remotes/origin/*",
                        "+refs/tags/*:refs/tags/*",
                        "+refs/pull/1/merge:refs/remotes/pull/1/merge",
                    ],
                );
            }
        }
        self.git(
            &dir,
            &["checkout", "-q", "--detach", "refs/remotes/pull/1/merge"],
        );
        dir
    }
}

fn github_pr_env() -> Vec<(&'static str, &'static str)> {
    vec![
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "pull_request"),
        ("GITHUB_BASE_REF", "main"),
        ("GITHUB_HEAD_REF", "feature"),
    ]
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(out)))
}

#[test]
fn github_pr_at_depth_1_without_the_base_refuses_with_the_fix() {
    let o = origin();
    let dir = o.github_pr_checkout(Some(1));
    let out = o.relhook(&dir, &["check"], &github_pr_env());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the base `origin/main` is not in this clone (this is a shallow clone)"),
        "{err}"
    );
    assert!(err.contains("fetch-depth: 0"), "{err}");
    assert!(!stdout(&out).contains("all pass"), "{}", text(&out));
    // As an annotation on the run, with the fix.
    let out = o.relhook(&dir, &["check", "--format", "github"], &github_pr_env());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let line = stdout(&out)
        .lines()
        .find(|l| l.starts_with("::error title=relhook check could not run::"))
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(line.contains("is not in this clone"), "{line}");
    assert!(
        line.contains("%0Afix: give actions/checkout `fetch-depth: 0`"),
        "{line}"
    );
}

#[test]
fn github_pr_at_depth_1_with_the_base_at_depth_1_refuses_with_the_fix() {
    let o = origin();
    let dir = o.github_pr_checkout(Some(1));
    o.git(
        &dir,
        &[
            "fetch",
            "-q",
            "--depth=1",
            "origin",
            "+refs/heads/main:refs/remotes/origin/main",
        ],
    );
    let out = o.relhook(&dir, &["check"], &github_pr_env());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("this shallow clone does not reach the merge base of `origin/main` and HEAD"),
        "{err}"
    );
    assert!(err.contains("fetch-depth: 0"), "{err}");
}

#[test]
fn github_pr_with_full_history_checks_exactly_the_pull_request() {
    let o = origin();
    let dir = o.github_pr_checkout(None);
    let out = o.relhook(&dir, &["check"], &github_pr_env());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let s = stdout(&out);
    assert!(
        s.starts_with(&format!(
            "relhook: checking {}..HEAD: GitHub Actions `pull_request` into `main` (GITHUB_BASE_REF); merge base of origin/main ({}) and HEAD\n",
            &o.fork[..9],
            &o.main[..9]
        )),
        "{s}"
    );
    assert!(
        s.contains(&format!("✗ {} bad pr commit", &o.bad[..9])),
        "{s}"
    );
    assert!(
        !s.contains("old commit"),
        "main's history is not blamed: {s}"
    );
    assert!(
        s.contains(&format!(
            "checked 4 commits in {}..HEAD: 1 failed",
            &o.fork[..9]
        )),
        "{s}"
    );
    let j = json(&o.relhook(&dir, &["check", "--format", "json"], &github_pr_env()));
    assert_eq!(j["range"]["base"], o.fork.as_str());
    assert_eq!(j["range"]["head"], o.merge.as_str());
    assert_eq!(j["range"]["source"], "github");
    assert_eq!(j["commits"][0]["commit"], o.bad.as_str());
}

#[test]
fn github_pr_falls_back_to_the_event_base_sha() {
    let o = origin();
    let dir = o.github_pr_checkout(None);
    o.git(&dir, &["update-ref", "-d", "refs/remotes/origin/main"]);
    let event = o.repo.scratch("event").join("event.json");
    std::fs::write(
        &event,
        format!(r#"{{"pull_request":{{"base":{{"sha":"{}"}}}}}}"#, o.fork),
    )
    .unwrap();
    let mut env = github_pr_env();
    env.push(("GITHUB_EVENT_PATH", event.to_str().unwrap()));
    let out = o.relhook(&dir, &["check"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains(&format!("; base {}\n", &o.fork[..9])),
        "{}",
        text(&out)
    );
}

#[test]
fn gitlab_merge_request_checks_from_the_diff_base() {
    let o = origin();
    let dir = o.checkout_dir();
    o.git(
        &dir,
        &[
            "fetch",
            "-q",
            "origin",
            "+refs/heads/*:refs/remotes/origin/*",
        ],
    );
    o.git(&dir, &["checkout", "-q", "--detach", &o.feature]);
    let env = [
        ("GITLAB_CI", "true"),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", o.fork.as_str()),
        ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
    ];
    let out = o.relhook(&dir, &["check", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let j = json(&out);
    assert_eq!(j["range"]["base"], o.fork.as_str());
    assert_eq!(j["range"]["source"], "gitlab");
    assert_eq!(j["checked"], 3);
    assert_eq!(j["failed"], 1);
    // Only the target branch's name: the merge base of origin/main and HEAD.
    let out = o.relhook(
        &dir,
        &["check"],
        &[
            ("GITLAB_CI", "true"),
            ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
        ],
    );
    assert!(
        stdout(&out).contains(&format!(
            "checking {}..HEAD: GitLab merge request into `main` (CI_MERGE_REQUEST_TARGET_BRANCH_NAME); merge base of origin/main",
            &o.fork[..9]
        )),
        "{}",
        text(&out)
    );
    // The merge request's branch is fetched as origin/<branch>, and it is under review: its
    // failing commit is to be reworded, not "published, leave it" (QA35).
    assert!(!stdout(&out).contains("leave"), "{}", text(&out));
    assert!(stdout(&out).contains("git rebase -i"), "{}", text(&out));
}

#[test]
fn gitlab_shallow_fetch_missing_the_diff_base_refuses_with_git_depth() {
    let o = origin();
    let dir = o.checkout_dir();
    o.git(
        &dir,
        &[
            "fetch",
            "-q",
            "--depth=2",
            "origin",
            "+refs/heads/feature:refs/remotes/origin/feature",
        ],
    );
    o.git(&dir, &["checkout", "-q", "--detach", &o.feature]);
    let env = [
        ("GITLAB_CI", "true"),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", o.fork.as_str()),
        ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
    ];
    let out = o.relhook(&dir, &["check"], &env);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("is not in this clone"), "{err}");
    assert!(
        err.contains("set `GIT_DEPTH: 0` in the job's `variables` and `git fetch origin '+refs/heads/main:refs/remotes/origin/main'`"),
        "{err}"
    );
}

#[test]
fn gitlab_push_checks_after_the_previous_tip() {
    let o = origin();
    let dir = o.checkout_dir();
    o.git(
        &dir,
        &[
            "fetch",
            "-q",
            "origin",
            "+refs/heads/*:refs/remotes/origin/*",
        ],
    );
    o.git(&dir, &["checkout", "-q", "--detach", &o.feature]);
    let out = o.relhook(
        &dir,
        &["check", "--format", "json"],
        &[("GITLAB_CI", "true"), ("CI_COMMIT_BEFORE_SHA", &o.bad)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let j = json(&out);
    assert_eq!(j["range"]["base"], o.bad.as_str());
    assert_eq!(j["checked"], 1);
}

fn push_event(o: &Origin, before: &str) -> PathBuf {
    let event = o.repo.scratch("event").join("push.json");
    std::fs::write(
        &event,
        format!(
            r#"{{"before":"{before}","after":"{}","forced":false,"repository":{{"default_branch":"main"}}}}"#,
            o.feature
        ),
    )
    .unwrap();
    event
}

#[test]
fn github_push_checks_after_before_and_a_new_branch_after_the_default_branch() {
    let o = origin();
    let dir = o.checkout_dir();
    o.git(
        &dir,
        &[
            "fetch",
            "-q",
            "origin",
            "+refs/heads/*:refs/remotes/origin/*",
        ],
    );
    o.git(&dir, &["checkout", "-q", "--detach", &o.feature]);
    let run = |event: &Path| {
        o.relhook(
            &dir,
            &["check", "--format", "json"],
            &[
                ("GITHUB_ACTIONS", "true"),
                ("GITHUB_EVENT_NAME", "push"),
                ("GITHUB_REF_NAME", "feature"),
                ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
            ],
        )
    };
    let out = run(&push_event(&o, &o.bad));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let j = json(&out);
    assert_eq!(j["range"]["base"], o.bad.as_str());
    assert_eq!(j["checked"], 1);

    let out = run(&push_event(&o, "0000000000000000000000000000000000000000"));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let j = json(&out);
    assert_eq!(j["range"]["base"], o.fork.as_str(), "{j}");
    assert!(
        j["range"]["reason"]
            .as_str()
            .unwrap()
            .contains("a new branch (`before` is all zeros)"),
        "{j}"
    );
    assert_eq!(j["checked"], 3);
}

#[test]
fn github_push_at_depth_1_refuses_with_the_fix() {
    let o = origin();
    let dir = o.checkout_dir();
    o.git(
        &dir,
        &[
            "fetch",
            "-q",
            "--depth=1",
            "origin",
            "+refs/heads/feature:refs/remotes/origin/feature",
        ],
    );
    o.git(&dir, &["checkout", "-q", "--detach", &o.feature]);
    let event = push_event(&o, &o.bad);
    let out = o.relhook(
        &dir,
        &["check"],
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(stderr(&out).contains("fetch-depth: 0"), "{}", text(&out));
}

#[test]
fn base_flag_checks_since_the_merge_base() {
    let o = origin();
    let repo = &o.repo;
    repo.git(&["checkout", "-q", "feature"]);
    let out = repo.relhook(&["check", "--base", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let s = stdout(&out);
    assert!(
        s.starts_with(&format!(
            "relhook: checking {}..HEAD: --base main; merge base of main",
            &o.fork[..9]
        )),
        "{s}"
    );
    assert!(s.contains("checked 3 commits"), "{s}");
    let missing = repo.relhook(&["check", "--base", "nope"]);
    assert_eq!(missing.status.code(), Some(2), "{}", text(&missing));
    assert!(
        stderr(&missing).contains("the base `nope` is not in this clone"),
        "{}",
        text(&missing)
    );
    // A full clone: the fix is the name or a fetch, never deepening it.
    assert!(
        stderr(&missing).contains("names a branch, tag or commit")
            && !stderr(&missing).contains("unshallow"),
        "{}",
        text(&missing)
    );
}

#[test]
fn all_checks_every_commit_of_a_fresh_clone() {
    let o = origin();
    let dir = o.repo.scratch("clone");
    o.git(&dir, &["clone", "-q", &o.url(), "."]);
    let out = o.relhook(&dir, &["check", "--all"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let s = stdout(&out);
    assert!(s.contains("old commit that is not conventional"), "{s}");
    assert!(s.contains("checked 4 commits in HEAD: 1 failed"), "{s}");
    assert!(
        s.starts_with("relhook: checking HEAD: all of HEAD's history (--all)"),
        "{s}"
    );
}

#[test]
fn shallow_clones_name_the_boundary_instead_of_passing() {
    let o = origin();
    let dir = o.repo.scratch("shallow");
    o.git(&dir, &["clone", "-q", "--depth=1", &o.url(), "."]);
    let out = o.relhook(&dir, &["check", "HEAD^1..HEAD"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "cannot resolve `HEAD^1..HEAD`: `HEAD^1` names a parent that this shallow clone did not fetch"
        ),
        "{err}"
    );
    assert!(err.contains("git fetch --unshallow"), "{err}");
    let out = o.relhook(&dir, &["check", "--all"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("at this shallow clone's boundary"),
        "{}",
        text(&out)
    );
    // One commit alone is fully known.
    let out = o.relhook(&dir, &["check", "HEAD"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn outside_ci_the_reason_is_printed_too() {
    let repo = Repo::new();
    repo.commit("feat: x");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("fix: y");
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).starts_with(
            "relhook: checking v1.0.0..HEAD: the last release tag `v1.0.0` (no upstream)\n"
        ),
        "{}",
        text(&out)
    );
    // CI detected but without a base: said so.
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .args(["check"])
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_EVENT_NAME", "workflow_dispatch")
        .output()
        .unwrap();
    assert!(
        stdout(&out)
            .contains("GitHub Actions `workflow_dispatch` names no base, so the commits since the last release tag"),
        "{}",
        text(&out)
    );
}

#[test]
fn github_format_prints_one_escaped_annotation_per_finding() {
    let repo = Repo::new();
    repo.commit("feat: fine");
    let bad = repo.commit("Feat: 100% done, really\n\nbreaking change: it is");
    let out = repo.relhook(&["check", "--all", "--format", "github"]);
    assert_eq!(out.status.code(), Some(0), "warnings only: {}", text(&out));
    let s = stdout(&out);
    let lines: Vec<&str> = s.lines().filter(|l| l.starts_with("::")).collect();
    let short = &bad[..9];
    assert!(
        lines.iter().any(|l| l.starts_with(&format!(
            "::warning title=relhook type-case%3A commit {short}::commit {short} \"Feat: 100%25 done, really\": "
        ))),
        "{s}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::warning title=relhook breaking-change-format%3A")),
        "{s}"
    );
    for l in &lines {
        assert!(!l.contains('\r'), "{l}");
    }
    assert!(s.contains("checked 2 commits in HEAD"), "{s}");
}

#[test]
fn gitlab_format_is_a_code_quality_report_on_stdout() {
    let repo = Repo::new();
    repo.commit("feat: fine");
    let bad = repo.commit("feature: x");
    let out = repo.relhook(&["check", "--all", "--format", "gitlab"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let issues = v.as_array().unwrap();
    assert_eq!(issues.len(), 1, "{v}");
    let i = &issues[0];
    let mut keys: Vec<&str> = i.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "check_name",
            "description",
            "fingerprint",
            "location",
            "severity"
        ]
    );
    assert_eq!(i["check_name"], "relhook/type-enum");
    assert_eq!(i["severity"], "major");
    assert_eq!(i["location"]["path"], bad.as_str());
    assert_eq!(i["location"]["lines"]["begin"], 1);
    assert!(
        i["description"].as_str().unwrap().starts_with(&format!(
            "commit {} \"feature: x\": unknown commit type",
            &bad[..9]
        )),
        "{i}"
    );
    assert!(stderr(&out).contains("checked 2 commits in HEAD: 1 failed"));
    let clean = repo.relhook(&["check", "HEAD~1", "--format", "gitlab"]);
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout(&clean).trim(), "[]");
}

#[test]
fn github_pr_whose_checkout_is_not_the_pull_request_refuses() {
    let o = origin();
    // `pull_request_target` with actions/checkout's defaults: the base branch, full history.
    let dir = o.checkout_dir();
    o.git(
        &dir,
        &[
            "fetch",
            "-q",
            "origin",
            "+refs/heads/*:refs/remotes/origin/*",
        ],
    );
    o.git(
        &dir,
        &["checkout", "-q", "--detach", "refs/remotes/origin/main"],
    );
    let event = o.repo.scratch("event").join("pr.json");
    std::fs::write(
        &event,
        format!(
            r#"{{"pull_request":{{"head":{{"sha":"{}"}},"base":{{"sha":"{}"}}}}}}"#,
            o.feature, o.main
        ),
    )
    .unwrap();
    let mut env = github_pr_env();
    env[1] = ("GITHUB_EVENT_NAME", "pull_request_target");
    env.push(("GITHUB_EVENT_PATH", event.to_str().unwrap()));
    let out = o.relhook(&dir, &["check"], &env);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "does not contain the pull request's head commit {}",
            &o.feature[..9]
        )),
        "{err}"
    );
    assert!(err.contains("github.event.pull_request.head.sha"), "{err}");
    // Checked out at the pull request's head, the same event passes the guard.
    o.git(&dir, &["checkout", "-q", "--detach", &o.feature]);
    let out = o.relhook(&dir, &["check"], &env);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the bad commit is found: {}",
        text(&out)
    );
}

#[test]
fn github_push_whose_previous_tip_was_pushed_over_checks_what_left_the_default_branch() {
    let o = origin();
    let dir = o.checkout_dir();
    o.git(
        &dir,
        &[
            "fetch",
            "-q",
            "origin",
            "+refs/heads/*:refs/remotes/origin/*",
        ],
    );
    o.git(&dir, &["checkout", "-q", "--detach", &o.feature]);
    let gone = "1234567890123456789012345678901234567890";
    let event = push_event(&o, gone);
    let env = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "push"),
        ("GITHUB_REF_NAME", "feature"),
        ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
    ];
    let out = o.relhook(&dir, &["check", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let j = json(&out);
    assert_eq!(j["range"]["base"], o.fork.as_str(), "{j}");
    assert!(
        j["range"]["reason"].as_str().unwrap().contains(
            "123456789 is not in this clone (pushed over?), so the commits not on origin/main"
        ),
        "{j}"
    );
    // On the default branch itself there is no such fallback: never an empty range.
    let env_main = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "push"),
        ("GITHUB_REF_NAME", "main"),
        ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
    ];
    let out = o.relhook(&dir, &["check"], &env_main);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("is not in this clone"),
        "{}",
        text(&out)
    );
}

/// A forced push to the default branch whose previous tip is gone, or its first push: the
/// branch's upstream is the pushed tip itself, so "since the upstream" checked nothing and
/// passed. CI that names no usable base checks since the last release tag, else everything.
#[test]
fn ci_pushes_to_the_default_branch_without_a_base_check_history_not_nothing() {
    let o = origin();
    let dir = o.repo.scratch("clone");
    o.git(
        o.repo.path().parent().unwrap(),
        &["clone", "-q", "-b", "main", &o.url(), dir.to_str().unwrap()],
    );
    let event = |before: &str, forced: bool| {
        let path = o.repo.scratch("event").join(format!("{before}.json"));
        std::fs::write(
            &path,
            format!(
                r#"{{"before":"{before}","after":"{}","forced":{forced},"ref":"refs/heads/main","repository":{{"default_branch":"main"}}}}"#,
                o.main
            ),
        )
        .unwrap();
        path
    };
    let github = |event: &Path| {
        o.relhook(
            &dir,
            &["check", "--format", "json"],
            &[
                ("GITHUB_ACTIONS", "true"),
                ("GITHUB_EVENT_NAME", "push"),
                ("GITHUB_REF_NAME", "main"),
                ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
            ],
        )
    };
    let gone = "1111111111111111111111111111111111111111";
    let zeros = "0000000000000000000000000000000000000000";
    for out in [
        github(&event(gone, true)),
        github(&event(zeros, false)),
        o.relhook(
            &dir,
            &["check", "--format", "json"],
            &[
                ("GITLAB_CI", "true"),
                ("CI_COMMIT_BEFORE_SHA", zeros),
                ("CI_COMMIT_BRANCH", "main"),
                ("CI_DEFAULT_BRANCH", "main"),
            ],
        ),
    ] {
        // The first commit of main is not conventional: it must be seen, and fail.
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let j = json(&out);
        assert_eq!(j["checked"], 4, "{j}");
        let reason = j["range"]["reason"].as_str().unwrap();
        assert!(reason.contains("all of HEAD's history"), "{j}");
    }
    // With a release tag, since that tag.
    o.git(&dir, &["tag", "-a", "-m", "v0.1.0", "v0.1.0", &o.fork]);
    let out = github(&event(gone, true));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let j = json(&out);
    assert_eq!(j["checked"], 1, "{j}");
    assert!(
        j["range"]["reason"].as_str().unwrap().contains("v0.1.0"),
        "{j}"
    );
}
