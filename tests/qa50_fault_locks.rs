//! QA50: locks a killed relhook left that it then took for someone else's. A release (or
//! `--resume`) killed between creating the test records' lock and writing it left the lock
//! empty: doctor's fix, `relhook release --resume`, ran the tests and failed 3 s later on it.
//! An empty lock made after the killed release began (its mark names a process that is gone)
//! is now known for that release's own.

use crate::support::{Repo, configured_with_a_feature, ok, stderr, stdout, text};

/// Doctor's one `fix:` line, with doctor's whole output.
fn doctor_fix(repo: &Repo) -> (String, String) {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let fixes: Vec<&str> = said
        .lines()
        .filter_map(|l| l.trim().strip_prefix("fix: "))
        .collect();
    assert_eq!(fixes.len(), 1, "{}", text(&out));
    (fixes[0].to_owned(), text(&out))
}

#[test]
fn an_empty_records_lock_made_after_the_killed_release_began_is_its_own() {
    let ran = tempfile::tempdir().unwrap();
    let log = ran.path().join("ran");
    let repo = configured_with_a_feature(|_| {
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"echo ran >> '{}'\"]\n",
            log.display()
        )
    });
    // Killed after its release commit; then, as a kill between creating the records' lock
    // and writing it leaves it, an empty lock newer than the run's start (made just now).
    repo.relhook_killed_at("release-committed", &["release"]);
    let lock = repo.path().join(".git/refs/notes/relhook-tests.lock");
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    std::fs::write(&lock, "").unwrap();
    let lock = lock.display().to_string();
    let (fix, said) = doctor_fix(&repo);
    assert_eq!(
        fix,
        format!("rm {lock} && relhook release --resume"),
        "{said}"
    );
    // `--resume` alone (it replaces the killed run's mark) stops at once, before its tests.
    let started = std::time::Instant::now();
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(started.elapsed() < std::time::Duration::from_secs(3));
    assert!(
        stderr(&out).contains(&format!("remove it (`rm {lock}`)")),
        "{}",
        text(&out)
    );
    assert!(!log.exists(), "the tests ran: {}", text(&out));
    // Doctor's fix works as pasted.
    ok(repo.sh(&fix));
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]).trim(), "v0.1.0");
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID"), "{}", text(&out));
}
