//! QA298: beside an Unreleased entry written by hand, a release tag made by hand asked of each
//! commit HEAD's reflog remembers whether HEAD still reaches it, to skip reading its message.
//! A remembered commit far below the last release (an old release checked out, the clone's
//! first commit) walked HEAD's history all the way down to it: on vuejs/core, an old release
//! branch visited cost 1,700 commits walked to spare one commit's message. The question now
//! spends a few steps per remembered commit at most, and reads the message past them.

use crate::support::Repo;
use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_below_fillers};

/// Commits made with `git commit-tree` (HEAD's reflog does not remember them) on HEAD.
const FILLERS: usize = 150;

/// The commits the `committed` run of a hand tag walked.
fn committed_walk(repo: &Repo) -> usize {
    let err = hand_tag_counted(repo, &["RELHOOK_TEST_WALK_COUNT"]);
    counts(&err, "commits walked")[1]
}

/// The history below the last release is not walked again for the remembered first commit.
/// The fillers share one commit time, which the range walk's slop walks through once (315
/// commits walked before, 182 now).
#[test]
fn a_remembered_commit_far_below_the_release_is_not_walked_down_to() {
    let short = committed_walk(&released_below_fillers(0));
    let long = released_below_fillers(FILLERS);
    let walked = committed_walk(&long);
    assert!(
        walked < short + FILLERS + FILLERS / 3,
        "committed walked {walked} commits with {FILLERS} below the release, {short} without"
    );
    let section = long.git(&["show", "v0.2.0:CHANGELOG.md"]);
    assert!(
        section.contains("## [0.2.0] - 2026-11-21\n\n### Changed\n\n- A note written by hand\n\n### Fixed\n\n- change 0\n- change 1\n- change 2\n"),
        "{section}"
    );
}
