//! QA44: after `git revert` of a package's release commit and `git tag -d` as relhook
//! advised, `relhook release --package a` was refused as an interrupted release and
//! `--resume` put the deleted tag back on the reverted commit (doctor then said the revert
//! again: a loop). A release commit whose section HEAD no longer has is undone, not
//! interrupted, as the root's is: the package is released again. A release naming two
//! reverted packages names both.

use crate::support::{Repo, ok, stderr, stdout, text, two_packages};

/// Packages a (1.0.0) and b (2.0.0) released together, released again as a-v1.0.1 and
/// b-v2.0.1, and that second release commit reverted through the hooks.
fn both_reverted() -> Repo {
    let repo = two_packages(
        "{\"name\": \"a\", \"version\": \"1.0.0\"}\n",
        "{\"name\": \"b\", \"version\": \"2.0.0\"}\n",
    );
    for (n, subject) in [(1, "fix: one"), (2, "fix: two")] {
        repo.write("p/a/x.js", format!("{n}\n"));
        repo.write("p/b/x.js", format!("{n}\n"));
        repo.git(&["add", "-A"]);
        repo.commit_hooked(subject);
        ok(repo.relhook(&["release", "--all", "--no-test"]));
    }
    ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    repo
}

#[test]
fn a_reverted_package_release_with_its_tag_deleted_is_released_again() {
    let repo = both_reverted();
    ok(repo.git_output(&["tag", "-d", "a-v1.0.1"]));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("interrupted release"), "{doctor}");
    let out = repo.relhook(&["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("releasing a-v1.0.1"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.head_subject(), "chore(release): a-v1.0.1");
    let log = repo.read("p/a/CHANGELOG.md");
    let section = log
        .split("## [1.0.1]")
        .nth(1)
        .unwrap_or_else(|| panic!("{log}"));
    assert!(section.contains("two"), "{log}");
    // Nothing left to resume, and b's revert is still said.
    let resume = repo.relhook(&["release", "--resume", "--no-test"]);
    assert!(
        stderr(&resume).contains("nothing to resume"),
        "{}",
        text(&resume)
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("release tag b-v2.0.1 is in HEAD's history")
            && !doctor.contains("a-v1.0.1 is in HEAD's history"),
        "{doctor}"
    );
}

#[test]
fn a_release_naming_two_reverted_packages_names_both() {
    let repo = both_reverted();
    let out = repo.relhook(&["release", "--package", "a", "--package", "b", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("a: release tag a-v1.0.1 is in HEAD's history")
            && err.contains("b: release tag b-v2.0.1 is in HEAD's history")
            && err.contains("git tag -d a-v1.0.1")
            && err.contains("git tag -d b-v2.0.1"),
        "{err}"
    );
}
