//! QA45: a hand tag while the branch's ref lock was held (a git at work, or one killed):
//! the tag was written, then removed when its release commit could not move the branch, and
//! `git tag` exited 0, so `git tag -a v0.1.0 -m x && …` carried on as if it existed. The lock is
//! waited for before the tag is accepted: git refuses it, exit 128, nothing made.

use crate::support::{stderr, text, untested_installed};

#[test]
fn a_hand_tag_is_refused_while_the_branch_is_locked() {
    let repo = untested_installed();
    repo.commit_hooked("fix: a");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let lock = repo.path().join(".git/refs/heads/main.lock");
    std::fs::write(&lock, "").unwrap();
    let out = repo
        .command_in("git", &repo.path())
        .args(["tag", "-a", "v0.1.0", "-m", "r"])
        .env("RELHOOK_LOCK_WAIT_MS", "50")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("refusing tag v0.1.0: the release commit cannot be made now")
            && err.contains("main.lock"),
        "{err}"
    );
    assert_eq!(repo.git(&["tag"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    // Freed, the same tag goes through.
    std::fs::remove_file(&lock).unwrap();
    let out = crate::support::hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
}
