//! QA292: the release a refused dry run advises is a dry run too. `relhook release --dry-run`
//! refused (a crate with no version, a version not above the last) named `relhook release
//! 0.2.0` to run "again", or `relhook release` to "let relhook choose": pasted, they made the
//! release the dry run was there to look at first.

use std::process::Output;

use crate::support::{Repo, stderr, text};

fn relhook(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-02-01").args(args);
    cmd.output().unwrap()
}

fn imported(files: &[(&str, &str)]) -> Repo {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- the start\n",
    );
    for (path, body) in files {
        repo.write(path, body);
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat: the start"]);
    repo
}

/// The text between the backquotes after `after` in `err`.
fn quoted_after(err: &str, after: &str) -> String {
    let at = err
        .find(after)
        .unwrap_or_else(|| panic!("no {after:?} in:\n{err}"));
    let rest = &err[at + after.len()..];
    rest[..rest.find('`').unwrap()].to_owned()
}

#[test]
fn a_versionless_crates_advice_reruns_the_dry_run() {
    let manifest = "[package]\nname = \"x\"\nedition = \"2021\"\n";
    let repo = imported(&[("Cargo.toml", manifest), ("src/lib.rs", "\n")]);
    let out = relhook(&repo, &["release", "0.2.0", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let again = quoted_after(&err, "then run `");
    assert_eq!(again, "relhook release 0.2.0 --dry-run", "{err}");
    // Done as it says, the dry run shows the plan and makes nothing.
    repo.write(
        "Cargo.toml",
        manifest.replace("name = \"x\"\n", "name = \"x\"\nversion = \"0.2.0\"\n"),
    );
    repo.git(&["commit", "-q", "--no-verify", "-am", "chore: version"]);
    let out = repo.sh(&again);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "");
}

#[test]
fn a_dry_run_below_the_last_release_names_dry_runs() {
    let repo = imported(&[]);
    let out = relhook(&repo, &["release", "0.1.0", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit("feat: more");
    let out = relhook(&repo, &["release", "0.0.5", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let choose = quoted_after(&err, "let relhook choose: `");
    assert_eq!(choose, "relhook release --dry-run", "{err}");
    let out = repo.sh(&choose);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
}

/// A release killed midway (before its commit) is left for a command that writes: the dry
/// run after it named that command, then "a dry run" without saying which.
#[test]
fn a_dry_run_after_a_killed_release_names_itself_to_run_again() {
    let repo = imported(&[]);
    repo.relhook_killed_at("files-written", &["release", "0.2.0", "--no-test"]);
    let out = relhook(&repo, &["release", "0.3.0", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let first = quoted_after(&err, "a dry run writes nothing: `");
    let then = quoted_after(&err, "sees to it (as a release does first), then `");
    assert_eq!(then, "relhook release 0.3.0 --no-test --dry-run", "{err}");
    for line in [first, then] {
        let out = repo.sh(&line);
        assert!(out.status.success(), "{line}: {}", text(&out));
    }
    assert_eq!(repo.git(&["tag"]), "");
}
