//! QA44: a relhook killed after creating a temporary file in the git dir and before its first
//! write left it empty (`relhook-tmp-XXXXXX`, nothing in it to say whose it was), and the
//! sweep kept it for ten minutes, as one a live process might be about to write. Such files
//! are named with their writer's pid now: the sweep removes a dead writer's at once, empty or
//! not, and never a live one's (nor does the recovery of a killed transaction).

use std::path::{Path, PathBuf};

use crate::support::{installed_repo, ok, text};

fn temporaries(git: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(git)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("relhook-tmp-"))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// A pid no process has: a child's, once it has exited and been waited for.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn a_killed_relhook_s_empty_temporary_is_swept_and_a_live_one_s_is_not() {
    let repo = installed_repo();
    let git = repo.path().join(".git");
    let killed = git.join(format!("relhook-tmp-{}-K1lled", dead_pid()));
    std::fs::write(&killed, "").unwrap();
    // A live process's, just created (this test's pid stands for a live relhook's).
    let live = git.join(format!("relhook-tmp-{}-Lv1ive", std::process::id()));
    std::fs::write(&live, "").unwrap();
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!killed.exists(), "a dead writer's empty temporary is swept");
    assert!(live.exists(), "a live writer's fresh temporary stays");
}

#[test]
fn relhook_s_temporaries_name_their_writer_and_recovery_keeps_a_live_one_s() {
    let repo = installed_repo();
    let git = repo.path().join(".git");
    ok(repo.git_skipping_relhook(&["commit", "-q", "--allow-empty", "-m", "feat: two"]));
    // Killed with its temporary CHANGELOG.md in the git dir, just before the rename.
    repo.relhook_killed_at("file-replacing", &["changelog", "--sync"]);
    let left = temporaries(&git);
    assert_eq!(left.len(), 1, "{left:?}");
    let name = left[0].file_name().unwrap().to_string_lossy().into_owned();
    let (pid, _) = name
        .strip_prefix("relhook-tmp-")
        .and_then(|rest| rest.split_once('-'))
        .unwrap_or_else(|| panic!("{name}"));
    assert!(pid.parse::<u32>().is_ok(), "{name}");
    let live = git.join(format!("relhook-tmp-{}-Lv1ive", std::process::id()));
    std::fs::write(&live, "").unwrap();
    // The next command undoes the killed one and sweeps what it left, only that.
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(temporaries(&git), vec![live]);
}
