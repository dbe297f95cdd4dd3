//! QA35: `git push origin HEAD:refs/tags/v0.1.0` (a commit pushed as a release tag, no tag
//! here) got two refusals for the one ref, each with a fix for a local tag that does not exist
//! (`git tag -d v0.1.0`, `relhook test --tag v0.1.0`). It gets one, naming the release to make.

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn a_commit_pushed_as_a_release_tag_gets_one_refusal_naming_the_release() {
    let repo = installed_repo();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    let out = repo.git_output(&["push", "origin", "HEAD:refs/tags/v0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("refs/tags/v0.1.0"), "{err}");
    assert!(
        err.contains("no tag of this clone stands behind it"),
        "{err}"
    );
    assert!(err.contains("relhook release 0.1.0"), "{err}");
    assert!(!err.contains("git tag -d"), "{err}");
    assert!(!err.contains("relhook test --tag"), "{err}");
    assert!(err.contains("1 problem"), "{err}");
}

/// Over a tag the remote has (QA35 second round): not "restore the published tag here", as
/// if this clone's tag had moved; the published one stays, a new release is made.
#[test]
fn a_commit_pushed_over_a_published_release_tag_is_told_to_leave_it() {
    let repo = installed_repo();
    repo.with_origin();
    ok(repo.relhook(&["release", "--no-test"]));
    let out = repo.git_env(
        &["push", "-q", "--follow-tags", "origin", "main"],
        &[("RELHOOK_SKIP", "1")],
    );
    let _ = out;
    repo.commit_hooked("fix: more");
    let out = repo.git_output(&["push", "origin", "HEAD:refs/tags/v0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("no tag of this clone stands behind it"),
        "{err}"
    );
    assert!(err.contains("leave origin's v0.1.0 as it is"), "{err}");
    assert!(!err.contains("git fetch --force"), "{err}");
}
