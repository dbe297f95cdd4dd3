//! QA38: a release or hand tag killed between writing its mark (`pid N` / `started T`) into a
//! temporary and renaming it left `relhook-tmp-…` in the git dir, kept for ten minutes as if
//! a process might still be writing it. A mark naming a relhook that is gone is swept at once;
//! a live one's stays.

use crate::support::{installed_repo, ok};

#[test]
fn a_dead_relhooks_mark_temporary_is_swept_at_once() {
    let repo = installed_repo();
    let git = repo.path().join(".git");
    let dead = git.join("relhook-tmp-K9eVt2");
    std::fs::write(&dead, "pid 999999999\nstarted 90390\n").unwrap();
    let live = git.join("relhook-tmp-Lv1ive");
    std::fs::write(&live, format!("pid {}\n", std::process::id())).unwrap();
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(!dead.exists(), "a dead relhook's mark is swept");
    assert!(live.exists(), "a live process's mark stays");
}
