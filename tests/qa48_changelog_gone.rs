//! QA48: CHANGELOG.md removed from the work tree (an `rm` by accident) while HEAD keeps it:
//! `changelog --sync` said "history has no entry for it yet", and doctor called it changes
//! not committed, fixed by `git commit … -- :/CHANGELOG.md`, which committed the deletion
//! of every release section. Now sync, doctor, a release and a hand tag say it is missing
//! from the work tree and name the `git checkout` that brings HEAD's copy back.

use crate::support::{Repo, hand_tag, installed_repo, ok, stderr, stdout, text};

/// v0.1.0 released, a feature after it (its entry in HEAD's changelog), CHANGELOG.md then
/// removed by `how` (`rm`, or `git rm`): the repository and HEAD's changelog.
fn released_then_removed(how: &str) -> (Repo, String) {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("feat: two");
    let kept = repo.read("CHANGELOG.md");
    assert!(
        kept.contains("## [0.1.0]") && kept.contains("- two"),
        "{kept}"
    );
    ok(repo.sh(&format!("{how} CHANGELOG.md")));
    (repo, kept)
}

/// The first command in backquotes after `from` in `err`.
fn command_after(err: &str, from: &str) -> String {
    let (_, rest) = err
        .split_once(from)
        .unwrap_or_else(|| panic!("no `{from}` in:\n{err}"));
    rest.split('`').nth(1).unwrap_or_default().to_owned()
}

#[test]
fn sync_refuses_and_names_the_checkout_that_brings_it_back() {
    let (repo, kept) = released_then_removed("rm");
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("CHANGELOG.md is missing from the work tree, though HEAD has it"),
        "{err}"
    );
    assert!(!err.contains("history has no entry"), "{err}");
    assert!(
        !repo.path().join("CHANGELOG.md").exists(),
        "nothing written"
    );
    let restore = command_after(&err, "though HEAD has it");
    assert_eq!(restore, "git checkout -- :/CHANGELOG.md");
    ok(repo.sh(&restore));
    assert_eq!(repo.read("CHANGELOG.md"), kept);
    assert!(repo.is_clean());
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out).contains("up to date with history"),
        "{}",
        text(&out)
    );
}

#[test]
fn doctor_names_the_checkout_never_a_commit_of_the_deletion() {
    let (repo, kept) = released_then_removed("rm");
    let out = repo.relhook(&["doctor"]);
    let report = stdout(&out);
    assert!(!report.contains("git commit"), "{report}");
    let row = report
        .lines()
        .find(|l| l.contains("changelog:"))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        row.contains("INVALID") && row.contains("missing from the work tree"),
        "{report}"
    );
    let fix = command_after(&report, "fix:");
    ok(repo.sh(&fix));
    assert_eq!(repo.read("CHANGELOG.md"), kept);
    let out = repo.relhook(&["doctor"]);
    let report = stdout(&out);
    assert!(
        !report.lines().any(|l| l.contains("changelog:")),
        "{report}"
    );
}

#[test]
fn a_git_rm_not_committed_is_brought_back_from_head() {
    let (repo, kept) = released_then_removed("git rm -q");
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let restore = command_after(&stderr(&out), "though HEAD has it");
    // The index lost it too: plain `git checkout -- path` would find nothing.
    assert_eq!(restore, "git checkout HEAD -- :/CHANGELOG.md");
    ok(repo.sh(&restore));
    assert_eq!(repo.read("CHANGELOG.md"), kept);
    assert!(repo.is_clean());
}

#[test]
fn a_release_and_a_hand_tag_name_the_checkout_not_a_commit() {
    let (repo, _) = released_then_removed("rm");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("missing from the work tree"), "{err}");
    assert!(err.contains("`git checkout -- :/CHANGELOG.md`"), "{err}");
    assert!(!err.contains("commit or stash"), "{err}");
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "0.2.0"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("`git checkout -- :/CHANGELOG.md`"), "{err}");
    assert!(!err.contains("commit or stash"), "{err}");
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "");
}

#[test]
fn a_rebuild_writes_it_afresh_only_with_force() {
    let (repo, _) = released_then_removed("rm");
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("missing from the work tree"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["changelog", "--rebuild", "--force"]));
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.0]"));
}
