//! QA303: a release tag made by hand, in a history whose commits share one commit time (a
//! script, a rebase, `GIT_COMMITTER_DATE` fixed). Its `prepared` run walks `HEAD ^last` for
//! a twin release, then that range less another commit, then `HEAD ^last` again for the
//! reverts since the release: the run kept only the last range walked, so the third walk read
//! the range again, and with one commit time a range walk goes on down to the first commit
//! (the date tells nothing of where the range ends). The last few ranges are kept now.

use crate::support::Repo;
use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_below_fillers};

/// Commits made with `git commit-tree` below the release, all of one commit time.
const FILLERS: usize = 150;

/// The commits the `prepared` run of a hand tag walked, and what the tag's commit holds.
fn prepared_walk(repo: &Repo) -> usize {
    let err = hand_tag_counted(repo, &["RELHOOK_TEST_WALK_COUNT"]);
    counts(&err, "commits walked")[0]
}

/// `prepared` walks the history below the release twice at most (two distinct ranges), not
/// three times (478 commits walked before with 150 below the release, 28 without).
#[test]
fn prepared_walks_a_range_it_walked_before_from_memory() {
    let short = prepared_walk(&released_below_fillers(0));
    let long = released_below_fillers(FILLERS);
    let walked = prepared_walk(&long);
    assert!(
        walked < short + 2 * FILLERS + FILLERS / 3,
        "prepared walked {walked} commits with {FILLERS} below the release, {short} without"
    );
    let section = long.git(&["show", "v0.2.0:CHANGELOG.md"]);
    assert!(
        section.contains("## [0.2.0] - 2026-11-21\n\n### Changed\n\n- A note written by hand\n\n### Fixed\n\n- change 0\n- change 1\n- change 2\n"),
        "{section}"
    );
}
