//! QA48: doctor said "2 commit(s) since the last release call for an entry" where every other
//! message counts properly; the branch-behind refusals said "1 commit(s) behind" alike. They
//! now say "1 commit" and "2 commits".

use crate::support::{Repo, clone_installed, ok, stderr, stdout, text, untested_installed};

/// Doctor's changelog line for `n` commits made before `relhook install`, no CHANGELOG.md yet.
fn doctor_with_commits_before_install(n: usize) -> String {
    let repo = Repo::new();
    for i in 0..n {
        repo.git(&[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            &format!("feat: f{i}"),
        ]);
    }
    ok(repo.relhook(&["install"]));
    stdout(&repo.relhook(&["doctor"]))
}

#[test]
fn doctor_counts_the_commits_that_call_for_an_entry() {
    let said = doctor_with_commits_before_install(2);
    assert!(
        said.contains("there is no CHANGELOG.md yet, and 2 commits since the last release call"),
        "{said}"
    );
    let said = doctor_with_commits_before_install(1);
    assert!(
        said.contains("there is no CHANGELOG.md yet, and 1 commit since the last release call"),
        "{said}"
    );
    assert!(!said.contains("(s)"), "{said}");
}

#[test]
fn a_release_one_commit_behind_says_one_commit() {
    let repo = untested_installed();
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    let b = clone_installed(&repo, &origin, "b");
    std::fs::write(b.join("b.txt"), "b\n").unwrap();
    ok(repo.git_in(&b, &["add", "b.txt"], &[]));
    ok(repo.git_in(&b, &["commit", "-q", "-m", "feat: b"], &[]));
    ok(repo.git_in(&b, &["push", "-q", "origin", "main"], &[]));
    ok(repo.git_output(&["fetch", "-q"]));
    repo.commit_hooked("feat: a");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the branch is 1 commit behind origin/main (as last fetched)"),
        "{err}"
    );
}
