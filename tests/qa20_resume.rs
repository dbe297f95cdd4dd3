//! QA20 (F0, F1): recovery of a release that went wrong around the user's own git commands.
//! F0: a commit made in the work tree while `relhook release` runs its tests is refused (a
//! release is testing); one made past the hooks is kept when the failed release is undone, and
//! the advice names the release commit by hash, never `HEAD~1` above the user's commit.
//! F1: an unpushed release commit rebased onto a teammate's commits (`git pull --rebase`)
//! leaves their changes out of its section: `--resume`, doctor and pre-push name the redo.

use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Repo, configured_with_a_feature, ok, relhook_bin, stderr, stdout, text};

/// A repository whose tests say they started (`started` beside it), then wait for `go` and
/// fail.
fn repo_with_waiting_tests() -> Repo {
    configured_with_a_feature(|repo| {
        let dir = repo.dir.path().display();
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"touch {dir}/started; while [ ! -e {dir}/go ]; do sleep 0.05; done; exit 1\"]\n"
        )
    })
}

/// `relhook release` started, returned once its tests run.
fn release_testing(repo: &Repo) -> Child {
    let mut child = repo
        .command_in(relhook_bin(), &repo.path())
        .arg("release")
        .env("RELHOOK_DATE", "2026-11-21")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = repo.dir.path().join("started");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !started.exists() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("relhook release ended before its tests: {status}");
        }
        assert!(Instant::now() < deadline, "the tests never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

/// Lets the tests fail and returns relhook's output.
fn tests_fail(repo: &Repo, child: Child) -> Output {
    std::fs::write(repo.dir.path().join("go"), "").unwrap();
    child.wait_with_output().expect("wait")
}

#[test]
fn a_commit_while_a_release_tests_is_refused_and_the_release_is_undone() {
    let repo = repo_with_waiting_tests();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let child = release_testing(&repo);
    repo.write("c.txt", "c\n");
    repo.git(&["add", "c.txt"]);
    let commit = repo.git_output(&["commit", "-q", "-m", "fix: c during release"]);
    let out = tests_fail(&repo, child);
    assert!(!commit.status.success(), "{}", text(&commit));
    let err = stderr(&commit);
    assert!(
        err.contains("commit refused: a relhook release is testing"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "");
    // Once the release is over, the commit goes through.
    ok(repo.git_output(&["commit", "-q", "-m", "fix: c during release"]));
    assert_eq!(repo.head_subject(), "fix: c during release");
}

#[test]
fn a_commit_past_the_hooks_while_a_release_tests_is_kept_by_the_fix_given() {
    let repo = repo_with_waiting_tests();
    let feature = repo.git(&["rev-parse", "HEAD"]);
    let child = release_testing(&repo);
    let release = repo.git(&["rev-parse", "HEAD"]);
    assert_ne!(
        release, feature,
        "the release commit is made before the tests"
    );
    repo.write("c.txt", "c\n");
    repo.git(&["add", "c.txt"]);
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "fix: c during release"]));
    let out = tests_fail(&repo, child);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("HEAD~1"), "{err}");
    // Nothing of the failed undo is left in the index: git commands work at once.
    assert_eq!(repo.git(&["diff-files", "--name-only"]), "", "{err}");
    let short = &release[..9];
    let fix = format!("git rebase --onto {short}~1 {short}");
    assert!(err.contains(&format!("`{fix}`")), "{err}");
    ok(repo.sh(&fix));
    let log = repo.git(&["log", "--format=%s", "-3"]);
    assert_eq!(
        log, "fix: c during release\nfeat: one\nchore: init",
        "{err}"
    );
    assert_eq!(repo.read("c.txt"), "c\n");
    assert!(repo.read("CHANGELOG.md").contains("- c during release"));
    assert!(!repo.read("CHANGELOG.md").contains("## [0.1.0]"));
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

/// F1: a local release v0.1.0 whose push is refused (a teammate pushed `fix: c from b`, with
/// its entry, meanwhile), then `git pull --rebase`.
fn release_rebased_onto_a_teammate() -> Repo {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    let mate = crate::support::clone_installed(&repo, &origin, "mate");
    std::fs::write(mate.join("c.txt"), "c\n").unwrap();
    for args in [
        &["add", "c.txt"][..],
        &["commit", "-q", "-m", "fix: c from b"],
        &["push", "-q", "origin", "main"],
    ] {
        let out = repo.git_in(&mate, args, &[]);
        assert!(out.status.success(), "{}", text(&out));
    }
    repo.write("d.txt", "d\n");
    repo.git(&["add", "d.txt"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: d"]));
    ok(repo.relhook(&["release"]));
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    ok(repo.git_output(&["pull", "-q", "--rebase"]));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    repo
}

/// The redo is right: v0.1.0 tagged on a release commit whose section lists both changes.
fn released_with_both(repo: &Repo, how: &str) {
    let notes = stdout(&ok(repo.relhook(&["notes", "v0.1.0"])));
    assert!(
        notes.contains("- d") && notes.contains("- c from b"),
        "{how}: {notes}"
    );
    let at_tag = repo.git(&["show", "v0.1.0:CHANGELOG.md"]);
    let unreleased = at_tag
        .split("## [Unreleased]")
        .nth(1)
        .and_then(|s| s.split("## [0.1.0]").next())
        .unwrap_or_default();
    assert!(!unreleased.contains("- "), "{how}: {at_tag}");
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}

#[test]
fn resume_refuses_a_release_commit_rebased_over_changes_it_leaves_out() {
    let repo = release_rebased_onto_a_teammate();
    repo.git(&["tag", "-d", "v0.1.0"]);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "", "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("c from b"), "{err}");
    let rel = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let redo = format!("git reset --keep {rel}~1 && relhook release 0.1.0");
    assert!(err.contains(&format!("`{redo}`")), "{err}");
    // doctor names the same redo.
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains(&redo), "{doctor}");
    assert!(
        !doctor.contains("fix: relhook release --resume"),
        "{doctor}"
    );
    ok(repo.sh(&redo));
    released_with_both(&repo, &redo);
}

#[test]
fn doctor_and_pre_push_name_the_redo_after_a_pull_rebase_of_a_tagged_release() {
    let repo = release_rebased_onto_a_teammate();
    let rel = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let redo = format!("git tag -d v0.1.0 && git reset --keep {rel}~1 && relhook release 0.1.0");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains(&redo), "{doctor}");
    assert!(!doctor.contains("relhook release --resume"), "{doctor}");
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    let err = stderr(&push);
    assert!(err.contains(&redo), "{err}");
    assert!(!err.contains("relhook release --resume"), "{err}");
    ok(repo.sh(&redo));
    released_with_both(&repo, &redo);
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}
