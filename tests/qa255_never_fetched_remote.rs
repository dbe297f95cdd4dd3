//! QA255: a new branch pushed to a remote this clone has no remote-tracking ref of (never
//! fetched, or its refs deleted) counted every commit from before `relhook install` as "not
//! linted", though the remote had them already: pre-push hid only what it knew of. It now asks
//! the remote what it has (`git ls-remote`, no shell) and counts only what the remote lacks;
//! when the remote cannot be asked, it says so.

use std::path::{Path, PathBuf};

use crate::support::{Repo, ok, stderr, text};

/// `origin` with three commits on `main` pushed by another clone; a clone of it whose
/// remote-tracking refs are deleted, with one commit of its own made before `relhook install`
/// there, and one through the hooks after it. Returns the clone's path.
fn clone_without_remote_refs(repo: &Repo) -> PathBuf {
    let origin = repo.with_origin();
    for m in ["feat: a", "fix: b", "chore: c"] {
        repo.commit(m);
    }
    ok(repo.git_skipping_relhook(&["push", "-q", "origin", "main"]));
    let path = repo.dir.path().join("other");
    let url = origin.to_str().unwrap();
    let git = |args: &[&str]| {
        let out = repo.git_in(&path, args, &[]);
        assert!(out.status.success(), "git {args:?}: {}", text(&out));
    };
    ok(repo.git_in(
        repo.dir.path(),
        &["clone", "-q", "-b", "main", url, "other"],
        &[],
    ));
    git(&["remote", "set-head", "origin", "-d"]);
    git(&["branch", "-q", "-r", "-d", "origin/main"]);
    std::fs::write(path.join("local.txt"), "x\n").unwrap();
    git(&["add", "local.txt"]);
    git(&["commit", "-q", "-m", "wip: made here before the install"]);
    ok(repo.relhook_in(&path, &["install"]));
    ok(repo.try_commit_in(&path, "feat: after the install"));
    path
}

/// What `git push origin HEAD:refs/heads/topic` in `path` says (the push goes).
fn pushed(repo: &Repo, path: &Path) -> String {
    let out = repo.git_in(path, &["push", "origin", "HEAD:refs/heads/topic"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    stderr(&out)
}

#[test]
fn only_the_commits_the_remote_lacks_are_counted() {
    let repo = Repo::new();
    let path = clone_without_remote_refs(&repo);
    let err = pushed(&repo, &path);
    assert!(
        err.contains("relhook: note: 1 commit from before `relhook install` here was not linted"),
        "{err}"
    );
    assert!(!err.contains("4 commits"), "{err}");
}

#[test]
fn a_remote_that_cannot_be_asked_is_said_so() {
    let repo = Repo::new();
    let path = clone_without_remote_refs(&repo);
    // `git ls-remote` runs upload-pack, which now fails; a push runs receive-pack.
    let out = repo.git_in(&path, &["config", "remote.origin.uploadpack", "false"], &[]);
    assert!(out.status.success());
    let err = pushed(&repo, &path);
    assert!(
        err.contains("relhook: note: origin could not be asked what it has (`git ls-remote` failed), and this clone has no remote-tracking ref of it: the commits counted as new to it may include some it has already"),
        "{err}"
    );
    assert!(
        err.contains("4 commits from before `relhook install` here were not linted"),
        "{err}"
    );
}

/// The commits the remote has, as it answered, are not said to be new to it where another
/// remote has them too; and a push asks the remote once, however many checks need its answer
/// (here: what it has, and whether a slip of the tags' prefix left behind is on it).
#[test]
fn the_remote_is_asked_once_and_its_answer_serves_every_check() {
    let repo = Repo::new();
    let path = clone_without_remote_refs(&repo);
    let git = |args: &[&str]| {
        let out = repo.git_in(&path, args, &[]);
        assert!(out.status.success(), "git {args:?}: {}", text(&out));
    };
    let url = repo.dir.path().join("other");
    let origin = repo.git_in(&url, &["remote", "get-url", "origin"], &[]);
    let origin = String::from_utf8_lossy(&origin.stdout).trim().to_owned();
    // The commit made after the install is on origin already (pushed past pre-push), and
    // so on backup too.
    git(&[
        "-c",
        "core.hooksPath=/dev/null",
        "push",
        "-q",
        "origin",
        "HEAD:refs/heads/x",
    ]);
    git(&["update-ref", "-d", "refs/remotes/origin/x"]);
    git(&["remote", "add", "backup", &origin]);
    git(&["fetch", "-q", "backup"]);
    ok(repo.try_commit_in(&path, "fix: new to both"));
    git(&[
        "-c",
        "core.hooksPath=/dev/null",
        "tag",
        "-a",
        "0.1.1",
        "-m",
        "0.1.1",
    ]);
    let trace = repo.dir.path().join("trace.txt");
    let trace = trace.to_str().unwrap();
    let out = repo.git_in(
        &path,
        &["push", "origin", "HEAD:refs/heads/topic"],
        &[("GIT_TRACE", trace)],
    );
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("new to origin"), "{err}");
    assert!(err.contains("tag 0.1.1"), "{err}");
    let traced = std::fs::read_to_string(trace).unwrap();
    let asked = traced
        .lines()
        .filter(|l| l.contains("git ls-remote"))
        .count();
    assert_eq!(asked, 1, "{traced}");
}
