//! QA287 (issue #16): the `committed` run of a release tag made by hand handed the
//! changelog's bytes to the object store twice more than it wrote: once to compare the work
//! tree's file with HEAD's, once to tell whether the release edits a file with uncommitted
//! changes. Each time it hashed or looked up the text, scanned it for CRLF and asked the store
//! for an object HEAD's tree already names. Bytes equal to HEAD's are HEAD's blob now.
//! Counted (`RELHOOK_TEST_OBJECT_WRITES`), never timed; the commit and tag made are the same.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// What `committed` stores here: the released changelog, the release commit and the tag
/// moved onto it (five before the comparisons took HEAD's blob).
const WRITES: usize = 3;

#[test]
fn a_hand_tag_stores_only_the_objects_it_makes() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_OBJECT_WRITES"]);
    let writes = counts(&err, "object writes");
    assert!(
        writes[1] <= WRITES,
        "committed handed {} objects to the store:\n{err}",
        writes[1]
    );
    // The release as before: its section, and the tree clean.
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [0.2.0] - 2026-11-21")
    );
    assert_eq!(repo.git(&["status", "--porcelain"]).trim(), "");
}
