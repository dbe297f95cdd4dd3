//! QA33: a `HEAD.lock` (held by a git at work, or left by a killed one) was ignored by the
//! release and the hand tag, which moved HEAD's branch where git itself waits or fails.

use crate::support::{relhook_bin, stderr, text, untested_installed};

#[test]
fn a_release_waits_for_head_s_lock_and_refuses_before_its_commit() {
    let repo = untested_installed();
    repo.commit_hooked("fix: a");
    let head = repo.git(&["rev-parse", "HEAD"]);
    std::fs::write(repo.path().join(".git/HEAD.lock"), "").unwrap();
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["release", "--no-test"])
        .env("RELHOOK_LOCK_WAIT_MS", "50")
        .env("RELHOOK_TEST_FAILPOINT", "release-committed")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("HEAD.lock") && said.contains("rm "), "{said}");
    assert!(!said.contains("failpoint"), "{said}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag"]), "");
    std::fs::remove_file(repo.path().join(".git/HEAD.lock")).unwrap();
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn a_hand_tag_is_refused_while_head_is_locked() {
    let repo = untested_installed();
    repo.commit_hooked("fix: a");
    let head = repo.git(&["rev-parse", "HEAD"]);
    std::fs::write(repo.path().join(".git/HEAD.lock"), "").unwrap();
    let out = repo
        .command_in("git", &repo.path())
        .args(["tag", "-a", "v0.1.0", "-m", "r"])
        .env("RELHOOK_LOCK_WAIT_MS", "50")
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("HEAD.lock"), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
}
