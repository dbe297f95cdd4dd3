//! QA190: the last release a branch forked from an old release holds. Asked greatest tag
//! first, each tag above the fork cost a walk down to it (vuejs/core, a branch forked from
//! v3.0.0: 19,689 commits walked for that one question in a pre-push of one commit). The tags
//! are now settled together: one painting of their history, beside the branch's own walk,
//! which ends first here (the history below the fork is short). Pushing many tags at once
//! stays bounded too (`qa23_history_cost`). Guarded by counting walked commits
//! (`RELHOOK_TEST_WALK_COUNT`), never by timing.

use crate::qa23_history_cost::{counted, main_history, walked};
use crate::support::{Repo, ok, stderr, text};

/// Commits on main, a release tag `v1.K.0` every `EVERY`.
const COMMITS: usize = 3_000;
const EVERY: usize = 10;
/// The release the branch forks from.
const FORK: usize = 2;

/// Main's history with relhook installed and `origin` holding it and its tags; then branch
/// `old`, forked from `v1.{FORK}.0`, with one fix of its own.
fn forked_from_an_old_release() -> Repo {
    let repo = Repo::new();
    let mut stream = String::from(
        "blob\nmark :1\ndata 31\n{\"name\":\"x\",\"version\":\"1.0.0\"}\nblob\nmark :2\ndata 41\n# Changelog\n\n## [Unreleased]\n\n## [1.0.0]\n",
    );
    let files = "M 644 :1 package.json\nM 644 :2 CHANGELOG.md\n";
    main_history(&mut stream, COMMITS, files, Some(EVERY));
    repo.fast_import(&stream);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    ok(repo.git_skipping_relhook(&["push", "-q", "origin", "main", "--tags"]));
    ok(repo.git_skipping_relhook(&["checkout", "-q", "-b", "old", &format!("v1.{FORK}.0")]));
    repo.write("fix.txt", "fix\n");
    ok(repo.git_skipping_relhook(&["add", "fix.txt"]));
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: mend the old line"]));
    repo
}

#[test]
fn a_push_from_a_branch_forked_from_an_old_release_walks_its_history_once() {
    let repo = forked_from_an_old_release();
    let out = counted(&repo, &["push", "-q", "origin", "old"]);
    assert!(out.status.success(), "{}", text(&out));
    let steps = walked(&out);
    // Whether `origin` holds the pushed commit is one walk of main's history; the last
    // release the branch holds, a few walks of the branch's short one (3,054 in all). A walk
    // per release tag above the fork, then generation numbers over the whole history,
    // stepped through 11,043.
    let below = FORK * EVERY + 1;
    assert!(
        steps <= COMMITS + 4 * below + 100,
        "a push of one commit on a branch of {below} commits stepped through {steps}:\n{}",
        stderr(&out)
    );
}
