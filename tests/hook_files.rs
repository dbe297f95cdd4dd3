//! Hook files relhook shares with others: doctor under `core.hooksPath=.husky` (git runs those
//! files itself), and doctor's advice when another tool rewrote a hook beside relhook's backup
//! of the first one.

use std::ffi::OsString;
use std::process::Output;

use crate::support::{Repo, chmod, relhook_bin, stderr, stdout, text};

/// git with relhook on PATH, as after `cargo install` (husky's calls find it there).
fn git(repo: &Repo, args: &[&str]) -> Output {
    let mut path = vec![relhook_bin().parent().unwrap().to_owned()];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path: OsString = std::env::join_paths(path).unwrap();
    repo.command_in("git", &repo.path())
        .env("PATH", path)
        .args(args)
        .output()
        .expect("run git")
}

fn ok(out: Output) -> Output {
    assert!(out.status.success(), "{}", text(&out));
    out
}

/// A repository whose git runs `.husky/*` itself (`core.hooksPath=.husky`, no husky runner),
/// with the team's `.husky/<hook>` files committed.
fn husky_dir_repo(files: &[(&str, &str)]) -> Repo {
    let repo = Repo::new();
    for (hook, body) in files {
        let rel = format!(".husky/{hook}");
        repo.write(&rel, body);
        chmod(&repo.path().join(rel), 0o755);
    }
    repo.git(&["config", "core.hooksPath", ".husky"]);
    repo.git(&["add", ".husky"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: husky"]);
    repo
}

#[test]
fn doctor_judges_the_husky_files_git_runs_itself() {
    let team = "#!/bin/sh\necho TEAM-COMMIT-MSG >&2\n";
    let repo = husky_dir_repo(&[("commit-msg", team)]);
    let install = ok(repo.relhook(&["install"]));
    assert!(
        !stdout(&install).contains("npx husky"),
        "{}",
        text(&install)
    );
    let bad = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message"],
    );
    assert!(!bad.status.success(), "{}", text(&bad));
    assert!(stderr(&bad).contains("TEAM-COMMIT-MSG"), "{}", text(&bad));
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    ok(git(&repo, &["commit", "-q", "-m", "feat: add x"]));
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "CHANGELOG.md\nx.txt",
        "git ran .husky/post-commit"
    );

    // No husky runner here, and none needed: git runs `.husky/*` itself.
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    assert!(!stdout(&doctor).contains("npx husky"), "{}", text(&doctor));
    assert_eq!(
        stdout(&doctor).matches("husky runs relhook for it").count(),
        4,
        "{}",
        text(&doctor)
    );

    // A file git runs itself must be executable; doctor says so and install sets the bit.
    chmod(&repo.path().join(".husky/pre-push"), 0o644);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains(
            "SHADOWED  hook pre-push (via husky): .husky/pre-push calls relhook, but git skips it: it is not executable"
        ),
        "{}",
        text(&doctor)
    );
    assert!(
        stdout(&doctor).contains("fix: relhook install (makes it executable)"),
        "{}",
        text(&doctor)
    );
    ok(repo.relhook(&["install"]));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
}

#[test]
fn doctors_fix_for_a_rewritten_hook_beside_relhooks_backup_works() {
    for keep in ["backup", "new"] {
        let repo = Repo::new();
        let hook = repo.hooks_dir().join("commit-msg");
        let backup = repo.hooks_dir().join("commit-msg.relhook-orig");
        std::fs::write(&hook, "#!/bin/sh\necho FIRST >&2\n").unwrap();
        chmod(&hook, 0o755);
        ok(repo.relhook(&["install"]));
        // Another tool rewrites the hook.
        std::fs::write(&hook, "#!/bin/sh\necho SECOND >&2\n").unwrap();
        chmod(&hook, 0o755);

        let doctor = repo.relhook(&["doctor"]);
        assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
        let said = stdout(&doctor);
        assert!(
            !said.contains("keeps it as"),
            "install would refuse: {said}"
        );
        let fix = said
            .lines()
            .find(|l| l.contains("fix:") && l.contains("commit-msg"))
            .unwrap_or_else(|| panic!("{said}"));
        assert!(
            fix.contains(&hook.display().to_string())
                && fix.contains(&backup.display().to_string()),
            "names both files: {fix}"
        );
        assert!(fix.contains("then relhook install"), "{fix}");

        // Either way doctor offers, install then succeeds and nothing kept is lost.
        let expected = if keep == "backup" {
            std::fs::remove_file(&hook).unwrap();
            "FIRST"
        } else {
            std::fs::rename(&backup, repo.scratch("away").join("commit-msg")).unwrap();
            "SECOND"
        };
        let install = repo.relhook(&["install"]);
        assert_eq!(install.status.code(), Some(0), "{}", text(&install));
        let doctor = repo.relhook(&["doctor"]);
        assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
        let bad = repo.try_commit("bad message");
        assert!(!bad.status.success(), "{}", text(&bad));
        assert!(stderr(&bad).contains(expected), "{keep}: {}", text(&bad));
    }
}
