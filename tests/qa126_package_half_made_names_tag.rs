//! QA126: a package's half-made release (its hand tag killed after its release commit) was
//! told as "the release commit of 0.2.0", which names no package (the workspace has two, and
//! the root has versions of its own). Doctor, `relhook release` and pre-push now name it by its
//! tag: "the release commit of a-v0.2.0".

use crate::qa126_prepush_interrupted_hand_release::killed_after_release_commit;
use crate::support::{stderr, stdout, text};

#[test]
fn a_package_release_commit_is_named_by_its_tag() {
    let repo = killed_after_release_commit();
    let named =
        "is the release commit of a-v0.2.0 but tag a-v0.2.0 is still on the commit before it";

    let out = repo.relhook(&["doctor"]);
    assert!(stdout(&out).contains(named), "{}", text(&out));
    let out = repo.relhook(&["release", "--package", "a"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(named), "{}", text(&out));
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    assert!(stderr(&push).contains(named), "{}", text(&push));
    assert!(
        !text(&push).contains("release commit of 0.2.0"),
        "{}",
        text(&push)
    );
}
