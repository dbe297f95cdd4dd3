//! QA303: the release commit of a tag made by hand is made under a transaction whose journal
//! (`.git/relhook-txn`) says each step before it is taken, so that a killed run is finished or
//! undone. Each line opened the journal again, wrote it and closed it: five opens of one file
//! for a hand tag's release commit, more with more files. The journal is opened once now, and
//! each line is one write to it. Counted with `RELHOOK_TEST_JOURNAL_OPENS`, never timed.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// `prepared` writes no journal; `committed` opens its one transaction's journal once.
#[test]
fn a_hand_tags_release_commit_opens_its_journal_once() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_JOURNAL_OPENS"]);
    let runs = counts(&err, "journal opens");
    assert_eq!(runs, [0, 1], "{err}");
    assert!(!repo.path().join(".git/relhook-txn").exists());
    let section = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    assert!(
        section.contains(
            "## [0.2.0] - 2026-11-21\n\n### Fixed\n\n- change 0\n- change 1\n- change 2\n"
        ),
        "{section}"
    );
}
