//! QA42: in a shallow clone, `relhook check` with a base that does not exist at all (a
//! mistyped `--base` name, a CI variable that holds no commit id) advised `git fetch
//! --unshallow`, which cannot make it exist. It now says the base does not exist, naming it
//! and where it came from; a base really beyond the shallow boundary keeps the advice.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{Repo, relhook_bin, stderr, text};

/// An origin with five commits on main and a feature branch, and a depth-1 clone of the
/// feature branch (origin/main not fetched), as a CI makes it.
fn shallow_clone() -> (Repo, PathBuf) {
    let repo = Repo::new();
    for i in 0..5 {
        repo.commit(&format!("feat: change {i}"));
    }
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.commit("fix: feature work");
    let dir = repo.scratch("clone");
    let url = format!("file://{}", repo.path().display());
    let out = repo.git_in(
        &dir,
        &["clone", "-q", "--depth=1", "--branch", "feature", &url, "."],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    (repo, dir)
}

fn check(repo: &Repo, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    repo.command_in(relhook_bin(), dir)
        .arg("check")
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

#[test]
fn a_base_name_that_is_nowhere_is_said_not_to_exist_without_unshallow() {
    let (repo, dir) = shallow_clone();
    for (base, stem) in [("nonexist", "nonexist"), ("origin/nope~2", "origin/nope")] {
        let out = check(&repo, &dir, &["--base", base], &[]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "cannot check --base {base}: the base `{base}` is not in this clone: no branch, tag or commit named `{stem}` exists here"
            )),
            "{err}"
        );
        assert!(!err.contains("unshallow"), "{err}");
        assert!(!err.contains("shallow clone"), "{err}");
        assert_eq!(err.lines().count(), 2, "{err}");
    }
}

#[test]
fn a_ci_base_that_is_no_commit_id_is_said_so_without_unshallow() {
    let (repo, dir) = shallow_clone();
    let env = [
        ("GITLAB_CI", "true"),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", "not-a-commit"),
        ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
    ];
    let out = check(&repo, &dir, &[], &env);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the base `not-a-commit` is not a commit id (CI_MERGE_REQUEST_DIFF_BASE_SHA)"),
        "{err}"
    );
    assert!(!err.contains("unshallow"), "{err}");
}

#[test]
fn a_base_beyond_the_shallow_boundary_keeps_the_unshallow_advice() {
    let (repo, dir) = shallow_clone();
    // HEAD's own history, cut by the boundary.
    let out = check(&repo, &dir, &["--base", "HEAD~3"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("git fetch --unshallow"),
        "{}",
        text(&out)
    );
    // A commit id the clone did not fetch may be below the boundary: deepening may bring it.
    let first = repo.git(&["rev-list", "--max-parents=0", "HEAD"]);
    let out = check(&repo, &dir, &["--base", &first], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("git fetch --unshallow"),
        "{}",
        text(&out)
    );
    // A base that is here, whose merge base with HEAD is below the boundary.
    let fetched = repo.git_in(&dir, &["fetch", "-q", "--depth=1", "origin", "main"], &[]);
    assert!(fetched.status.success(), "{}", text(&fetched));
    let out = check(&repo, &dir, &["--base", "FETCH_HEAD"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("does not reach the merge base"), "{err}");
    assert!(err.contains("git fetch --unshallow"), "{err}");
}
