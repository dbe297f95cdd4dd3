//! QA297 (issue #16): the `committed` run of a release tag made by hand parsed the changelog
//! twice: once to make the release's section, and again, whole, the text that edit rendered,
//! to check the notes it reads from it (a release never has empty notes). The edited changelog is that text's parse: the notes are read
//! from it. Counted (`RELHOOK_TEST_PARSE_COUNT`), never timed; the release made is the same.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

#[test]
fn a_hand_tag_parses_the_changelog_it_releases_once() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_PARSE_COUNT"]);
    let parses = counts(&err, "changelog parses");
    assert_eq!(
        parses[1], 1,
        "committed parsed the changelog more than once:\n{err}"
    );
    // The release as before: its section, with the three fixes.
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("## [0.2.0] - 2026-11-21"), "{log}");
    for i in 0..3 {
        assert!(log.contains(&format!("change {i}")), "{log}");
    }
    assert_eq!(repo.git(&["status", "--porcelain"]).trim(), "");
}
