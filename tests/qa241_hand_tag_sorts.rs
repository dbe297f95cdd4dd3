//! QA241: the cost of a release tag made by hand, its `prepared` run. Two of its checks (a
//! Python version's spelling, then the files the release would leave alone) each detected,
//! read and sorted every version file the release would write, 0.2M instructions apiece in a
//! debug build; while the run holds the work tree and the repository still, the files are
//! sorted once. Guarded by counting work, never by timing: `RELHOOK_TEST_VERSION_SORTS` makes
//! each hook run say how many times it sorted them.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// A hand tag of a Rust project: `prepared` sorts its version files once.
#[test]
fn hand_release_tag_sorts_its_version_files_once_while_judged() {
    let manifest = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    let repo = released_with_fixes(&[("Cargo.toml", manifest)]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_VERSION_SORTS"]);
    let shown = repo.git(&["show", "v0.2.0:Cargo.toml"]);
    assert!(shown.contains("version = \"0.2.0\""), "{shown}");
    let sorts = counts(&err, "version file sorts");
    assert_eq!(sorts[0], 1, "prepared sorted {} times:\n{err}", sorts[0]);
}
