//! Found by QA in round 23, in how relhook talks to git: `GIT_DIR`/`GIT_WORK_TREE` given
//! relative to a subdirectory, resolved against the wrong folder by relhook and by the `git`
//! it starts.

use std::process::Output;

use crate::support::{Repo, ok, relhook_bin, stderr, text};

/// How the repository is named to git while working in `d/e`, two levels below the top.
#[derive(Clone, Copy, Debug)]
enum Naming {
    /// `export GIT_DIR=../../.git GIT_WORK_TREE=../..`.
    RelativeEnv,
    /// `export GIT_DIR=<abs>/.git GIT_WORK_TREE=<abs>`.
    AbsoluteEnv,
    /// `git --git-dir=../../.git --work-tree=../.. …` (git exports both to its hooks).
    Flags,
}

/// A repository with relhook installed, `origin` beside it, and a tracked file in `d/e`.
fn repo_with_a_subdir() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write("d/e/a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo
}

/// Runs `program ARGS` in `d/e` with the repository named as `naming` says.
fn run_in_subdir(repo: &Repo, naming: Naming, program: &str, args: &[&str]) -> Output {
    let sub = repo.path().join("d/e");
    let top = repo.path();
    let is_git = program == "git";
    let mut cmd = if is_git {
        repo.command_in("git", &sub)
    } else {
        repo.command_in(relhook_bin(), &sub)
    };
    cmd.env("RELHOOK_DATE", "2026-11-21");
    match naming {
        Naming::RelativeEnv => {
            cmd.env("GIT_DIR", "../../.git")
                .env("GIT_WORK_TREE", "../..");
        }
        Naming::AbsoluteEnv => {
            cmd.env("GIT_DIR", top.join(".git"))
                .env("GIT_WORK_TREE", &top);
        }
        Naming::Flags if is_git => {
            cmd.args(["--git-dir=../../.git", "--work-tree=../.."]);
        }
        // relhook has no such flags: it runs in the subdirectory as it is.
        Naming::Flags => {}
    }
    cmd.args(args).output().expect("run")
}

/// Commit, doctor, release, hand tag and push, all from `d/e` with the repository named as
/// `naming` says: each works as it does from the top.
fn everything_works_from_the_subdir(naming: Naming) {
    let repo = repo_with_a_subdir();
    let run = |program: &str, args: &[&str]| run_in_subdir(&repo, naming, program, args);

    std::fs::write(repo.path().join("d/e/b"), "b\n").unwrap();
    ok(run("git", &["add", "b"]));
    let out = run("git", &["commit", "-q", "-m", "feat: b"]);
    assert!(out.status.success(), "{naming:?}: {}", text(&out));
    assert!(stderr(&out).contains("- b"), "{naming:?}: {}", text(&out));
    assert!(repo.git(&["show", "HEAD:CHANGELOG.md"]).contains("- b"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    let out = run("relhook", &["doctor"]);
    assert!(out.status.success(), "{naming:?}: {}", text(&out));
    assert!(
        !text(&out).contains("MISSING"),
        "{naming:?}: {}",
        text(&out)
    );

    let out = run("relhook", &["release"]);
    assert!(out.status.success(), "{naming:?}: {}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    std::fs::write(repo.path().join("d/e/c"), "c\n").unwrap();
    ok(run("git", &["add", "c"]));
    ok(run("git", &["commit", "-q", "-m", "fix: c"]));
    let out = run("git", &["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
    assert!(out.status.success(), "{naming:?}: {}", text(&out));
    assert!(
        repo.git(&["show", "v0.1.1:CHANGELOG.md"])
            .contains("## [0.1.1]"),
        "{naming:?}: {}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    let out = run("git", &["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{naming:?}: {}", text(&out));
    let remote_tags = repo.git(&["ls-remote", "--tags", "origin"]);
    assert!(remote_tags.contains("refs/tags/v0.1.1"), "{remote_tags}");
    assert!(!repo.path().join(".gitignore").exists());
}

/// QA 23.5: `export GIT_DIR=../../.git GIT_WORK_TREE=../..` in `d/e`. `relhook release`
/// failed at its tag (the `git` it started ran at the top with the relative GIT_DIR), doctor
/// called the merge driver missing, and a hand tag and a push were refused as "dirty" (git
/// hands `GIT_WORK_TREE=../..` unchanged to hooks it runs at the top).
#[test]
fn relative_git_dir_and_work_tree_from_a_subdirectory() {
    everything_works_from_the_subdir(Naming::RelativeEnv);
}

/// The same with absolute paths exported.
#[test]
fn absolute_git_dir_and_work_tree_from_a_subdirectory() {
    everything_works_from_the_subdir(Naming::AbsoluteEnv);
}

/// The same with `git --git-dir=../../.git --work-tree=../..`.
#[test]
fn git_dir_and_work_tree_flags_from_a_subdirectory() {
    everything_works_from_the_subdir(Naming::Flags);
}
