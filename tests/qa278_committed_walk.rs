//! QA278: the `committed` run of a release tag made by hand walked the history after the last
//! release twice: once for the commits the release holds, and again from the last release to
//! itself, looking for copies of them (cherry-picks) the last release had already shipped. A
//! range that begins at the release it is compared with has nothing beyond it to compare: no
//! second walk.

use crate::support::hand_tag_cost::{counts, hand_tag_counted};
use crate::support::{dated_release, ok, untested_installed};

/// Released once, two fixes since, tagged by hand: `committed` walks the range once (its two
/// commits, the release and git's few commits of slop) and finds the last release tag (two).
#[test]
fn a_hand_tags_committed_run_walks_about_the_released_commits() {
    let repo = untested_installed();
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: start a changelog");
    repo.commit_hooked("feat: first");
    ok(dated_release(&repo, &[]));
    for i in 0..2 {
        repo.commit_hooked(&format!("fix: change {i}"));
    }
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_WALK_COUNT"]);
    let walked = counts(&err, "commits walked");
    assert!(
        walked[1] <= 8,
        "committed walked {} commits:\n{err}",
        walked[1]
    );
}
