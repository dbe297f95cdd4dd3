//! QA44: a release killed while it recorded its test pass leaves the test records' ref lock
//! (`refs/notes/relhook-tests.lock`). Doctor's one fix was `relhook release --resume`, which
//! waited 3 s and failed on that lock every time; the `rm` came on a row of its own only once
//! the lock was a minute old. A lock that holds the killed release's own record is named at
//! once now, in the fix (`rm <lock> && relhook release --resume`), and `--resume` stops on it
//! before its tests.

use crate::support::{Repo, configured_with_a_feature, ok, stderr, stdout, text};

/// A release of 0.1.0 killed after its tests passed, the records' lock left as a kill while
/// libgit2 renamed it into place leaves it: holding the notes commit with the release's record.
fn killed_recording() -> (Repo, String) {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    repo.relhook_killed_at("release-tested", &["release"]);
    let notes = repo.git(&["rev-parse", "refs/notes/relhook-tests"]);
    repo.write(
        ".git/refs/notes/relhook-tests.lock",
        format!("{}\n", notes.trim()),
    );
    let lock = repo.path().join(".git/refs/notes/relhook-tests.lock");
    (repo, lock.display().to_string())
}

#[test]
fn doctor_removes_the_records_lock_a_killed_release_left_in_its_fix() {
    let (repo, lock) = killed_recording();
    let out = repo.relhook(&["doctor"]);
    let fix = format!("fix: rm {lock} && relhook release --resume\n");
    assert!(stdout(&out).contains(&fix), "{}", text(&out));
    // A minute on, the same fix, and no second row for the lock.
    let file = std::fs::File::options().write(true).open(&lock).unwrap();
    let ago = std::time::SystemTime::now() - std::time::Duration::from_secs(600);
    file.set_modified(ago).unwrap();
    drop(file);
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(said.contains(&fix) && !said.contains("lock file"), "{said}");
    // `--resume` alone stops at once, before its tests, and names the removal.
    let started = std::time::Instant::now();
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(started.elapsed() < std::time::Duration::from_secs(3));
    assert!(
        stderr(&out).contains(&format!("remove it (`rm {lock}`)")),
        "{}",
        text(&out)
    );
    // The fix works when pasted.
    let line = fix.trim_start_matches("fix: ").trim_end();
    ok(repo.sh(line));
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]).trim(), "v0.1.0");
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID"), "{}", text(&out));
}

#[test]
fn a_records_lock_that_holds_no_record_of_the_release_is_not_taken_for_its() {
    let (repo, lock) = killed_recording();
    // Another process's lock, say a `git notes` at work: notes, none of this release's.
    repo.git(&["notes", "--ref=other", "add", "-m", "other", "HEAD"]);
    let other = repo.git(&["rev-parse", "refs/notes/other"]);
    std::fs::write(&lock, other).unwrap();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("fix: relhook release --resume\n"),
        "{}",
        text(&out)
    );
    assert!(!said.contains(&format!("rm {lock}")), "{}", text(&out));
}

/// QA45: killed right after it took the lock, before writing into it, the release left it
/// empty; doctor's one fix was `--resume`, which waited 3 s and failed on it. An empty lock a
/// few seconds old, with no release at work, is the killed release's.
#[test]
fn an_empty_records_lock_left_for_seconds_is_removed_in_the_fix() {
    let (repo, lock) = killed_recording();
    std::fs::write(&lock, "").unwrap();
    let file = std::fs::File::options().write(true).open(&lock).unwrap();
    let ago = std::time::SystemTime::now() - std::time::Duration::from_secs(10);
    file.set_modified(ago).unwrap();
    drop(file);
    let out = repo.relhook(&["doctor"]);
    let fix = format!("fix: rm {lock} && relhook release --resume\n");
    assert!(stdout(&out).contains(&fix), "{}", text(&out));
    let line = fix.trim_start_matches("fix: ").trim_end();
    ok(repo.sh(line));
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]).trim(), "v0.1.0");
}
