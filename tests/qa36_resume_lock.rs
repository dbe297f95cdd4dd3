//! QA36: a release killed while git held its tag's lock left `refs/tags/vX.lock`: doctor named
//! only `relhook release --resume` (the lock only once two minutes old), and the resume ran
//! the whole test suite before failing on the lock, its passing record thrown away.

use crate::support::{Repo, configured_with_a_feature, stderr, stdout, text};

fn killed_with_its_tag_locked() -> (Repo, std::path::PathBuf) {
    let repo = configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"echo ran >> \\\"$(git rev-parse --git-dir)/ran\\\"\"]\n"
            .into()
    });
    repo.relhook_killed_at("release-committed", &["release"]);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    // As a git killed mid-update leaves it.
    let lock = repo.path().join(".git/refs/tags/v0.1.0.lock");
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    std::fs::write(&lock, "").unwrap();
    (repo, lock)
}

#[test]
fn doctor_names_a_fresh_tag_lock_in_the_fix_of_an_interrupted_release() {
    let (repo, lock) = killed_with_its_tag_locked();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("v0.1.0.lock is left by the process that was killed"),
        "{said}"
    );
    let fix = format!("fix: rm {} && relhook release --resume", lock.display());
    assert!(said.contains(&fix), "{said}");
}

#[test]
fn resume_finds_the_lock_before_it_tests() {
    let (repo, lock) = killed_with_its_tag_locked();
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .args(["release", "--resume"])
        .env("RELHOOK_LOCK_WAIT_MS", "200")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(stderr(&out).contains("v0.1.0.lock"), "{}", text(&out));
    assert!(!repo.path().join(".git/ran").exists(), "no test ran");

    std::fs::remove_file(&lock).unwrap();
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read(".git/ran"), "ran\n");
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
}

/// QA36: a lock ten minutes old was waited for three seconds, its age already known.
#[test]
fn resume_does_not_wait_for_a_lock_a_minute_old() {
    let (repo, lock) = killed_with_its_tag_locked();
    let file = std::fs::File::options().write(true).open(&lock).unwrap();
    file.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(600))
        .unwrap();
    drop(file);
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .args(["release", "--resume"])
        .env("RELHOOK_LOCK_WAIT_MS", "20000")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("has been there for"), "{said}");
    // What it says it waited, not a clock: none of the 20 s it may wait for a live lock.
    let waited: u64 = said
        .split("(waited ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(u64::MAX);
    assert!(waited < 1000, "{said}");
}
