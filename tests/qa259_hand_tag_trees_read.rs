//! QA259 (issue #16): the `committed` run of a release tag made by hand read the whole root
//! tree of every commit since the last release, to find each one's stored `.relconfig.toml`
//! (whose packages, had it any, would take their commits out of the root's changelog). With
//! no package today, a commit's tree is now read only up to where that name sorts; the whole
//! tree only where a stored configuration had packages. Counted (`RELHOOK_TEST_TREE_READS`),
//! never timed.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// Fixes since the release, besides the three `released_with_fixes` makes.
const MORE: usize = 20;

/// The release's walk meets `MORE + 3` commits: `committed` reads fewer whole trees than that
/// (it read one a commit, and some more).
#[test]
fn a_hand_tags_committed_run_reads_no_whole_tree_per_commit() {
    let repo = released_with_fixes(&[]);
    for i in 0..MORE {
        repo.commit_hooked(&format!("fix: more {i}"));
    }
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_TREE_READS"]);
    let read = counts(&err, "trees read whole")[1];
    assert!(
        read < MORE,
        "committed read {read} whole trees for {} commits:\n{err}",
        MORE + 3
    );
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    for i in 0..MORE {
        assert!(log.contains(&format!("- more {i}\n")), "{log}");
    }
}
