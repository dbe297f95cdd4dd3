//! QA204: a push from a branch forked from an old commit, in a clone where `relhook install`
//! ran on that branch, to a remote holding main. pre-push asks twice what the remote-tracking
//! refs hold: the commits from before the install (HEAD's old history among them), then the
//! pushed ones. Each walk stepped through every commit of main newer than the fork before it
//! could tell the fork is the remote's (vuejs/core, a branch from v3.0.0: 6,613 commits each,
//! 13,226 of a push's 18,600). The second walk now stops where the first found the remote's
//! history, which is exact whatever the dates say: a commit its hidden side's marks reached.
//! Guarded by counting walked commits (`RELHOOK_TEST_WALK_COUNT`), never by timing.

use crate::qa23_history_cost::{counted, main_history, walked};
use crate::support::{Repo, ok, stderr, text};

/// Commits on main; the branch forks from the `FORK`th.
const COMMITS: usize = 3_000;
const FORK: usize = 20;

/// Main's history, `origin` holding it; relhook installed while on branch `old`, forked from
/// main's `FORK`th commit, which then gets `subjects` as commits of its own.
fn forked_and_installed(subjects: &[&str]) -> Repo {
    let repo = Repo::new();
    let mut stream = String::from(
        "blob\nmark :1\ndata 31\n{\"name\":\"x\",\"version\":\"1.0.0\"}\nblob\nmark :2\ndata 28\n# Changelog\n\n## [Unreleased]\n",
    );
    let files = "M 644 :1 package.json\nM 644 :2 CHANGELOG.md\n";
    main_history(&mut stream, COMMITS, files, None);
    repo.fast_import(&stream);
    repo.with_origin();
    ok(repo.git_skipping_relhook(&["push", "-q", "origin", "main"]));
    let fork = format!("main~{}", COMMITS - FORK);
    ok(repo.git_skipping_relhook(&["checkout", "-q", "-b", "old", &fork]));
    ok(repo.relhook(&["install"]));
    for (i, subject) in subjects.iter().enumerate() {
        repo.write(&format!("fix{i}.txt"), "fix\n");
        ok(repo.git_skipping_relhook(&["add", "."]));
        ok(repo.git_skipping_relhook(&["commit", "-q", "-m", subject]));
    }
    repo
}

#[test]
fn a_push_from_a_branch_forked_long_ago_walks_mains_newer_history_once() {
    let repo = forked_and_installed(&["fix: mend the old line"]);
    let out = counted(&repo, &["push", "-q", "origin", "old"]);
    assert!(out.status.success(), "{}", text(&out));
    let steps = walked(&out);
    // Main above the fork, once (2,980), and a few more. Walked again for the pushed commits,
    // it was 5,976.
    let above = COMMITS - FORK;
    assert!(
        steps <= above + 200,
        "a push of one commit forked {above} commits below main's tip stepped through {steps}:\n{}",
        stderr(&out)
    );
}

/// The walk stopping at the fork still finds every commit the push sends: a bad one is
/// refused, the good one above it passes, and nothing of main's is judged.
#[test]
fn the_pushed_commits_are_still_each_judged() {
    let repo = forked_and_installed(&["not a conventional header", "fix: mend the old line"]);
    let out = counted(&repo, &["push", "-q", "origin", "old"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("not a conventional header"), "{err}");
    assert!(!err.contains("fix: mend the old line"), "{err}");
    assert!(!err.contains("change number"), "{err}");
    let steps = walked(&out);
    assert!(steps <= COMMITS - FORK + 200, "{steps}:\n{err}");
}
