//! QA163: naming the branch that holds a release tag above the one being made. `release`
//! notes a tag above the new version that HEAD does not hold, and names a branch that holds
//! it (a remote-tracking one when no local branch does). It asked each branch in turn, one
//! walk of the history per branch: on vuejs/core (~64 remote branches, mostly stale, the tag
//! on `origin/minor`) a dry run stepped through 18,038 commits of a 9,292-commit history.
//! The branches are now asked together: one shared walk says whether any holds the tag, and
//! generation numbers, one pass over the history, which is the first. The note is what it
//! was; the work is guarded by counting walked commits (`RELHOOK_TEST_WALK_COUNT`).

use crate::qa23_history_cost::walked;
use crate::support::fast_import::{BASE, fix_commit as commit, main_line, tag};
use crate::support::{Repo, relhook_bin, stderr, text};

/// Commits on main; `v1.0.0` is a few below the last.
const COMMITS: usize = 200;
/// Remote-tracking branches of one commit each on top of main's newest commits, named before
/// the branch that holds the tag.
const STALE: usize = 40;

/// Main's `fix:` commits, `v1.0.0` on the tenth from the top; `origin/zz-next`, forked at the
/// fifth, holds `v1.1.0` on a commit of its own; `origin/stale-NN` each add a commit to one
/// of main's newest.
fn history(repo: &Repo) {
    let mut stream = String::new();
    main_line(&mut stream, COMMITS, |stream, i| {
        if i == COMMITS - 10 {
            tag(stream, "v1.0.0", i, BASE + 60 * i, "v1.0.0\n");
        }
    });
    let next = COMMITS + 1;
    commit(
        &mut stream,
        "refs/remotes/origin/zz-next",
        next,
        BASE + 60 * 5 + 30,
        Some(5),
    );
    tag(&mut stream, "v1.1.0", next, BASE + 60 * 5 + 30, "v1.1.0\n");
    for k in 0..STALE {
        let branch = format!("refs/remotes/origin/stale-{k:02}");
        let when = BASE + 60 * (COMMITS + 10 + k);
        commit(&mut stream, &branch, next + 1 + k, when, Some(COMMITS - k));
    }
    repo.fast_import(&stream);
    repo.git(&["reset", "-q", "--hard", "main"]);
}

#[test]
fn the_branch_holding_a_tag_above_is_found_without_a_walk_per_branch() {
    let repo = Repo::new();
    history(&repo);
    let out = (repo.command_in(relhook_bin(), &repo.path()))
        .args(["release", "--dry-run"])
        .env("RELHOOK_TEST_WALK_COUNT", "1")
        .output()
        .expect("run relhook");
    assert!(out.status.success(), "{}", text(&out));
    let tagged = repo.git(&["rev-parse", "--short=9", "v1.1.0^{commit}"]);
    let note = format!(
        "relhook: note: v1.1.0 is on {tagged}, which only `origin/zz-next` holds (no local \
         branch), and is above 1.0.1: this release goes below it (a maintenance release?); if \
         `origin/zz-next`'s release belongs here, `git merge origin/zz-next` before releasing\n"
    );
    let err = stderr(&out);
    assert!(err.contains(&note), "{err}");
    let commits: usize = repo.git(&["rev-list", "--count", "--all"]).parse().unwrap();
    let steps = walked(&out);
    // A walk per branch stepped through the history once per stale branch until generation
    // numbers took over: over 2,000 commits more than the few passes a dry run makes.
    assert!(
        steps <= 6 * commits,
        "a dry run over {commits} commits stepped through {steps}:\n{err}"
    );
}
