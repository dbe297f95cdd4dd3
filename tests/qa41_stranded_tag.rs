//! QA41: after `git reset --hard` over a release, its tag stays on a commit no branch holds.
//! Doctor said nothing about it, and the next release was sent to skip the version
//! (`relhook release 0.1.2`) though the tag never left this clone.

use crate::support::{Repo, stderr, stdout, text, untested_installed};

/// A release of 0.1.0, then one of 0.1.1 dropped by `git reset --hard`.
fn reset_over_a_release() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("fix: two");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    repo
}

#[test]
fn doctor_names_a_release_tag_no_branch_holds() {
    let repo = reset_over_a_release();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let row = said
        .lines()
        .find(|l| l.contains("v0.1.1"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        row.contains("WARNING") && row.contains("on no branch"),
        "{said}"
    );
    assert!(
        said.contains("no remote, so v0.1.1 was never published: `git tag -d v0.1.1`"),
        "{said}"
    );
    // The fix works: the next release takes 0.1.1 again.
    repo.git(&["tag", "-d", "v0.1.1"]);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag", "--list"]).contains("v0.1.1"));
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("on no branch"), "{}", text(&out));
}

#[test]
fn the_release_offers_the_tag_back_before_skipping_its_version() {
    let repo = reset_over_a_release();
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("tag v0.1.1 already exists on a commit no branch holds")
            && err.contains("`git tag -d v0.1.1`"),
        "{err}"
    );
}

#[test]
fn with_a_remote_both_ways_are_named() {
    let repo = reset_over_a_release();
    repo.with_origin();
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("if v0.1.1 was never pushed: `git tag -d v0.1.1`")
            && err.contains("`relhook release 0.1.2`"),
        "{err}"
    );
}

#[test]
fn a_tag_on_another_branch_is_not_stranded() {
    let repo = reset_over_a_release();
    repo.git(&["branch", "keep", "v0.1.1"]);
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("on no branch"), "{}", text(&out));
}

/// QA41: with a remote, doctor said "keep it: the next release takes the first version above
/// it", while the release refused and asked for that version by name: both name it now.
#[test]
fn with_a_remote_doctor_names_the_version_the_release_names() {
    let repo = reset_over_a_release();
    repo.with_origin();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("if v0.1.1 was never pushed: `git tag -d v0.1.1`")
            && said.contains("`relhook release 0.1.2` takes the first version above it"),
        "{said}"
    );
    let out = repo.relhook(&["release", "0.1.2"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
