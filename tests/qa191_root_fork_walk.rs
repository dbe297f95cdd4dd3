//! QA191: the first commit on a branch forked from the root commit (`git checkout -b r
//! $(git rev-list --max-parents=0 HEAD)`). Its post-commit asks whether the branch shares
//! history with the branches that keep the changelog (an orphan gh-pages gets none), and
//! which release tags it reaches. On vuejs/core it stepped through 31,636 commits of a
//! 9,292-commit history: the shared-history walk took every stale remote branch along with
//! main (9,291), and each release tag's "no" walked the tag's history down to the root until
//! generation numbers, one more pass, took over (22,345). Now the local branches (and HEAD's
//! upstream) are walked first, and a branch whose own history runs out answers "no" for every
//! tag: 7,163 commits, main's history once. The entry is what it was.

use crate::qa23_history_cost::{counted, walked};
use crate::support::fast_import::{BASE, changelog, fix_commit as commit, main_line, tag};
use crate::support::{Repo, ok, text};

/// Commits on main; a release tag every `EVERY` of them, the changelog on the last.
const COMMITS: usize = 300;
const EVERY: usize = 20;
/// Stale remote-tracking branches, each `STALE_COMMITS` commits on top of main's last.
const STALE: usize = 30;
const STALE_COMMITS: usize = 20;

/// Main's `fix:` commits with `v1.K.0` on every `EVERY`th and CHANGELOG.md added by the
/// last; `origin/stale-NN` each add commits of their own on top of it.
fn history(repo: &Repo) {
    let mut stream = String::new();
    main_line(&mut stream, COMMITS, |stream, i| {
        if i == COMMITS {
            changelog(stream);
        }
        if i % EVERY == 0 {
            tag(
                stream,
                &format!("v1.{}.0", i / EVERY),
                i,
                BASE + 60 * i,
                "release",
            );
        }
    });
    let mut mark = COMMITS;
    for k in 0..STALE {
        let branch = format!("refs/remotes/origin/stale-{k:02}");
        for j in 0..STALE_COMMITS {
            mark += 1;
            let from = if j == 0 { COMMITS } else { mark - 1 };
            commit(&mut stream, &branch, mark, BASE + 60 * mark, Some(from));
        }
    }
    repo.fast_import(&stream);
}

#[test]
fn a_branch_forked_from_the_root_commit_walks_main_once() {
    let repo = Repo::new();
    history(&repo);
    ok(repo.relhook(&["install"]));
    let root = repo.git(&["rev-list", "--max-parents=0", "main"]);
    repo.git(&["checkout", "-q", "-b", "r", &root]);
    repo.write("new.txt", "new\n");
    repo.git(&["add", "new.txt"]);
    let out = counted(
        &repo,
        &["commit", "-q", "-m", "fix: a thing on the old line"],
    );
    assert!(out.status.success(), "{}", text(&out));
    // The branch shares the root commit with main: its changelog is made, with the entry.
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        log.contains("- a thing on the old line"),
        "{log}\n{}",
        text(&out)
    );
    let all: usize = repo.git(&["rev-list", "--count", "--all"]).parse().unwrap();
    let steps = walked(&out);
    // Main's history once, and a few steps more: not the stale branches' commits, nor a walk
    // per release tag down to the root, nor a generation pass over everything.
    assert!(
        steps <= COMMITS + 20,
        "the first commit on a branch from the root commit stepped through {steps} commits \
         ({all} in all, {COMMITS} on main):\n{}",
        text(&out)
    );
}
