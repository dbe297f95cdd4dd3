//! QA268: the `committed` run of a release tag made by hand hashed the release's changelog
//! text again for each thing it did with it (compared it, stored it, staged it): ten
//! SHA-1s of a few texts, a tenth of the run. An id is kept with the bytes it is of now.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// The distinct objects `committed` hashes here: changelog texts, the release commit and the
/// tag moved onto it (ten hashes before ids were kept).
const HASHES: usize = 5;

/// The release's changelog, its commit and its tag are hashed once each.
#[test]
fn a_hand_tag_hashes_each_object_once() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_OBJECT_HASHES"]);
    let hashes = counts(&err, "objects hashed");
    assert!(
        hashes[1] <= HASHES,
        "committed hashed {} objects:\n{err}",
        hashes[1]
    );
}
