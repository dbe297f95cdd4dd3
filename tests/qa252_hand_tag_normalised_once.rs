//! QA252: the `committed` run of a release tag made by hand normalised each Unreleased entry
//! some eleven times: once per question the changelog plan asked of it (is it in the file,
//! does another commit stand with it, is it misplaced, did a lost commit call for it, did its
//! patch land in a released section), each normalising the same texts again. The plan now
//! normalises each candidate's entry once and shares it, and reads the file's entries again
//! only where a question needs them. Counted (`RELHOOK_TEST_NORMALIZED`), never timed.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// Fixes since the release: with the three `released_with_fixes` makes, the entries the
/// release's plan weighs.
const MORE: usize = 17;

/// With 20 entries in Unreleased, `committed` normalises about three texts per entry (61:
/// the commit's entry the plan shares, the file's, the release's), not eleven.
#[test]
fn a_hand_tags_committed_run_normalises_each_entry_a_few_times() {
    let repo = released_with_fixes(&[]);
    for i in 0..MORE {
        repo.commit_hooked(&format!("fix: more {i}"));
    }
    let entries = MORE + 3;
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_NORMALIZED"]);
    let normalised = counts(&err, "entry texts normalised")[1];
    assert!(
        normalised <= 4 * entries,
        "committed normalised {normalised} texts for {entries} Unreleased entries:\n{err}"
    );
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    let section = log.split("## [0.2.0]").nth(1).unwrap_or_default();
    let section = section.split("\n## [").next().unwrap_or_default();
    for i in 0..MORE {
        assert!(section.contains(&format!("- more {i}\n")), "{log}");
    }
}
