//! QA50: locks a killed relhook left that it then took for someone else's. A release (or
//! `--resume`) killed between creating the test records' lock and writing it left the lock
//! empty: doctor's fix, `relhook release --resume`, ran the tests and failed 3 s later on it.
//! A release or hand tag killed once its new index was in `index.lock` (before the rename)
//! called that lock "not its lock (made after that run stopped)": every command asked the
//! user to judge and remove it. Both are now known for the killed run's own: the empty
//! records' lock by the killed run's mark, the index lock by what its journal said it was
//! writing into it.

use crate::support::{Repo, configured_with_a_feature, installed_repo, ok, stderr, stdout, text};

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

/// Makes the killed run's journal a second older than its filled `index.lock`: a large index
/// (or a slow disk) takes that long to write after the journal's last line, and the time
/// alone then says the lock was made after the run stopped.
fn filled_slowly(repo: &Repo) {
    let lock = repo.path().join(".git/index.lock");
    assert!(lock.exists(), "no index.lock left");
    let made = std::fs::metadata(&lock).unwrap().modified().unwrap();
    let journal = std::fs::File::options()
        .append(true)
        .open(repo.path().join(".git/relhook-txn"))
        .unwrap();
    journal
        .set_modified(made - std::time::Duration::from_secs(1))
        .unwrap();
}

/// Asserts no relhook command calls `index.lock` someone else's.
fn not_foreign(out: &str) {
    assert!(!out.contains("is not its lock"), "{out}");
    assert!(!out.contains("a running git may hold it"), "{out}");
}

#[test]
fn a_release_killed_with_its_index_in_the_lock_is_undone_by_the_next_release() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    repo.relhook_killed_at("index-filled", &["release"]);
    filled_slowly(&repo);
    let (fix, said) = doctor_fix(&repo);
    not_foreign(&said);
    assert!(!fix.contains("rm "), "{said}");
    let out = repo.relhook(&["release"]);
    not_foreign(&text(&out));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]).trim(), "v0.1.0");
    assert!(!repo.path().join(".git/index.lock").exists());
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn doctor_s_fix_for_a_release_killed_with_its_index_in_the_lock_works_as_pasted() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    repo.relhook_killed_at("index-filled", &["release"]);
    filled_slowly(&repo);
    let (fix, said) = doctor_fix(&repo);
    not_foreign(&said);
    let out = repo.sh(&fix);
    not_foreign(&text(&out));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!repo.path().join(".git/index.lock").exists());
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID"), "{}", text(&out));
}

#[test]
fn a_hand_tag_killed_with_its_index_in_the_lock_is_finished_by_doctor_s_fix() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    repo.git_killed_at(
        "index-filled",
        &["tag", "-a", "v0.1.0", "-m", "v0.1.0"],
        &[],
    );
    filled_slowly(&repo);
    let (fix, said) = doctor_fix(&repo);
    not_foreign(&said);
    assert_eq!(fix, "relhook release --resume", "{said}");
    let out = repo.sh(&format!("{fix} --no-test"));
    not_foreign(&text(&out));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let head = repo.git(&["rev-parse", "HEAD"]);
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), head);
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID"), "{}", text(&out));
}
