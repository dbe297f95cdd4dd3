//! QA259 (issue #16): the `committed` run of a release tag made by hand normalised each
//! Unreleased entry of the file again after normalising the commit's entry of the same words
//! (post-commit wrote the one from the other). The file's entry worded as a commit's now
//! shares that commit's key. Counted (`RELHOOK_TEST_NORMALIZED`), never timed.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// Fixes since the release, besides the three `released_with_fixes` makes.
const MORE: usize = 17;

/// With 20 entries in Unreleased, `committed` normalises about two texts per entry (the
/// commit's entry, shared with the file's; the release's), not three.
#[test]
fn a_hand_tags_committed_run_normalises_an_entry_and_its_commits_once() {
    let repo = released_with_fixes(&[]);
    for i in 0..MORE {
        repo.commit_hooked(&format!("fix: more {i}"));
    }
    let entries = MORE + 3;
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_NORMALIZED"]);
    let normalised = counts(&err, "entry texts normalised")[1];
    assert!(
        normalised <= 2 * entries + 3,
        "committed normalised {normalised} texts for {entries} Unreleased entries:\n{err}"
    );
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    let section = log.split("## [0.2.0]").nth(1).unwrap_or_default();
    for i in 0..MORE {
        assert!(section.contains(&format!("- more {i}\n")), "{log}");
    }
}
