//! QA: in a single-branch shallow clone (actions/checkout's, `git clone --branch pr
//! --depth 1`), `relhook check` for a pull request advised `git fetch --unshallow origin`,
//! which deepens the PR branch only: `origin/main` stayed missing and the pasted advice ended
//! in the same error. The advice now fetches the base branch by an explicit refspec.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{Repo, relhook_bin, stderr, stdout, text};

/// An origin with main and a `pr` branch, and a depth-1 single-branch clone of `pr`.
fn pr_clone(repo: &Repo) -> PathBuf {
    for i in 0..5 {
        repo.commit(&format!("feat: change {i}"));
    }
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo.commit("fix: pull request work");
    let dir = repo.scratch("clone");
    let url = format!("file://{}", repo.path().display());
    let args = ["clone", "-q", "--depth=1", "--branch", "pr", &url, "."];
    let out = repo.git_in(&dir, &args, &[]);
    assert!(out.status.success(), "{}", text(&out));
    dir
}

fn github_check(repo: &Repo, dir: &Path) -> Output {
    repo.command_in(relhook_bin(), dir)
        .arg("check")
        .envs([
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("GITHUB_BASE_REF", "main"),
            ("GITHUB_HEAD_REF", "pr"),
        ])
        .output()
        .unwrap()
}

/// The command in the hint's backticks that starts with `git fetch`.
fn fetch_command(err: &str) -> String {
    let start = err.find("`git fetch").expect("a fetch command in the hint") + 1;
    let len = err[start..].find('`').unwrap();
    err[start..start + len].to_owned()
}

/// Runs `command` in the clone as a person pasting it would, which must succeed.
fn paste(repo: &Repo, dir: &Path, command: &str) {
    let out = repo
        .command_in("sh", dir)
        .args(["-c", command])
        .output()
        .unwrap();
    assert!(out.status.success(), "{command}: {}", text(&out));
}

#[test]
fn the_shallow_pull_request_advice_fetches_the_base_branch() {
    let repo = Repo::new();
    let dir = pr_clone(&repo);
    let out = github_check(&repo, &dir);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    let fetch = fetch_command(&err);
    assert_eq!(
        fetch,
        "git fetch --unshallow origin '+refs/heads/main:refs/remotes/origin/main'"
    );
    // Pasted as printed, the check then runs.
    paste(&repo, &dir, &fetch);
    let out = github_check(&repo, &dir);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout(&out).contains("checked 1 commit"), "{}", text(&out));
}

/// A full single-branch clone: the base is missing, not cut off; the fetch named brings it.
#[test]
fn the_full_single_branch_clone_advice_fetches_the_base_branch() {
    let repo = Repo::new();
    let dir = pr_clone(&repo);
    let out = repo.git_in(&dir, &["fetch", "-q", "--unshallow"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let out = github_check(&repo, &dir);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let fetch = fetch_command(&stderr(&out));
    assert_eq!(
        fetch,
        "git fetch origin '+refs/heads/main:refs/remotes/origin/main'"
    );
    paste(&repo, &dir, &fetch);
    assert!(github_check(&repo, &dir).status.success());
}
