//! QA41: after a release's tag was deleted, a hand tag of the next version on its release
//! commit was refused as "nothing for the changelog", advising to write notes: the commit is
//! that release's, untagged. The refusal says so and names the tag that completes it; tagging
//! that version says it completes the release.

use crate::support::{configured_with_a_feature, hand_tag, hand_tag_refused, stderr, text};

fn untagged_release() -> crate::support::Repo {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["tag", "-d", "v0.1.0"]);
    repo
}

#[test]
fn the_next_version_on_an_untagged_release_commit_names_its_tag() {
    let repo = untagged_release();
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        err.contains("HEAD is the release commit of 0.1.0, which has no tag: `git tag -a v0.1.0 -m v0.1.0` (or `relhook release --resume`)"),
        "{err}"
    );
    assert!(!err.contains("nothing for the changelog"), "{err}");
}

#[test]
fn its_own_tag_completes_the_release() {
    let repo = untagged_release();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("v0.1.0: completes the release of 0.1.0"),
        "{err}"
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no other commit");
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
}
