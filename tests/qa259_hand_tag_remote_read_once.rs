//! QA259 (issue #16): the `committed` run of a release tag made by hand worked out the forge
//! of the remote twice (the changelog's plan, then the release's own entries), each time
//! scanning the configuration for the remotes and looking `origin` up. The remote's URL is now
//! read once a process. Counted (`RELHOOK_TEST_REMOTE_LOOKUPS`), never timed.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

#[test]
fn a_hand_tags_committed_run_looks_its_remote_up_once() {
    let repo = released_with_fixes(&[]);
    repo.git(&["remote", "add", "origin", "https://github.com/o/r.git"]);
    repo.commit_hooked("fix: linked (#12)");
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_REMOTE_LOOKUPS"]);
    let lookups = counts(&err, "remote lookups")[1];
    assert_eq!(
        lookups, 1,
        "committed looked the remote up {lookups} times:\n{err}"
    );
    // The forge still links the reference the entry names.
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    let section = log.split("## [0.2.0]").nth(1).unwrap_or_default();
    assert!(
        section.contains("https://github.com/o/r/issues/12")
            || section.contains("https://github.com/o/r/pull/12"),
        "{log}"
    );
}
