//! QA35: `relhook install --hooks commit-msg,pre-push` (a documented choice) left doctor
//! calling post-commit and reference-transaction MISSING, exiting 1 for good (a CI step that
//! runs doctor failed), with `relhook install` as its fix, which undoes the choice. The choice
//! is remembered in the clone's git config; doctor says the others were left out on purpose,
//! and its fixes keep the choice.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn doctor_accepts_a_subset_install_and_its_fixes_keep_the_subset() {
    let repo = Repo::new();
    ok(repo.relhook(&["install", "--hooks", "commit-msg,pre-push"]));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stdout(&out);
    assert!(!said.contains("MISSING"), "{said}");
    assert!(
        said.contains(
            "hook post-commit: left out by `relhook install --hooks commit-msg,pre-push`"
        ),
        "{said}"
    );
    // A stale chosen hook: the fix installs the same subset again.
    let hook = repo.hooks_dir().join("commit-msg");
    let shim = std::fs::read_to_string(&hook).unwrap();
    std::fs::write(
        &hook,
        shim.replace("# relhook-shim v15 ", "# relhook-shim v9 "),
    )
    .unwrap();
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("fix: relhook install --hooks commit-msg,pre-push"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["install", "--hooks", "commit-msg,pre-push"]));
    assert!(!repo.hooks_dir().join("post-commit").exists());
    // A plain install installs them all, and the choice goes.
    ok(repo.relhook(&["install"]));
    assert!(repo.hooks_dir().join("post-commit").exists());
    let out = repo.git_output(&["config", "--local", "--get", "relhook.hooks"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // uninstall forgets it too.
    ok(repo.relhook(&["install", "--hooks", "commit-msg"]));
    ok(repo.relhook(&["uninstall"]));
    let out = repo.git_output(&["config", "--local", "--get", "relhook.hooks"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}
