//! QA265: the counts of a push to a remote ahead of this clone (moved by another clone since
//! the last fetch). The note on commits another remote has ("N commits new to r2 were not
//! checked") counted commits the remote pushed to has already, where it had not been asked;
//! it now takes the one answer of the push (asking once if not yet). The success line's "N
//! commits new to the remote checked" counted them too when every commit passed: the remote
//! is not asked for that alone (a connection may ask for a passphrase), so the line says what
//! it knows: "new to the remote" only where the count was made with its answer.

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// The connections to a remote the relhook processes of a push started.
fn remote_asks(err: &str) -> usize {
    err.lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" remote asks"))
        .map(|n| n.parse::<usize>().unwrap())
        .sum()
}

/// Remotes `r1` and `r2` with `main`; `wip` (past the hooks) pushed to both, but this clone's
/// `r2/main` left where it was before (another clone pushed it there); `fix: c` on top.
fn r2_ahead_of_its_tracking_ref() -> Repo {
    let repo = untested_installed();
    for name in ["r1", "r2"] {
        let path = repo.scratch(&format!("{name}.git"));
        repo.git(&["init", "-q", "--bare", path.to_str().unwrap()]);
        repo.git(&["remote", "add", name, path.to_str().unwrap()]);
        repo.git(&["push", "-q", name, "main"]);
    }
    repo.git(&["commit", "-q", "--no-verify", "--allow-empty", "-m", "wip"]);
    for name in ["r1", "r2"] {
        ok(repo.git_skipping_relhook(&["push", "-q", name, "main"]));
    }
    repo.git(&["update-ref", "refs/remotes/r2/main", "main~1"]);
    repo.commit_hooked("fix: c");
    repo
}

#[test]
fn commits_the_remote_has_are_not_said_unchecked_on_the_way_to_it() {
    let repo = r2_ahead_of_its_tracking_ref();
    let push = ["push", "r2", "HEAD:refs/heads/topic"];
    let out = repo.git_in(&repo.path(), &push, &[("RELHOOK_TEST_REMOTE_ASKS", "1")]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("not checked"), "{err}");
    assert_eq!(remote_asks(&err), 1, "{err}");
}

#[test]
fn a_push_that_asks_nothing_does_not_claim_its_commits_are_new() {
    let repo = untested_installed();
    repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    // `fix: b` pushed to `dev`, which this clone then forgets it tracks (another clone's
    // push, seen here only through a merge).
    repo.git(&["switch", "-q", "-c", "dev"]);
    repo.commit_hooked("fix: b");
    ok(repo.git_output(&["push", "-q", "origin", "dev"]));
    repo.git(&["update-ref", "-d", "refs/remotes/origin/dev"]);
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--ff-only", "dev"]);
    repo.commit_hooked("fix: c");
    ok(repo.relhook(&["release", "0.1.0", "--no-test"]));
    let push = ["push", "origin", "main", "v0.1.0"];
    let out = repo.git_in(&repo.path(), &push, &[("RELHOOK_TEST_REMOTE_ASKS", "1")]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(remote_asks(&err), 0, "{err}");
    // Unasked, it claims no more than it knows: not that they are new to the remote.
    assert!(err.contains("pre-push ok: 3 commits checked;"), "{err}");
}
