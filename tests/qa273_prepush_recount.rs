//! QA273: the success line's count when a check after it asks the remote. A push whose commits
//! all pass does not ask the remote for its count alone ("N commits checked"); when a later
//! check asked anyway (a release tag the push leaves behind, whose name the remote may have),
//! the line kept the cautious count, commits the remote has already included. It is now
//! counted again with the remote's answer: "N commits new to the remote checked", each
//! commit once, however many pushed refs name it.

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// The connections to a remote the relhook processes of a push started.
fn remote_asks(err: &str) -> usize {
    err.lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" remote asks"))
        .map(|n| n.parse::<usize>().unwrap())
        .sum()
}

/// `main` pushed to `origin`; `fix: b` on `dev` pushed too, then forgotten as tracked (the
/// remote has it, this clone cannot tell); `main` fast-forwarded to it, then two releases
/// (v0.1.0, v0.2.0) over `fix: c` and `fix: d`: four commits new to the remote, five as this
/// clone sees it.
fn remote_has_dev() -> Repo {
    let repo = untested_installed();
    repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.git(&["switch", "-q", "-c", "dev"]);
    repo.commit_hooked("fix: b");
    ok(repo.git_output(&["push", "-q", "origin", "dev"]));
    repo.git(&["update-ref", "-d", "refs/remotes/origin/dev"]);
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--ff-only", "dev"]);
    repo.commit_hooked("fix: c");
    ok(repo.relhook(&["release", "0.1.0", "--no-test"]));
    repo.commit_hooked("fix: d");
    ok(repo.relhook(&["release", "0.2.0", "--no-test"]));
    repo
}

#[test]
fn a_count_made_before_the_remote_was_asked_is_made_again_with_its_answer() {
    let repo = remote_has_dev();
    // v0.1.0 stays behind: the remote is asked whether it has a tag of that name. `main` and
    // v0.2.0 name one commit, counted once.
    let push = ["push", "origin", "main", "v0.2.0"];
    let out = repo.git_in(&repo.path(), &push, &[("RELHOOK_TEST_REMOTE_ASKS", "1")]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("v0.1.0"), "{err}");
    assert_eq!(remote_asks(&err), 1, "{err}");
    assert!(
        err.contains("pre-push ok: 4 commits new to the remote checked;"),
        "{err}"
    );
}
