//! QA31: a `git tag` killed while its hook ran leaves `refs/tags/<tag>.lock`; doctor said
//! "all is well", and `relhook release --resume` failed with git's eight lines run together,
//! never naming the file to remove.

use std::time::{Duration, SystemTime};

use crate::support::{stderr, stdout, text};

#[test]
fn a_lock_left_by_a_killed_git_is_named_with_the_file_to_remove() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("feat: a");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // The tag gone, its lock left as a killed `git tag` leaves it, ten minutes ago.
    repo.git(&["tag", "-d", "v0.1.0"]);
    let lock = repo.path().join(".git/refs/tags/v0.1.0.lock");
    std::fs::write(&lock, repo.git(&["rev-parse", "HEAD"]) + "\n").unwrap();
    let file = std::fs::File::options().write(true).open(&lock).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(600))
        .unwrap();
    drop(file);

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let shown = lock.display().to_string();
    // Named in the interrupted release's fix, and not again on a row of its own (QA44).
    assert!(
        said.contains(&format!("fix: rm {shown} && relhook release --resume"))
            && !said.contains("WARNING  lock file"),
        "{said}"
    );

    let out = repo.relhook(&["release", "--resume"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    let error = err
        .lines()
        .find(|l| l.starts_with("relhook: error:"))
        .unwrap_or_default();
    assert!(
        // Found before the tag step (QA36), by relhook's own wait for the lock.
        error.contains(&format!("{shown}` has been there for"))
            && error.contains(&format!("(`rm {shown}`)"))
            && !err.contains("Another git process seems to be running"),
        "{err}"
    );

    // Its own advice finishes it.
    std::fs::remove_file(&lock).unwrap();
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = text(&repo.relhook(&["doctor"]));
    assert!(said.contains("all is well"), "{said}");
}
