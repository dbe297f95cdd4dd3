//! QA172: a release tag made by hand (`git tag -a v0.2.0`) listed `refs/tags` a dozen times
//! in its `prepared` run: beyond the release tags of its prefix (QA154), its checks asked
//! seven times for the greatest tag of every prefix and twice for the tags under the prefix,
//! each ask reading the `refs/tags` folder and every tag in it again. While a run holds the
//! refs still each such listing is made once. Guarded by counting work, never by timing:
//! with `RELHOOK_TEST_TAG_REF_LISTINGS` set, relhook says how many times it listed
//! `refs/tags`.

use crate::support::{dated_release, ok, stderr, text, untested_installed};

/// The `refs/tags` listings each relhook run said it made, in the order the runs ended.
fn listings(err: &str) -> Vec<usize> {
    let counts: Vec<usize> = err
        .lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" tag ref listings"))
        .map(|n| n.parse().expect("a count"))
        .collect();
    assert!(!counts.is_empty(), "no listing count said:\n{err}");
    counts
}

/// A hand tag's `prepared` run lists `refs/tags` once per kind of question, not once per
/// check, and its `committed` run no more than that again around its release commit.
#[test]
fn hand_release_tag_lists_tag_refs_once_per_question() {
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
            ("RELHOOK_TEST_TAG_REF_LISTINGS", "1"),
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
        prepared <= 5,
        "prepared listed refs/tags {prepared} times:\n{err}"
    );
    assert!(
        committed <= 7,
        "committed listed refs/tags {committed} times:\n{err}"
    );
}
