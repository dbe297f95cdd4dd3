//! QA172: a release tag made by hand (`git tag -a v0.2.0`) listed `refs/tags` a dozen times
//! in its `prepared` run: beyond the release tags of its prefix (QA154), its checks asked
//! seven times for the greatest tag of every prefix and twice for the tags under the prefix,
//! each ask reading the `refs/tags` folder and every tag in it again. While a run holds the
//! refs still each such listing is made once. Guarded by counting work, never by timing:
//! with `RELHOOK_TEST_TAG_REF_LISTINGS` set, relhook says how many times it listed
//! `refs/tags`.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// A hand tag's `prepared` run lists `refs/tags` once per kind of question, not once per
/// check, and its `committed` run no more than that again around its release commit.
#[test]
fn hand_release_tag_lists_tag_refs_once_per_question() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_TAG_REF_LISTINGS"]);
    let runs = counts(&err, "tag ref listings");
    let (prepared, committed) = (runs[0], runs[1]);
    assert!(
        prepared <= 5,
        "prepared listed refs/tags {prepared} times:\n{err}"
    );
    assert!(
        committed <= 7,
        "committed listed refs/tags {committed} times:\n{err}"
    );
}
