//! QA53: a repository copied with `cp -a` while it carried a killed `relhook release`'s
//! journal, and an index lock that was not that run's (another git's, made after the run
//! stopped), was told the lock "is older than that run's start": the journal's birth was the
//! copy's, which every file's kept time precedes. A journal born after its last line is a
//! copy's: a lock made after the run stopped is said so, one the copy's times cannot place
//! says that the repository was copied, and both name the one command that removes it and
//! finishes the release.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::support::{Repo, installed_repo, relhook_bin, stderr, stdout, text};

/// A release killed once its branch moved, its own index lock then replaced by another
/// git's made `age` seconds before now; then the repository copied with `cp -a` (times
/// kept). The original and the copy's top.
fn copied_with_another_lock(age: u64) -> (Repo, PathBuf) {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    repo.relhook_killed_at("refs-moved", &["release", "--no-test"]);
    let lock = repo.path().join(".git/index.lock");
    assert!(lock.exists(), "the killed release left its index lock");
    std::fs::remove_file(&lock).unwrap();
    std::fs::write(&lock, "DIRC another git's index").unwrap();
    let file = std::fs::File::options().write(true).open(&lock).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(age))
        .unwrap();
    let copy = repo.dir.path().join("copy");
    let out = repo
        .command_in("cp", repo.dir.path())
        .args(["-a", "repo", "copy"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    (repo, copy)
}

/// `relhook release --resume --no-test` in `at`, waiting for a lock 200 ms at most.
fn resume_in(repo: &Repo, at: &Path) -> std::process::Output {
    repo.command_in(relhook_bin(), at)
        .args(["release", "--resume", "--no-test"])
        .env("RELHOOK_LOCK_WAIT_MS", "200")
        .output()
        .unwrap()
}

/// Whether this file system keeps a file's birth (else relhook never reads one).
fn births_kept(copy: &Path) -> bool {
    std::fs::metadata(copy.join(".git/relhook-txn")).is_ok_and(|m| m.created().is_ok())
}

#[test]
fn a_copy_says_a_lock_made_after_the_killed_run_stopped_and_the_command_that_finishes() {
    let (repo, copy) = copied_with_another_lock(0);
    let lock = copy.join(".git/index.lock");
    let out = resume_in(&repo, &copy);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("older than"), "{err}");
    assert!(err.contains("it was made after that run stopped"), "{err}");
    let fix = format!(
        "rm '{}' && relhook release --resume --no-test",
        lock.display()
    );
    assert!(err.contains(&format!("`{fix}`")), "{err}");
    // Doctor in the copy says the same, with the same command; pasted, it finishes.
    let said = stdout(&repo.relhook_in(&copy, &["doctor"]));
    assert!(!said.contains("older than"), "{said}");
    assert!(
        said.contains("it was made after that run stopped"),
        "{said}"
    );
    assert!(said.contains(&format!("fix: {fix}")), "{said}");
    let out = repo
        .command_in("sh", &copy)
        .env(
            "PATH",
            crate::support::path_with(&[&repo.relhook_on_path()]),
        )
        .args(["-c", &fix])
        .output()
        .unwrap();
    assert!(stderr(&out).contains("v0.1.0 is tagged"), "{}", text(&out));
    assert!(!copy.join(".git/relhook-txn").exists());
}

#[test]
fn a_copy_says_it_was_copied_when_its_times_cannot_place_the_lock() {
    let (repo, copy) = copied_with_another_lock(600);
    if !births_kept(&copy) {
        return;
    }
    let lock = copy.join(".git/index.lock");
    let out = resume_in(&repo, &copy);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("older than"), "{err}");
    assert!(
        err.contains("the repository was copied since that run"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "`rm '{}' && relhook release --resume --no-test`",
            lock.display()
        )),
        "{err}"
    );
    assert!(lock.exists(), "a lock that may be a git's is left");
}
