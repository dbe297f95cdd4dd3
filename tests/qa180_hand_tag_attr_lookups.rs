//! QA180: a release tag made by hand (`git tag -a v0.2.0`) looked up gitattributes 9 times in
//! its `prepared` run and 13 in its `committed` one: the version files' `filter` and
//! `working-tree-encoding` once per check that asked, and those of the two npm locks relhook
//! looks for though neither was committed. Each lookup costs libgit2 a `realpath` of the
//! file (a `readlink` per folder above it) and a stat of every attributes file: most of the
//! folder resolutions of a hand tag. A file HEAD lacks has no attributes read, and while the
//! attributes files hold still (all of `prepared`; all of `committed`, whose release commit
//! writes no attributes file) each answer is read once. Guarded by counting work, never by
//! timing: with `RELHOOK_TEST_ATTR_LOOKUPS` set, relhook says how many lookups it made.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// A hand tag of a Rust project: each run looks up each attribute of each file once, and none
/// of a file HEAD lacks.
#[test]
fn hand_release_tag_looks_up_each_attribute_once() {
    let manifest = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    let repo = released_with_fixes(&[("Cargo.toml", manifest)]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_ATTR_LOOKUPS"]);
    let shown = repo.git(&["show", "v0.2.0:Cargo.toml"]);
    assert!(shown.contains("version = \"0.2.0\""), "{shown}");
    let runs = counts(&err, "attribute lookups");
    let (prepared, committed) = (runs[0], runs[1]);
    // Cargo.toml's and CHANGELOG.md's `filter` and `working-tree-encoding`; `committed` also
    // asks CHANGELOG.md's `diff` once, for the old version left in it.
    assert!(
        prepared <= 4,
        "prepared looked up attributes {prepared} times:\n{err}"
    );
    assert!(
        committed <= 5,
        "committed looked up attributes {committed} times:\n{err}"
    );
}
