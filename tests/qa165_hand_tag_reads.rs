//! QA165: the cost of a release tag made by hand (`git tag -a v0.2.0`), whose hook runs judge
//! the tag (`prepared`) and then make its release commit (`committed`). Each of their checks
//! read the project's version file again (a `prepared` run read Cargo.toml 29 times), and the
//! record a release commit keeps for its resume was forced to disk: the one disk flush of a
//! hand tag, though the journal it follows is never flushed. While a run holds the work tree
//! still a version file is read once, and a hand tag flushes nothing. Guarded by counting
//! work, never by timing: `RELHOOK_TEST_VERSION_READS` and `RELHOOK_TEST_SYNCS` make each run
//! say how many version file reads and disk flushes it made.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// A hand tag of a Rust project: its two hook runs read Cargo.toml a few times between them,
/// not once per check, and force no file to disk.
#[test]
fn hand_release_tag_reads_its_version_file_once_per_held_run_and_syncs_nothing() {
    let manifest = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    let repo = released_with_fixes(&[("Cargo.toml", manifest)]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_VERSION_READS", "RELHOOK_TEST_SYNCS"]);
    let shown = repo.git(&["show", "v0.2.0:Cargo.toml"]);
    assert!(shown.contains("version = \"0.2.0\""), "{shown}");
    let reads = counts(&err, "version file reads");
    let (prepared, committed) = (reads[0], reads[1]);
    // Each manifest relhook knows is looked for once (most are not there), Cargo.toml read
    // once; `committed` reads again once it writes.
    assert!(
        prepared <= 12,
        "prepared read version files {prepared} times:\n{err}"
    );
    assert!(
        committed <= 16,
        "committed read version files {committed} times:\n{err}"
    );
    assert_eq!(
        counts(&err, "files synced"),
        [0, 0],
        "a hand tag forces no file to disk:\n{err}"
    );
}
