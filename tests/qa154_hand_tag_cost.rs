//! QA154: the cost of a release tag made by hand (`git tag -a v0.2.0`), whose hook runs judge
//! the tag (`prepared`) and then make its release commit (`committed`). Their checks each
//! asked for the release tags of the prefix, and each ask listed `refs/tags` and read every
//! tag object again: a dozen listings in `prepared` alone. While a run holds the refs still
//! (all of `prepared`, `committed` until its release commit) a prefix's release tags are
//! listed once. Guarded by counting work, never by timing: with `RELHOOK_TEST_TAG_LISTINGS`
//! set, relhook says how many times it listed a prefix's release tags.

use crate::support::{dated_release, ok, stderr, text, untested_installed};

/// The release tag listings each relhook run said it made, in the order the runs ended.
fn listings(err: &str) -> Vec<usize> {
    let counts: Vec<usize> = err
        .lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" release tag listings"))
        .map(|n| n.parse().expect("a count"))
        .collect();
    assert!(!counts.is_empty(), "no listing count said:\n{err}");
    counts
}

/// A hand tag's two hook runs list the prefix's release tags a few times between them, not
/// once per check: `prepared` holds every ref still, `committed` until its release commit.
#[test]
fn hand_release_tag_lists_release_tags_once_per_held_run() {
    let repo = untested_installed();
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "CHANGELOG.md"]);
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
            ("RELHOOK_TEST_TAG_LISTINGS", "1"),
            ("RELHOOK_DATE", "2026-11-21"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("v0.2.0 now points at release commit"), "{err}");
    let runs = listings(&err);
    assert_eq!(runs.len(), 2, "a prepared and a committed run:\n{err}");
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
