//! QA33: with husky, a `TMPDIR` that does not exist (a stale macOS one, a sandbox's) made
//! every ref update fail: the block relhook writes copied the hook's input with `mktemp` there
//! and gave up.

use crate::hook_files::husky_9_runners_in;
use crate::support::{Repo, text};

#[test]
fn husky_hooks_work_with_a_tmpdir_that_does_not_exist() {
    let repo = Repo::new();
    husky_9_runners_in(&repo, ".husky");
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: husky"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: wire relhook"]);

    let git = |args: &[&str]| {
        repo.command_in("git", &repo.path())
            .args(args)
            .env("TMPDIR", "/nonexistent/relhook-qa33")
            .output()
            .unwrap()
    };
    repo.write("y.txt", "y\n");
    repo.git(&["add", "y.txt"]);
    let out = git(&["commit", "-q", "-m", "fix: y"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- y"));
    let out = git(&["branch", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = git(&["tag", "-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    // Nothing left in the git dir by the copies.
    let left: Vec<_> = std::fs::read_dir(repo.path().join(".git"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("relhook-input"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
