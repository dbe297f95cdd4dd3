//! QA52 (7): a dangling `.relconfig.toml` link was said "a symbolic link to a file that does
//! not exist" without where it led; a link to a directory was "cannot read the configuration
//! …: it is a directory", not said as a link; a link to `.git/config` was advised to be
//! copied in, git's settings as relhook's. Each now names where the link leads, and the fix,
//! pasted, works.

#![cfg(unix)]

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// The refusal of `relhook lint`, exit 2, and the `rm` its fix names.
fn refused(repo: &Repo, said: &str) -> String {
    let out = repo.relhook(&["lint", "--message", "fix: x"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(said), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err.split('`')
        .find(|w| w.starts_with("rm "))
        .unwrap_or_else(|| panic!("no command: {err}"))
        .to_owned()
}

#[test]
fn a_dangling_config_link_names_its_target() {
    let repo = installed_repo();
    std::os::unix::fs::symlink("nowhere.toml", repo.path().join(".relconfig.toml")).unwrap();
    let fix = refused(
        &repo,
        ".relconfig.toml`: it is a symbolic link to `nowhere.toml`, a file that does not exist; point the link at the configuration file, or remove it (`rm ",
    );
    ok(repo.sh(&fix));
    ok(repo.relhook(&["lint", "--message", "fix: x"]));
}

#[test]
fn a_config_link_to_a_directory_is_said_as_a_link() {
    let repo = installed_repo();
    std::fs::create_dir(repo.path().join("conf")).unwrap();
    std::os::unix::fs::symlink("conf", repo.path().join(".relconfig.toml")).unwrap();
    let fix = refused(
        &repo,
        ".relconfig.toml`: it is a symbolic link to `conf`, a directory; ",
    );
    ok(repo.sh(&fix));
    assert!(repo.path().join("conf").is_dir(), "the folder is kept");
    ok(repo.relhook(&["lint", "--message", "fix: x"]));
}

#[test]
fn a_config_link_to_git_s_config_is_not_advised_a_copy() {
    let repo = installed_repo();
    std::os::unix::fs::symlink(".git/config", repo.path().join(".relconfig.toml")).unwrap();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let fix = said
        .lines()
        .filter_map(|l| l.trim().strip_prefix("fix: "))
        .find(|f| f.contains("relconfig"))
        .unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(!fix.contains("cp "), "{fix}");
    assert!(
        fix.starts_with("as that file is not a relhook configuration, remove the link (`rm "),
        "{fix}"
    );
    let rm = fix.split('`').nth(1).unwrap();
    ok(repo.sh(rm));
    let out = ok(repo.relhook(&["doctor"]));
    assert!(!stdout(&out).contains("INVALID"), "{}", text(&out));
    assert!(repo.path().join(".git/config").is_file());
}
