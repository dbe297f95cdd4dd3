//! QA49: a teammate's `feat:` pushed without relhook's hooks (no changelog entry), pulled
//! under a patch release not pushed yet (`git pull --rebase`), written by the same author in
//! the same second as a commit the release was made over: pre-push advised `relhook release
//! --resume`, which tagged the release without the feature, and nothing named it after. The
//! commits under the rewritten release commit are now judged by their own change: pre-push
//! and `--resume` name the release made again at the version they call for.

use std::path::Path;

use crate::support::{Repo, ok, stderr, text};

/// Runs git in `cwd`; panics when it fails.
fn git_in(repo: &Repo, cwd: &Path, args: &[&str]) {
    let out = repo.git_in(cwd, args, &[]);
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
}

/// v1.0.0 pushed; a teammate without hooks pushes `feat: add q`; here `fix: w` is released as
/// 1.0.1 and, its push refused, `git pull --rebase` puts the feature under it. Every commit
/// has the support module's one author and date.
fn pulled_under_a_patch_release() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: add a");
    ok(repo.relhook(&["release", "1.0.0"]));
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    let top = repo.dir.path();
    git_in(
        &repo,
        top,
        &[
            "clone",
            "-q",
            "-b",
            "main",
            origin.to_str().unwrap(),
            "mate",
        ],
    );
    let mate = top.join("mate");
    std::fs::write(mate.join("q"), "q\n").unwrap();
    git_in(&repo, &mate, &["add", "q"]);
    git_in(&repo, &mate, &["commit", "-q", "-m", "feat: add q"]);
    git_in(&repo, &mate, &["push", "-q", "origin", "main"]);
    repo.write("w", "w\n");
    repo.git(&["add", "w"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: w"]));
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["pull", "-q", "--rebase"]));
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s", "HEAD~2"]),
        "feat: add q"
    );
    repo
}

/// The release made again: the tag that a rewrite left behind deleted, the release commit
/// dropped, 1.1.0 released over the feature.
fn redo(repo: &Repo) -> String {
    let rel = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    format!("git tag -d v1.0.1 && git reset --keep {rel}~1 && relhook release 1.1.0")
}

#[test]
fn pre_push_names_the_release_made_again_with_the_feature() {
    let repo = pulled_under_a_patch_release();
    let redo = redo(&repo);
    let out = repo.git_output(&["push", "--follow-tags"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("`{redo}`")), "{err}");
    assert!(
        err.contains("`add q`") && err.contains("1.1.0 (`feat: add q`)"),
        "{err}"
    );
    assert!(!err.contains("relhook release --resume"), "{err}");
    ok(repo.sh(&redo));
    ok(repo.git_output(&["push", "-q", "--follow-tags"]));
    let notes = ok(repo.relhook(&["notes", "v1.1.0"]));
    let notes = String::from_utf8_lossy(&notes.stdout).into_owned();
    assert!(
        notes.contains("- add q") && notes.contains("- w"),
        "{notes}"
    );
}

#[test]
fn resume_refuses_and_names_the_release_made_again() {
    let repo = pulled_under_a_patch_release();
    let redo = redo(&repo);
    let tagged = repo.git(&["rev-parse", "v1.0.1"]);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("`{redo}`")), "{err}");
    assert!(err.contains("feat: add q"), "{err}");
    assert_eq!(repo.git(&["rev-parse", "v1.0.1"]), tagged, "the tag stays");
}

#[test]
fn without_the_reflogs_the_tagged_commit_tells_what_the_release_was_made_over() {
    let repo = pulled_under_a_patch_release();
    repo.git(&["reflog", "expire", "--expire=now", "--all"]);
    let redo = redo(&repo);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(&format!("`{redo}`")),
        "{}",
        text(&out)
    );
}
