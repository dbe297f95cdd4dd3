//! QA47: a release killed while its release commit was being written leaves `index.lock`,
//! and git says to remove it. A lock found there that is not the killed run's own (made
//! before it began, or after it stopped: another git's, perhaps running) was renamed over the
//! index (the index lost) or removed by the recovery. It is now left alone, and the recovery,
//! doctor and the next hook say so in one line naming the command that removes it.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::support::{Repo, installed_repo, ok, relhook_bin, stderr, stdout, text};

/// A release killed (SIGKILL) at `step`, its own index lock replaced by another's, `age`
/// seconds old; the repository and that lock's path.
fn killed_with_another_lock(step: &str, age: u64) -> (Repo, PathBuf) {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    repo.relhook_killed_at(step, &["release", "--no-test"]);
    let lock = repo.path().join(".git/index.lock");
    assert!(lock.exists(), "the killed release left its index lock");
    // Removed as git advises; then another git's lock, as one killed mid-update leaves.
    std::fs::remove_file(&lock).unwrap();
    std::fs::write(&lock, "DIRC another git's index").unwrap();
    let file = std::fs::File::options().write(true).open(&lock).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(age))
        .unwrap();
    (repo, lock)
}

fn resume(repo: &Repo) -> std::process::Output {
    repo.command_in(relhook_bin(), &repo.path())
        .args(["release", "--resume", "--no-test"])
        .env("RELHOOK_LOCK_WAIT_MS", "200")
        .output()
        .unwrap()
}

fn fix_for(lock: &Path, then: &str) -> String {
    format!("rm '{}' && {then}", lock.display())
}

#[test]
fn a_lock_older_than_the_killed_release_is_named_not_put_over_the_index() {
    let (repo, lock) = killed_with_another_lock("refs-moved", 600);
    let out = resume(&repo);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("it is older than that run's start"), "{err}");
    let fix = fix_for(&lock, "relhook release --resume --no-test");
    assert!(err.contains(&fix), "{err}");
    assert!(lock.exists(), "another's lock is left");
    // The index is whole: git reads it.
    repo.git(&["ls-files", "--stage"]);
    // The command it names finishes the release.
    let out = ok(repo.sh(&fix));
    assert!(stderr(&out).contains("v0.1.0 is tagged"), "{}", text(&out));
    assert!(repo.is_clean());
}

#[test]
fn a_lock_made_after_the_killed_release_stopped_is_never_removed() {
    let (repo, lock) = killed_with_another_lock("files-written", 0);
    let out = resume(&repo);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("it was made after that run stopped"), "{err}");
    assert!(
        err.contains(&fix_for(&lock, "relhook changelog --sync")),
        "{err}"
    );
    assert!(lock.exists(), "a running git's lock is not removed");
    assert!(
        repo.path().join(".git/relhook-txn").exists(),
        "nothing was undone"
    );
}

#[test]
fn doctor_names_the_lock_and_the_one_command() {
    let (repo, lock) = killed_with_another_lock("refs-moved", 600);
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(
        said.contains(&format!("{} is not its lock", lock.display())),
        "{said}"
    );
    let fix = format!(
        "fix: {}",
        fix_for(&lock, "relhook release --resume --no-test")
    );
    assert_eq!(said.matches("fix: ").count(), 1, "{said}");
    assert!(said.contains(&fix), "{said}");
}

#[test]
fn the_next_hook_names_the_lock_in_one_line() {
    let (repo, lock) = killed_with_another_lock("refs-moved", 600);
    // A hand tag's hook finds the journal first.
    let out = repo
        .command_in("git", &repo.path())
        .args(["tag", "-a", "v9.0.0", "-m", "v9.0.0"])
        .env("RELHOOK_LOCK_WAIT_MS", "200")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.starts_with("relhook:")).collect();
    assert_eq!(said.len(), 1, "{err}");
    // The command that removes it and finishes the run, as doctor names it (QA48).
    let fix = fix_for(&lock, "relhook release --resume --no-test");
    assert!(said[0].contains(&format!("`{fix}`")), "{err}");
    assert!(lock.exists());
}

/// The run's own lock, its pid gone, is still the recovery's to finish.
#[test]
fn the_killed_release_s_own_lock_is_still_recovered() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    repo.relhook_killed_at("refs-moved", &["release", "--no-test"]);
    let out = ok(resume(&repo));
    assert!(stderr(&out).contains("v0.1.0 is tagged"), "{}", text(&out));
    assert!(!repo.path().join(".git/index.lock").exists());
}
