//! QA41: in CI, `relhook check`'s range line said "(no upstream)", a local branch's words, when
//! the CI's variables named no base, and printed the base commit sometimes whole (`; base
//! <40 hex>`), sometimes short. It now says where the base came from in CI terms, and always
//! the short id.

use std::process::Output;

use crate::support::{Repo, relhook_bin, stdout, text};

fn check_in_ci(repo: &Repo, env: &[(&str, &str)]) -> String {
    let out: Output = repo
        .command_in(relhook_bin(), &repo.path())
        .arg("check")
        .env("CI", "true")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let line = stdout(&out).lines().next().unwrap_or("").to_owned();
    assert!(line.starts_with("relhook: checking "), "{}", text(&out));
    line
}

/// No id in `line` is written whole.
fn no_full_ids(line: &str) {
    let whole = line
        .split(|c: char| !c.is_ascii_hexdigit())
        .any(|w| w.len() >= 40);
    assert!(!whole, "a full id in: {line}");
}

#[test]
fn a_ci_run_that_names_no_base_says_so_in_ci_terms() {
    let repo = Repo::new();
    repo.commit("feat: x");
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.commit("fix: y");
    let gitlab = [
        ("GITLAB_CI", "true"),
        (
            "CI_COMMIT_BEFORE_SHA",
            "0000000000000000000000000000000000000000",
        ),
        ("CI_COMMIT_BRANCH", "main"),
        ("CI_DEFAULT_BRANCH", "main"),
    ];
    let line = check_in_ci(&repo, &gitlab);
    assert!(!line.contains("upstream"), "{line}");
    assert!(
        line.contains("the commits since the last release tag `v0.1.0`"),
        "{line}"
    );
    let github = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "workflow_dispatch"),
        ("GITHUB_REF_NAME", "main"),
    ];
    let line = check_in_ci(&repo, &github);
    assert!(!line.contains("upstream"), "{line}");
    // With no release tag either: all of history, said without a branch's upstream.
    repo.git(&["tag", "-d", "v0.1.0"]);
    let line = check_in_ci(&repo, &gitlab);
    assert!(!line.contains("upstream"), "{line}");
    assert!(line.contains("all of HEAD's history"), "{line}");
}

#[test]
fn a_ci_base_commit_is_said_by_its_short_id() {
    let repo = Repo::new();
    repo.commit("feat: x");
    let before = repo.commit("fix: y");
    repo.commit("fix: z");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let event = repo.scratch("event").join("push.json");
    std::fs::write(
        &event,
        format!(
            r#"{{"before":"{before}","after":"{head}","repository":{{"default_branch":"main"}}}}"#
        ),
    )
    .unwrap();
    let github = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "push"),
        ("GITHUB_REF_NAME", "main"),
        ("GITHUB_SHA", &head),
        ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
    ];
    let line = check_in_ci(&repo, &github);
    no_full_ids(&line);
    assert!(line.contains(&format!("; base {}", &before[..9])), "{line}");
    let gitlab = [
        ("GITLAB_CI", "true"),
        ("CI_COMMIT_BEFORE_SHA", &before),
        ("CI_COMMIT_SHA", &head),
        ("CI_COMMIT_BRANCH", "main"),
        ("CI_DEFAULT_BRANCH", "main"),
    ];
    let line = check_in_ci(&repo, &gitlab);
    no_full_ids(&line);
}
