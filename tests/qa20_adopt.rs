//! Adopting relhook on a project with work in flight: commits made before `relhook install`
//! stay unjudged when a rebase rewrites them (a branch started before the install and rebased
//! after it, `git pull --rebase`), in pre-push and in `relhook check`; what is committed after
//! the install, `--no-verify` or an amend that changes a message, is judged as ever.

use std::path::Path;

use std::process::Output;

use crate::support::{Repo, ok, stderr, stdout, text};

/// Commits a new file `name` with `message`, no hooks involved.
fn plain_commit(repo: &Repo, cwd: &Path, name: &str, message: &str) {
    std::fs::write(cwd.join(name), format!("{message}\n")).unwrap();
    ok(repo.git_in(cwd, &["add", name], &[]));
    ok(repo.git_in(cwd, &["commit", "-q", "--no-verify", "-m", message], &[]));
}

/// A project pushed to `origin`, with a branch `feature` of two commits that fail the lint,
/// made before relhook was installed (on `main`); then a commit on `main` through the hooks,
/// pushed, and `feature` rebased onto it: its two commits are new ids now.
fn feature_rebased_after_install() -> Repo {
    let repo = Repo::new();
    plain_commit(&repo, &repo.path(), "a.txt", "Initial commit");
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.git(&["checkout", "-q", "-b", "feature"]);
    plain_commit(&repo, &repo.path(), "w.txt", "Add the widget");
    plain_commit(&repo, &repo.path(), "t.txt", "Tweak the widget");
    repo.git(&["checkout", "-q", "main"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: on main after the install");
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.git(&["checkout", "-q", "feature"]);
    let before = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.git_output(&["rebase", "-q", "main"]));
    assert_ne!(repo.git(&["rev-parse", "HEAD"]), before, "rebased: new ids");
    repo
}

const NOTE_TWO: &str = "2 commits from before `relhook install` here were not linted";

#[test]
fn a_branch_from_before_the_install_rebased_after_it_goes_out_with_the_note() {
    let repo = feature_rebased_after_install();
    // A release does not ask to reword them first either.
    let out = repo.relhook(&["release", "--dry-run", "--no-test", "--allow-branch"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(!said.contains("pre-push would refuse"), "{said}");
    let out = repo.git_output(&["push", "-q", "origin", "feature"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains(NOTE_TWO), "{err}");
}

/// After the install, as ever: a `--no-verify` commit on that branch is refused, and so is an
/// amend (`--no-verify`) that gives a rebased commit from before the install a new message.
/// The commits from before the install are not named.
#[test]
fn what_is_committed_after_the_install_on_a_rebased_branch_is_still_judged() {
    let repo = feature_rebased_after_install();
    let rebased = repo.git(&["rev-parse", "HEAD"]);
    plain_commit(&repo, &repo.path(), "s.txt", "Sneak this in");
    let out = repo.git_output(&["push", "-q", "origin", "feature"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("Sneak this in"), "{err}");
    assert!(!err.contains("Add the widget"), "{err}");
    assert!(!err.contains("Tweak the widget"), "{err}");
    assert!(err.contains(NOTE_TWO), "{err}");

    repo.git(&["reset", "-q", "--hard", &rebased]);
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--amend",
        "--no-verify",
        "-m",
        "Tweak it differently",
    ]));
    let out = repo.git_output(&["push", "-q", "origin", "feature"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("Tweak it differently"), "{err}");
    assert!(!err.contains("Add the widget"), "{err}");

    // `relhook check` judges the same way.
    let out = repo.relhook(&["check", "main..feature"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("Tweak it differently"), "{said}");
    assert!(!said.contains("Add the widget"), "{said}");

    repo.git(&["reset", "-q", "--hard", &rebased]);
    let out = repo.git_output(&["push", "-q", "origin", "feature"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// `git pull --rebase` over a local commit from before the install: the rewritten commit goes
/// out with the note.
#[test]
fn a_pull_rebase_over_a_commit_from_before_the_install_goes_out_with_the_note() {
    let repo = Repo::new();
    plain_commit(&repo, &repo.path(), "a.txt", "Initial commit");
    let remote = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    plain_commit(&repo, &repo.path(), "l.txt", "Local work");
    ok(repo.relhook(&["install"]));
    // A teammate pushes meanwhile.
    let other = repo.scratch("other");
    let clone = other.join("clone");
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
    plain_commit(&repo, &clone, "r.txt", "feat: from a teammate");
    ok(repo.git_in(&clone, &["push", "-q", "origin", "main"], &[]));
    let before = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.git_output(&["pull", "-q", "--rebase", "origin", "main"]));
    assert_ne!(
        repo.git(&["rev-parse", "HEAD"]),
        before,
        "rebased: a new id"
    );
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("1 commit from before `relhook install` here was not linted"),
        "{err}"
    );
}

/// `relhook check` over history from before the install: left unjudged, said in one line;
/// a `--no-verify` commit made after the install is judged. `--all` judges them too (all of
/// HEAD's history, as asked). The note of an older relhook (a bare commit id) is read as before.
#[test]
fn check_leaves_commits_from_before_the_install_unjudged_and_says_so() {
    let repo = Repo::new();
    plain_commit(&repo, &repo.path(), "a.txt", "Initial commit");
    plain_commit(&repo, &repo.path(), "b.txt", "Add b");
    let head = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.relhook(&["install"]));
    // Nothing since the install: said in one line, naming the command that judges them.
    let out = repo.relhook(&["check"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(
        stdout(&out).contains("nothing judged in HEAD: 2 commits from before `relhook install` (`relhook check --all` judges them)"),
        "{said}"
    );
    assert!(!said.contains("were not judged"), "{said}");
    repo.commit_hooked("feat: c");
    let note = "2 commits from before `relhook install` here were not judged";
    let out = repo.relhook(&["check"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert_eq!(said.matches(note).count(), 1, "{said}");
    assert!(said.contains("`relhook check --all` judges them"), "{said}");
    assert!(!said.contains("Add b"), "{said}");
    assert!(stdout(&out).contains("checked 1 commit"), "{said}");
    let out = repo.relhook(&["check", "--all"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("Add b") && !said.contains(note), "{said}");
    assert!(stdout(&out).contains("checked 3 commits"), "{said}");

    plain_commit(&repo, &repo.path(), "d.txt", "Add d");
    let out = repo.relhook(&["check"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("Add d") && said.contains(note), "{said}");
    assert!(!said.contains("Add b"), "{said}");

    // Named alone, one of them is judged: asked for.
    let out = repo.relhook(&["check", &head]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("Add b") && !said.contains(note), "{said}");

    // An older relhook's note: the commit id alone.
    std::fs::write(
        repo.path().join(".git/relhook-adopted"),
        format!("{head}\n"),
    )
    .unwrap();
    let out = repo.relhook(&["check"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains(note), "{said}");
    assert!(!said.contains("Add b"), "{said}");
}

/// A relhook of its own for a developer: the binary under test at `<scratch>/<who>/bin/relhook`
/// (a hard link, so the running binary's path is that one), and the PATH that finds it first.
fn developer(repo: &Repo, who: &str) -> (std::path::PathBuf, std::ffi::OsString) {
    let bin = repo.scratch(&format!("{who}/.cargo/bin"));
    let exe = bin.join("relhook");
    if std::fs::hard_link(crate::support::relhook_bin(), &exe).is_err() {
        std::fs::copy(crate::support::relhook_bin(), &exe).unwrap();
    }
    (exe, crate::support::path_with(&[&bin]))
}

/// Runs `exe` (a developer's relhook) in the repository, with that developer's PATH and HOME.
fn as_developer(repo: &Repo, exe: &Path, path: &std::ffi::OsStr, args: &[&str]) -> Output {
    let home = exe.parent().unwrap().parent().unwrap().parent().unwrap();
    repo.command_in(exe, &repo.path())
        .env("PATH", path)
        .env("HOME", home)
        .args(args)
        .output()
        .unwrap()
}

/// `relhook install --shared` into the team's tracked `.githooks`: the shims name relhook
/// alone and find it on PATH, so they are the same on every machine and name no one's home.
/// A second developer's install, with relhook elsewhere, leaves the tracked files as they are;
/// doctor calls them current; without relhook on PATH, they say so and let git go on.
#[cfg(unix)]
#[test]
fn shared_hooks_are_the_same_on_every_machine() {
    let repo = Repo::new();
    repo.write(".githooks/pre-push", "#!/bin/sh\nexit 0\n");
    crate::support::make_executable(&repo.path().join(".githooks/pre-push"));
    plain_commit(&repo, &repo.path(), "a.txt", "chore: init");
    ok(repo.git_output(&["add", ".githooks"]));
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "chore: team hooks"]));
    repo.git(&["config", "core.hooksPath", ".githooks"]);

    let (one, path_one) = developer(&repo, "alice");
    ok(as_developer(
        &repo,
        &one,
        &path_one,
        &["install", "--shared"],
    ));
    for (name, bytes, _) in crate::support::listing(&repo.path().join(".githooks")) {
        let body = String::from_utf8_lossy(&bytes);
        assert!(!body.contains("alice"), "{name} names a home:\n{body}");
    }
    ok(repo.git_output(&["add", ".githooks"]));
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: relhook's hooks",
    ]));

    let (two, path_two) = developer(&repo, "bob");
    let out = ok(as_developer(
        &repo,
        &two,
        &path_two,
        &["install", "--shared"],
    ));
    assert!(
        repo.is_clean(),
        "{}\n{}",
        repo.git(&["status", "--short"]),
        text(&out)
    );
    assert!(
        stdout(&out).contains("commit-msg: already installed in .githooks, nothing changed"),
        "{}",
        text(&out)
    );
    let doctor = as_developer(&repo, &two, &path_two, &["doctor"]);
    let said = stdout(&doctor);
    for hook in [
        "commit-msg",
        "post-commit",
        "pre-push",
        "reference-transaction",
    ] {
        assert!(
            said.contains(&format!("ok  hook {hook}: installed")),
            "{said}"
        );
    }
    assert!(!said.contains("STALE"), "{said}");

    // The hooks run bob's relhook from PATH: a bad message is refused.
    std::fs::write(repo.path().join("b.txt"), "b\n").unwrap();
    repo.git(&["add", "b.txt"]);
    let commit = |path: &std::ffi::OsStr| {
        repo.command_in("git", &repo.path())
            .env("PATH", path)
            .args(["commit", "-q", "-m", "Bad message"])
            .output()
            .unwrap()
    };
    let out = commit(&path_two);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("SKIPPED"), "{}", text(&out));
    // No relhook on PATH at all: the check is skipped, and said so in plain words.
    let bare = std::ffi::OsString::from("/usr/bin:/bin");
    let out = commit(&bare);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("commit-msg check SKIPPED: relhook is not on PATH"),
        "{}",
        text(&out)
    );
}
