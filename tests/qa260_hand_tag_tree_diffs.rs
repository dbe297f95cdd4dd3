//! QA260: the `prepared` run of a release tag made by hand diffed HEAD's tree against its
//! parent's (a libgit2 diff, with its snapshot of the configuration: 0.2M of a debug build's
//! 7.4M instructions) to ask whether the tagged commit writes only what a release writes, a
//! question that matters only where the tag would ship entries Unreleased still lists, which
//! a commit that wrote no section never does. That is asked first now (qa60 keeps the refusal
//! where it ships some). Guarded by counting work, never by timing: `RELHOOK_TEST_TREE_DIFFS`
//! makes each hook run say how many tree diffs it made.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// A hand tag over three fixes: `prepared` judges it without a tree diff.
#[test]
fn a_hand_tags_prepared_run_diffs_no_tree() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_TREE_DIFFS"]);
    let diffs = counts(&err, "tree diffs");
    assert_eq!(diffs[0], 0, "prepared diffed {} trees:\n{err}", diffs[0]);
}
