//! QA165: the cost of a release tag made by hand (`git tag -a v0.2.0`), whose hook runs judge
//! the tag (`prepared`) and then make its release commit (`committed`). Each of their checks
//! read the project's version file again (a `prepared` run read Cargo.toml 29 times), and the
//! record a release commit keeps for its resume was forced to disk: the one disk flush of a
//! hand tag, though the journal it follows is never flushed. While a run holds the work tree
//! still a version file is read once, and a hand tag flushes nothing. Guarded by counting
//! work, never by timing: `RELHOOK_TEST_VERSION_READS` and `RELHOOK_TEST_SYNCS` make each run
//! say how many version file reads and disk flushes it made.

use crate::support::{dated_release, ok, stderr, text, untested_installed};

/// The counts each relhook run said for `what`, in the order the runs ended.
fn counts(err: &str, what: &str) -> Vec<usize> {
    let suffix = format!(" {what}");
    let counts: Vec<usize> = err
        .lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(suffix.as_str()))
        .map(|n| n.parse().expect("a count"))
        .collect();
    assert!(!counts.is_empty(), "no count of {what} said:\n{err}");
    counts
}

/// A hand tag of a Rust project: its two hook runs read Cargo.toml a few times between them,
/// not once per check, and force no file to disk.
#[test]
fn hand_release_tag_reads_its_version_file_once_per_held_run_and_syncs_nothing() {
    let repo = untested_installed();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "Cargo.toml", "CHANGELOG.md"]);
    repo.commit_hooked("docs: start a changelog");
    repo.commit_hooked("feat: first");
    ok(dated_release(&repo, &[]));
    for i in 0..3 {
        repo.commit_hooked(&format!("fix: change {i}"));
    }
    let out = repo.git_in(
        &repo.path(),
        &["tag", "-a", "v0.2.0", "-m", "release 0.2.0"],
        &[
            ("RELHOOK_TEST_VERSION_READS", "1"),
            ("RELHOOK_TEST_SYNCS", "1"),
            ("RELHOOK_DATE", "2026-11-21"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("v0.2.0 now points at release commit"), "{err}");
    let shown = repo.git(&["show", "v0.2.0:Cargo.toml"]);
    assert!(shown.contains("version = \"0.2.0\""), "{shown}");
    let reads = counts(&err, "version file reads");
    assert_eq!(reads.len(), 2, "a prepared and a committed run:\n{err}");
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
