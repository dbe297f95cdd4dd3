//! Commits made before `relhook install` that were already pushed then, rewritten after it (a
//! `git rebase -i` of the last pushed commits and `git push --force-with-lease`, a branch pushed
//! before the install and rebased onto a new main): still from before the install, so left
//! unjudged, by pre-push, `relhook check` and a release alike. What is committed after the
//! install (`--no-verify`, a copy of an old message written since) is judged as ever.

use std::path::Path;

use crate::support::{Repo, ok, stderr, stdout, text};

/// Commits a new file `name` with `message`, no hooks involved.
fn plain_commit(repo: &Repo, name: &str, message: &str) {
    std::fs::write(repo.path().join(name), format!("{message}\n")).unwrap();
    ok(repo.git_output(&["add", name]));
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", message]));
}

/// A project of four commits that fail the lint, all pushed to `origin`, then relhook
/// installed.
fn pushed_then_installed() -> Repo {
    let repo = Repo::new();
    plain_commit(&repo, "a.txt", "Initial commit");
    plain_commit(&repo, "b.txt", "Add b");
    plain_commit(&repo, "c.txt", "Add c");
    plain_commit(&repo, "d.txt", "Add d");
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    ok(repo.relhook(&["install"]));
    repo
}

/// `git rebase -i HEAD~3` after the install: `Add b` reworded (through the commit-msg hook),
/// `Add c` and `Add d` carried over unchanged, with new ids.
fn reword_pushed(repo: &Repo) {
    let before = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.git_in(
        &repo.path(),
        &["rebase", "-q", "-i", "HEAD~3"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i -e '1s/^pick/reword/'"),
            ("GIT_EDITOR", "sed -i -e '1s/.*/fix: add b/'"),
        ],
    ));
    assert_ne!(repo.git(&["rev-parse", "HEAD"]), before, "rebased: new ids");
    assert_eq!(
        repo.git(&["log", "--format=%s", "-3"]),
        "Add d\nAdd c\nfix: add b"
    );
}

const PUSH_NOTE_TWO: &str = "2 commits from before `relhook install` here were not linted";
const CHECK_NOTE_TWO: &str = "2 commits from before `relhook install` here were not judged";

fn force_push(repo: &Repo, branch: &str) -> std::process::Output {
    repo.git_output(&["push", "-q", "--force-with-lease", "origin", branch])
}

#[test]
fn pushed_commits_from_before_the_install_reworded_after_it_go_out_with_the_note() {
    let repo = pushed_then_installed();
    reword_pushed(&repo);

    let out = repo.relhook(&["check", "origin/main..HEAD"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains(CHECK_NOTE_TWO), "{said}");
    assert!(stdout(&out).contains("checked 1 commit"), "{said}");

    // A release from a branch of its own does not ask to reword them first either.
    repo.git(&["checkout", "-q", "-b", "side"]);
    let out = repo.relhook(&["release", "--dry-run", "--no-test", "--allow-branch"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(!said.contains("pre-push would refuse"), "{said}");
    repo.git(&["checkout", "-q", "main"]);

    let out = force_push(&repo, "main");
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains(PUSH_NOTE_TWO), "{err}");
}

/// After that rewrite, a `--no-verify` commit is refused, alone; and so is a commit that
/// copies an old commit's message but was authored after the install.
#[test]
fn what_is_committed_after_the_install_over_rewritten_pushed_commits_is_still_judged() {
    let repo = pushed_then_installed();
    reword_pushed(&repo);
    let rewritten = repo.git(&["rev-parse", "HEAD"]);
    plain_commit(&repo, "s.txt", "Sneak this in");
    let out = force_push(&repo, "main");
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("Sneak this in"), "{err}");
    assert!(
        !err.contains(" Add c\n") && !err.contains(" Add d\n"),
        "{err}"
    );
    assert!(err.contains(PUSH_NOTE_TWO), "{err}");
    let out = repo.relhook(&["check", "origin/main..HEAD"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("Sneak this in") && said.contains(CHECK_NOTE_TWO),
        "{said}"
    );

    // The message of a commit from before the install, authored since.
    repo.git(&["reset", "-q", "--hard", &rewritten]);
    let later = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 120;
    let date = format!("@{later} +0000");
    std::fs::write(repo.path().join("e.txt"), "e\n").unwrap();
    ok(repo.git_output(&["add", "e.txt"]));
    ok(repo.git_in(
        &repo.path(),
        &["commit", "-q", "--no-verify", "-m", "Add c"],
        &[("GIT_AUTHOR_DATE", &date)],
    ));
    let out = force_push(&repo, "main");
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("refused: 1 problem"), "{err}");
    let head = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    assert!(err.contains(&format!("{head} Add c\n")), "{err}");
    assert!(err.contains(PUSH_NOTE_TWO), "{err}");
}

/// A branch pushed before the install, rebased after it onto a main that moved on, and pushed
/// with `--force-with-lease`.
#[test]
fn a_branch_pushed_before_the_install_rebased_after_it_goes_out_with_the_note() {
    let repo = Repo::new();
    plain_commit(&repo, "a.txt", "Initial commit");
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.git(&["checkout", "-q", "-b", "feature"]);
    plain_commit(&repo, "w.txt", "Add the widget");
    plain_commit(&repo, "t.txt", "Tweak the widget");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "feature"]));
    repo.git(&["checkout", "-q", "main"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: on main after the install");
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.git(&["checkout", "-q", "feature"]);
    ok(repo.git_output(&["rebase", "-q", "main"]));

    let out = repo.relhook(&["check", "origin/feature..feature"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains(CHECK_NOTE_TWO), "{said}");
    let out = force_push(&repo, "feature");
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains(PUSH_NOTE_TWO), "{err}");
}

/// Installed in a clone of a project whose history the remote already has: a `git pull
/// --rebase` over a pushed commit amended (its files only) after the install replays it.
#[test]
fn a_pushed_commit_amended_after_the_install_and_pulled_over_goes_out_with_the_note() {
    let repo = pushed_then_installed();
    std::fs::write(repo.path().join("d2.txt"), "d, more\n").unwrap();
    ok(repo.git_output(&["add", "d2.txt"]));
    ok(repo.git_output(&["commit", "-q", "--amend", "--no-edit", "--no-verify"]));
    // A teammate pushes meanwhile, on top of the old `Add d`.
    let other = repo.scratch("other");
    let remote = repo.path().parent().unwrap().join("origin.git");
    ok(repo.git_in(
        &other,
        &[
            "clone",
            "-q",
            "-b",
            "main",
            remote.to_str().unwrap(),
            "clone",
        ],
        &[],
    ));
    let clone: &Path = &other.join("clone");
    std::fs::write(clone.join("r.txt"), "r\n").unwrap();
    ok(repo.git_in(clone, &["add", "r.txt"], &[]));
    ok(repo.git_in(clone, &["commit", "-q", "-m", "feat: from a teammate"], &[]));
    ok(repo.git_in(clone, &["push", "-q", "origin", "main"], &[]));
    ok(repo.git_output(&["pull", "-q", "--rebase", "origin", "main"]));
    assert_eq!(
        repo.git(&["log", "--format=%s", "-2"]),
        "Add d\nfeat: from a teammate"
    );
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("1 commit from before `relhook install` here was not linted"),
        "{err}"
    );
}
