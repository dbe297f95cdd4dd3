//! QA154: the cost of a release tag made by hand (`git tag -a v0.2.0`), whose hook runs judge
//! the tag (`prepared`) and then make its release commit (`committed`). Their checks each
//! asked for the release tags of the prefix, and each ask listed `refs/tags` and read every
//! tag object again: a dozen listings in `prepared` alone. While a run holds the refs still
//! (all of `prepared`, `committed` until its release commit) a prefix's release tags are
//! listed once. Guarded by counting work, never by timing: with `RELHOOK_TEST_TAG_LISTINGS`
//! set, relhook says how many times it listed a prefix's release tags.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// A hand tag's two hook runs list the prefix's release tags a few times between them, not
/// once per check: `prepared` holds every ref still, `committed` until its release commit.
#[test]
fn hand_release_tag_lists_release_tags_once_per_held_run() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_TAG_LISTINGS"]);
    let runs = counts(&err, "release tag listings");
    let (prepared, committed) = (runs[0], runs[1]);
    assert!(
        prepared <= 2,
        "prepared listed the release tags {prepared} times:\n{err}"
    );
    assert!(
        committed <= 4,
        "committed listed the release tags {committed} times:\n{err}"
    );
}
