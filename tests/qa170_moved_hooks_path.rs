//! Found by QA: with a global core.hooksPath, install advises `git config core.hooksPath
//! /abs/.git/hooks`. Once the repository moves, that setting names a folder that is gone: git
//! ran no hook and said nothing, doctor named `relhook install`, which created the old folder
//! outside the repository. Now doctor and install name the setting that points back at this
//! repository's own hooks folder, and nothing is created outside it.

use std::path::{Path, PathBuf};

use crate::support::{Repo, ok, stderr, stdout, text};

/// The command between backticks in `said` that starts with `start`.
fn command(said: &str, start: &str) -> String {
    let at = said
        .find(&format!("`{start}"))
        .unwrap_or_else(|| panic!("no `{start}…` in:\n{said}"));
    let rest = &said[at + 1..];
    rest[..rest.find('`').unwrap()].to_owned()
}

/// Installed as install advises under a global core.hooksPath while the repository was at
/// `before`, then moved to its own path: returns where it was.
fn moved_after_following_the_advice(repo: &Repo) -> PathBuf {
    repo.commit("chore: start");
    let global = repo.scratch("global-hooks");
    repo.git(&[
        "config",
        "--global",
        "core.hooksPath",
        global.to_str().unwrap(),
    ]);
    let before = repo.dir.path().join("before");
    std::fs::rename(repo.path(), &before).unwrap();
    let refused = repo.relhook_in(&before, &["install"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    let advice = command(&stderr(&refused), "git config core.hooksPath");
    let set = repo
        .command_in("sh", &before)
        .args(["-c", &advice])
        .output()
        .unwrap();
    assert!(set.status.success(), "{advice}: {}", text(&set));
    ok(repo.relhook_in(&before, &["install"]));
    std::fs::rename(&before, repo.path()).unwrap();
    before
}

fn assert_refused_header(repo: &Repo) {
    let out = repo.try_commit("not conventional");
    assert!(
        !out.status.success(),
        "the hooks ran no lint:\n{}",
        text(&out)
    );
}

#[test]
fn doctor_points_the_moved_setting_back_at_this_repository() {
    let repo = Repo::new();
    let before = moved_after_following_the_advice(&repo);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(said.contains("does not exist"), "{said}");
    assert!(!said.contains("fix: relhook install"), "{said}");
    let fix = command(&said, "git config core.hooksPath");
    let own = repo.path().join(".git/hooks");
    assert_eq!(
        fix,
        format!("git config core.hooksPath {}", own.display()),
        "{said}"
    );
    ok(repo.sh(&fix));
    let healthy = repo.relhook(&["doctor"]);
    assert!(healthy.status.success(), "{}", text(&healthy));
    assert!(
        !before.exists(),
        "a folder was created where the repository was"
    );
    assert_refused_header(&repo);
}

#[test]
fn install_refuses_to_create_the_old_folder() {
    let repo = Repo::new();
    let before = moved_after_following_the_advice(&repo);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = stderr(&out);
    assert_eq!(said.trim_end().lines().count(), 1, "{said}");
    assert!(!before.exists(), "install created {}", before.display());
    ok(repo.sh(&command(&said, "git config core.hooksPath")));
    assert_refused_header(&repo);
}

/// A copy keeps the original's setting: git ran the other repository's hooks, and install
/// would have written into it.
#[test]
fn another_repositorys_hooks_folder_is_named_and_left_alone() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let other = repo.scratch("other");
    repo.git(&["init", "-q", other.to_str().unwrap()]);
    let theirs: &Path = &other.join(".git/hooks");
    repo.git(&["config", "core.hooksPath", theirs.to_str().unwrap()]);
    let listing = |d: &Path| std::fs::read_dir(d).unwrap().count();
    let held = listing(theirs);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("another repository"),
        "{}",
        text(&out)
    );
    assert_eq!(
        listing(theirs),
        held,
        "install wrote into the other repository"
    );
    let doctor = repo.relhook(&["doctor"]);
    let said = stdout(&doctor);
    assert!(said.contains("another repository"), "{said}");
    let fix = command(&said, "git config core.hooksPath");
    ok(repo.sh(&fix));
    ok(repo.relhook(&["install"]));
    assert_refused_header(&repo);
}
