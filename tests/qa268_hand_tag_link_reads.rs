//! QA268: every question of a file's commit-link style (git-cliff's capital, how a new
//! entry links its commit) copied each entry line with its blanks squeezed and searched it
//! for a link, though an entry that links its commit holds `([`, which most lines do not:
//! near a tenth of a hand tag's `committed` run where no entry links one. Such lines are
//! passed over now; one that links its commit is read as before.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// No entry links its commit: no entry line is read for a commit link.
#[test]
fn a_hand_tag_reads_no_entry_line_for_a_commit_link_none_has() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_COMMIT_LINK_READS"]);
    let reads = counts(&err, "commit link reads");
    assert_eq!(
        reads[1], 0,
        "committed read {} entry lines for a commit link:\n{err}",
        reads[1]
    );
}

/// An entry that links its commit (git-cliff's form) is still read, and a `--sync` links the
/// new entries' commits as it does.
#[test]
fn entries_that_link_their_commit_are_still_read() {
    let repo = released_with_fixes(&[]);
    let log = repo.read("CHANGELOG.md").replace(
        "- change 0\n",
        "- change 0 - ([b99a232](https://github.com/o/r/commit/b99a23250fe159c39a17d223359268611e8547e7))\n",
    );
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "-am", "docs: link a commit"]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_COMMIT_LINK_READS"]);
    let reads = counts(&err, "commit link reads");
    assert!(reads[1] > 0, "{err}");
}
