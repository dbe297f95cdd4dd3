//! QA37: with `.git/config.lock` left by a killed git, `relhook install` wrote the hooks, then
//! failed to register the merge driver and asked whether git was on PATH.

use crate::support::{Repo, stderr, text};

#[test]
fn a_config_lock_is_named_before_anything_is_written() {
    let repo = Repo::new();
    let lock = repo.path().join(".git/config.lock");
    std::fs::write(&lock, "").unwrap();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("if no git runs in this repository now, `rm "),
        "{}",
        text(&out)
    );
    assert!(!stderr(&out).contains("on PATH"), "{}", text(&out));
    assert!(
        !repo.hooks_dir().join("commit-msg").exists(),
        "nothing written"
    );
}
