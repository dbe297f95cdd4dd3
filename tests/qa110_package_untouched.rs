//! QA110: `relhook release --package a` where commits came since a's last release, none of
//! them touching a's directory: the refusal said "no commits since a-v1.0.0", which
//! `git log` belies. It now says how many came and that none touches the package.

use crate::support::{Repo, ok, stderr, text, two_packages};

const A: &str = r#"{"name":"a","version":"1.0.0"}"#;
const B: &str = r#"{"name":"b","version":"1.0.0"}"#;

/// `two_packages`, with a released once over `feat: a thing`.
fn a_released() -> Repo {
    let repo = two_packages(A, B);
    repo.write("p/a/one.txt", "1\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: a thing"]));
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    repo
}

/// The refusal of `relhook release ARGS`: its one `release refused` line.
fn refused(repo: &Repo, args: &[&str]) -> String {
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    err.trim_end().to_owned()
}

#[test]
fn commits_only_outside_the_package_are_said_to_be_there() {
    let repo = a_released();
    repo.write("p/b/one.txt", "1\n");
    repo.write("top.txt", "1\n");
    repo.git(&["add", "p/b/one.txt"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: b thing"]));
    repo.git(&["add", "top.txt"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: root thing"]));

    let said = "relhook: release refused: a: nothing to release: none of the 2 commits since a-v1.0.0 touches p/a; a `feat:` or `fix:` commit that touches p/a makes one";
    assert_eq!(refused(&repo, &["release", "--package", "a"]), said);
    assert_eq!(
        refused(&repo, &["release", "--package", "a", "--dry-run"]),
        said
    );
}

#[test]
fn one_commit_outside_the_package_is_said_in_the_singular() {
    let repo = a_released();
    repo.write("top.txt", "1\n");
    repo.git(&["add", "top.txt"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: root thing"]));
    assert_eq!(
        refused(&repo, &["release", "--package", "a"]),
        "relhook: release refused: a: nothing to release: the one commit since a-v1.0.0 does not touch p/a; a `feat:` or `fix:` commit that touches p/a makes one"
    );
}

#[test]
fn with_no_commit_at_all_it_still_says_none_came() {
    let repo = a_released();
    assert_eq!(
        refused(&repo, &["release", "--package", "a"]),
        "relhook: release refused: a: nothing to release: no commits since a-v1.0.0; a `feat:` or `fix:` commit (anything with a changelog entry) makes one"
    );
}
