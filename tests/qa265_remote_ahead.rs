//! QA265: a remote ahead of the clone pushing to it (branches it does not track, or moved by
//! another clone since the last fetch) has commits this clone reads as new: a commit that
//! dodged commit-msg in another clone and is on the remote already was refused here, though
//! this push does not publish it. pre-push now asks the remote (once) before refusing commits,
//! and hides what it has; where its refs are at commits this clone lacks, which hide nothing,
//! one line says so, with the fetch that settles it.

use std::path::PathBuf;

use crate::support::{Repo, ok, stderr, text};

/// `origin` with `main` (`feat: a`) and `dev` (`wip stuff`, which fails the lint, pushed with
/// relhook skipped) pushed by the maintainer's clone `repo`; a single-branch clone of `main`
/// beside it, relhook installed, that fetched `dev` by name (into `FETCH_HEAD` only, no
/// remote-tracking ref) and made `topic` on it with `feat: b`. Returns that clone's path.
fn clone_on_an_untracked_branch(repo: &Repo) -> PathBuf {
    let origin = repo.with_origin();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.git(&["switch", "-q", "-c", "dev"]);
    repo.commit("wip stuff");
    ok(repo.git_skipping_relhook(&["push", "-q", "origin", "dev"]));
    let path = repo.dir.path().join("mine");
    let url = origin.to_str().unwrap();
    let clone = ["clone", "-q", "--single-branch", "-b", "main", url, "mine"];
    ok(repo.git_in(repo.dir.path(), &clone, &[]));
    ok(repo.relhook_in(&path, &["install"]));
    ok(repo.git_in(&path, &["fetch", "-q", "origin", "dev"], &[]));
    ok(repo.git_in(&path, &["switch", "-q", "-c", "topic", "FETCH_HEAD"], &[]));
    ok(repo.try_commit_in(&path, "feat: b"));
    path
}

#[test]
fn commits_below_a_branch_the_remote_has_are_not_new_to_it() {
    let repo = Repo::new();
    let mine = clone_on_an_untracked_branch(&repo);
    let env = [("RELHOOK_TEST_REMOTE_ASKS", "1")];
    let out = repo.git_in(&mine, &["push", "origin", "topic"], &env);
    let err = stderr(&out);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !err.contains("wip stuff") && !err.contains("not linted"),
        "{err}"
    );
    assert!(err.contains("relhook: test: 1 remote asks"), "{err}");
}

#[test]
fn a_remote_ahead_says_the_refs_it_cannot_see_below_and_their_fetch() {
    let repo = Repo::new();
    let mine = clone_on_an_untracked_branch(&repo);
    // `dev` moves on there: its new commit is not here, and hides nothing.
    repo.commit_hooked("fix: c");
    ok(repo.git_output(&["push", "-q", "origin", "dev"]));
    let out = repo.git_in(&mine, &["push", "origin", "topic"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let note = err
        .lines()
        .find(|l| l.contains("this clone does not have"))
        .unwrap_or_else(|| panic!("{err}"));
    assert_eq!(
        note,
        "relhook: note: origin has dev at a commit this clone does not have: commits below it cannot be told apart from new ones, so some counted here as new to origin may be there already (`git fetch origin refs/heads/dev` brings it; then push again)"
    );
    // As said: fetched, what it has hides the commit, and the push goes.
    ok(repo.git_in(&mine, &["fetch", "-q", "origin", "refs/heads/dev"], &[]));
    let out = repo.git_in(&mine, &["push", "origin", "topic"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("wip stuff"), "{}", text(&out));
}
