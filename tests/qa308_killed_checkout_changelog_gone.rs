//! QA308: a `git revert` killed (SIGKILL) while it rewrote the work tree left CHANGELOG.md
//! removed and `.git/index.lock` behind. Doctor, `changelog --sync` and a release said to run
//! `git checkout -- :/CHANGELOG.md`, which git refuses while that lock is there ("Unable to
//! create '…/index.lock': File exists"), and doctor named no lock for its first minute. The
//! command they name now removes the lock first, and works.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// v0.1.0 released, a feature after it, then what a killed `git revert` leaves: the changelog
/// gone from the work tree and the index's lock left. The repository and HEAD's changelog.
fn killed_mid_checkout() -> (Repo, String) {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("feat: two");
    let kept = repo.read("CHANGELOG.md");
    ok(repo.sh("rm CHANGELOG.md && cp .git/index .git/index.lock"));
    (repo, kept)
}

/// The first command in backquotes after `from` in `said`.
fn command_after(said: &str, from: &str) -> String {
    let (_, rest) = said
        .split_once(from)
        .unwrap_or_else(|| panic!("no `{from}` in:\n{said}"));
    rest.split('`').nth(1).unwrap_or_default().to_owned()
}

/// Runs `command` as the user would paste it, and checks it brought HEAD's changelog back.
fn restores(repo: &Repo, command: &str, kept: &str) {
    ok(repo.sh(command));
    assert_eq!(repo.read("CHANGELOG.md"), kept, "after `{command}`");
    assert!(!repo.path().join(".git/index.lock").exists(), "{command}");
}

#[test]
fn doctor_names_a_restore_that_works_past_the_left_index_lock() {
    let (repo, kept) = killed_mid_checkout();
    let report = stdout(&repo.relhook(&["doctor"]));
    assert!(report.contains("missing from the work tree"), "{report}");
    assert!(report.contains("index.lock"), "{report}");
    restores(&repo, &command_after(&report, "fix:"), &kept);
    let report = stdout(&ok(repo.relhook(&["doctor"])));
    assert!(!report.contains("INVALID"), "{report}");
}

#[test]
fn sync_and_release_name_a_restore_that_works_past_the_left_index_lock() {
    let (repo, kept) = killed_mid_checkout();
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let sync_fix = command_after(&err, "though HEAD has it");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let release_fix = command_after(&stderr(&out), "though HEAD has it");
    assert_eq!(sync_fix, release_fix);
    restores(&repo, &sync_fix, &kept);
    ok(repo.relhook(&["release", "--no-test"]));
    assert!(repo.is_clean());
}
