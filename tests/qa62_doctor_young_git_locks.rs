//! QA60: `git commit` killed while relhook's hook ran left `.git/AUTO_MERGE.lock` and
//! `.git/packed-refs.lock`; doctor, run right after, named neither (only locks a minute old),
//! and the next `git commit` or `git tag -d` failed. git holds those for milliseconds: one a
//! few seconds old is now named at once, with the command that removes it.

use std::time::{Duration, SystemTime};

use crate::support::{installed_repo, ok, stdout, text};

#[test]
fn doctor_names_the_top_level_locks_a_killed_commit_left_and_the_fix_works_pasted() {
    let repo = installed_repo();
    repo.git(&["tag", "old"]);
    let git = repo.path().join(".git");
    for name in ["AUTO_MERGE.lock", "packed-refs.lock"] {
        let lock = git.join(name);
        std::fs::write(&lock, "").unwrap();
        let file = std::fs::File::options().write(true).open(&lock).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(5))
            .unwrap();
    }
    assert!(!repo.git_output(&["tag", "-d", "old"]).status.success());
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let fixes: Vec<&str> = doctor
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("fix: rm "))
        .collect();
    for name in ["AUTO_MERGE.lock", "packed-refs.lock"] {
        let row = doctor
            .lines()
            .find(|l| l.contains("lock file") && l.contains(name))
            .unwrap_or_else(|| panic!("{name} not named:\n{doctor}"));
        assert!(row.contains("a git killed mid-update left it"), "{row}");
        assert!(fixes.iter().any(|f| f.ends_with(name)), "{doctor}");
    }
    for fix in fixes {
        let out = repo.sh(&format!("rm {fix}"));
        assert!(out.status.success(), "{}", text(&out));
    }
    ok(repo.git_output(&["tag", "-d", "old"]));
    repo.commit_hooked("fix: after");
}

#[test]
fn a_lock_a_git_has_just_taken_is_not_named() {
    let repo = installed_repo();
    std::fs::write(repo.path().join(".git/packed-refs.lock"), "").unwrap();
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("packed-refs.lock"), "{doctor}");
}
