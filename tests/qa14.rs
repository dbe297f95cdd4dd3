//! QA14, pre-push: publishing test records was refused as unconventional commits, a release
//! commit whose tag is missing went out in silence, the fix for an untested older tag could
//! not work, and the reword fix forgot the local tag above the commit.

use crate::support::{Repo, configured_with_a_feature, dated_release, ok, stderr, text};

const TESTED: &str = "[checks]\ntest = [\"true\"]\n";

/// What the bare `origin` has at `reference`, if anything.
fn origin_has(repo: &Repo, reference: &str) -> Option<String> {
    let out = repo
        .command_in("git", &repo.dir.path().join("origin.git"))
        .args(["rev-parse", "--verify", "--quiet", reference])
        .output()
        .unwrap();
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn refused(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{}", text(out));
    let err = stderr(out);
    assert!(err.contains("refused"), "{err}");
    assert!(err.contains("RELHOOK_SKIP=1"), "names the bypass: {err}");
    err
}

#[test]
fn test_records_and_other_refs_that_are_not_project_history_are_not_linted() {
    let repo = configured_with_a_feature(|_| TESTED.into());
    repo.with_origin();
    ok(dated_release(&repo, &[]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    // The step `relhook test` names: a notes commit is not a Conventional Commit.
    let out = repo.git_output(&["push", "-q", "origin", "refs/notes/relhook-tests"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(origin_has(&repo, "refs/notes/relhook-tests").is_some());
    // A commit that never met commit-msg, pushed where it is not the project's history.
    repo.git(&["checkout", "-q", "-b", "wip"]);
    let wip = repo.commit("wip, not conventional");
    for r in [
        "refs/pull/1/head",
        "refs/changes/01/1/1",
        "refs/merge-requests/1/head",
        "refs/remotes/origin/wip",
        "refs/backup/wip",
    ] {
        let out = repo.git_output(&["push", "-q", "origin", &format!("HEAD:{r}")]);
        assert_eq!(out.status.code(), Some(0), "{r}: {}", text(&out));
        assert_eq!(origin_has(&repo, r).as_deref(), Some(wip.as_str()), "{r}");
    }
    // Where it becomes the project's history, it is linted: a branch, a review push bound
    // for a branch, a tag's history.
    repo.git(&["tag", "keep"]);
    for r in ["refs/heads/wip", "refs/for/main", "refs/tags/keep"] {
        let out = repo.git_output(&["push", "-q", "origin", &format!("HEAD:{r}")]);
        let err = refused(&out);
        assert!(err.contains("wip, not conventional"), "{r}: {err}");
        assert_eq!(origin_has(&repo, r), None, "{r}");
    }
}
