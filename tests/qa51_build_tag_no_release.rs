//! QA51: a tag with build metadata (`v0.1.1+b.1`) is no release for pre-push, but
//! `relhook version`, `relhook release` and the history counted it as one: with it on HEAD,
//! `relhook version` said 0.1.1+b.1, `relhook release` advised `relhook release --no-test
//! 0.1.1+b.1` (which pre-push refuses), and a v0.1.1 made beside it was refused at push as
//! "not greater than v0.1.1+b.1". A build tag is now no release anywhere: passed over with a
//! line that says so, v0.1.1 is released and pushed, and the build tag's own push is refused
//! with a fix that works.

use crate::support::{Repo, ok, released_and_pushed, stderr, stdout, text};

/// relhook installed, v0.1.0 released and pushed, `fix: b` committed and tagged
/// `v0.1.1+b.1` past the hook.
fn with_a_build_tag() -> Repo {
    let repo = released_and_pushed("[checks]\nrequire_tested_tags = false\n");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.1+b.1", "-m", "build"]));
    repo
}

#[test]
fn a_build_tag_is_passed_over_by_version_and_release() {
    let repo = with_a_build_tag();
    let out = ok(repo.relhook(&["version"]));
    assert_eq!(stdout(&out).trim(), "0.1.0");
    let note = "tag v0.1.1+b.1 is passed over: its build metadata (`+b.1`) makes it no release";
    assert!(stderr(&out).contains(note), "{}", text(&out));
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "0.1.1");
    let out = ok(repo.relhook(&["release", "--no-test"]));
    assert!(stderr(&out).contains(note), "{}", text(&out));
    assert!(!text(&out).contains("0.1.1+b.1`"), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.1");
    // Released: the build tag is below it, and nothing is said of it any more.
    let out = ok(repo.relhook(&["version"]));
    assert_eq!(stdout(&out).trim(), "0.1.1");
    assert!(!stderr(&out).contains("passed over"), "{}", text(&out));
    // v0.1.1 goes; the build tag stays here.
    let out = repo.git_output(&["push", "origin", "main", "v0.1.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["ls-remote", "origin"])
            .contains("refs/tags/v0.1.1\n")
            || repo
                .git(&["ls-remote", "origin"])
                .ends_with("refs/tags/v0.1.1")
    );
}

#[test]
fn a_build_tag_pushed_beside_its_release_is_refused_with_a_fix_that_works() {
    let repo = with_a_build_tag();
    ok(repo.relhook(&["release", "--no-test"]));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("delete the tag (`git tag -d v0.1.1+b.1`): v0.1.1 is released already"),
        "{err}"
    );
    assert!(!err.contains("not greater than"), "{err}");
    assert!(!err.contains("relhook release 0.1.1"), "{err}");
    ok(repo.sh("git tag -d v0.1.1+b.1"));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["ls-remote", "origin"])
            .contains("refs/tags/v0.1.1")
    );
}
