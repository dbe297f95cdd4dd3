//! QA217: the cost of a release tag made by hand (issue 16). Its `prepared` run asked for
//! HEAD's half-made release twice (an interrupted release below the tag, then an untagged
//! release commit at HEAD), and each look reads up to 50 commits and their changelogs: the
//! first look is kept for the second. Guarded by counting work, never by timing: with
//! `RELHOOK_TEST_HALF_MADE` set, relhook says how many times it looked.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// `prepared` looks for HEAD's half-made release once, for all of its checks.
#[test]
fn hand_release_tag_looks_for_a_half_made_release_once_in_prepared() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_HALF_MADE"]);
    let runs = counts(&err, "half-made release searches");
    assert_eq!(runs[0], 1, "prepared looked {} times:\n{err}", runs[0]);
}
