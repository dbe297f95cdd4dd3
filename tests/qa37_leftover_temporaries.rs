//! QA37: a release killed at the wrong moment can leave an empty `relhook-tmp-…` file in the
//! git dir (an atomic write's temporary, a lock's file before its mark). No later command
//! removed it: only files naming a dead process or holding a dead lock's mark were swept.

use crate::support::{installed_repo, ok};

#[test]
fn an_old_unmarked_temporary_is_swept_and_a_fresh_one_is_not() {
    let repo = installed_repo();
    let git = repo.path().join(".git");
    let old = git.join("relhook-tmp-naZ122");
    let fresh = git.join("relhook-tmp-bQ9x01");
    std::fs::write(&old, "").unwrap();
    std::fs::write(&fresh, "").unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(!old.exists(), "an hour-old leftover is removed");
    assert!(fresh.exists(), "one a running process may be writing stays");
}
