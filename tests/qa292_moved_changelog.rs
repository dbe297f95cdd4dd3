//! QA292: a repository that became a monorepo by moving its changelog into a package (`git
//! mv CHANGELOG.md packages/a/CHANGELOG.md` and a `[packages.a]` table) after the root was
//! released as `v0.1.0`. The package's first release was refused as "released as tag v0.1.0",
//! with the fix `tag = "v{version}"` in [packages.a], which the configuration refuses (the
//! root's own prefix); doctor said nothing. Both now name the hand tag that marks the root's
//! release as the package's last, and the release goes ahead once it is made.

use std::process::Output;

use crate::support::{Repo, stderr, text};

fn relhook(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-02-01").args(args);
    cmd.output().unwrap()
}

/// Released once as the single project, then its changelog moved into package `a`, and a
/// feature of `a` committed through post-commit.
fn moved() -> Repo {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- the start\n",
    );
    repo.write("x.txt", "x\n");
    repo.hooks(&["post-commit"]);
    repo.git(&["add", "-A"]);
    repo.git_env(
        &["commit", "-q", "-m", "chore: import"],
        &[("RELHOOK_SKIP", "1")],
    );
    let out = relhook(&repo, &["release", "0.1.0", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    std::fs::create_dir_all(repo.path().join("packages/a")).unwrap();
    repo.git(&["mv", "CHANGELOG.md", "packages/a/CHANGELOG.md"]);
    repo.write(".relconfig.toml", "[packages.a]\npath = \"packages/a\"\n");
    repo.write(
        ".gitattributes",
        "packages/a/CHANGELOG.md merge=relhook-changelog\n",
    );
    repo.git(&["add", "-A"]);
    repo.git_env(
        &["commit", "-q", "-m", "chore: become a monorepo"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo.write("packages/a/y.txt", "y\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(a): add y"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.read("packages/a/CHANGELOG.md")
            .contains("- **a:** add y"),
        "{}",
        text(&out)
    );
    repo
}

/// The command in backquotes of `line` that makes the hand tag.
fn hand_tag_in(line: &str) -> String {
    let at = line
        .find("`RELHOOK_SKIP=1 git tag")
        .expect("a hand tag named");
    let rest = &line[at + 1..];
    rest[..rest.find('`').unwrap()].to_owned()
}

#[test]
fn a_changelog_moved_into_a_package_names_the_tag_that_marks_its_release() {
    let repo = moved();
    let out = relhook(&repo, &["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let refused: Vec<&str> = err.lines().filter(|l| l.contains("refused")).collect();
    assert_eq!(refused.len(), 1, "{err}");
    let line = refused[0];
    assert!(line.contains("v0.1.0") && !line.contains("tag = "), "{err}");
    let command = hand_tag_in(line);
    assert_eq!(
        command,
        "RELHOOK_SKIP=1 git tag -a a-v0.1.0 -m a-v0.1.0 v0.1.0^{}"
    );
    // doctor says the same, in one line with the same fix.
    let out = relhook(&repo, &["doctor"]);
    let said = stdout_and_err(&out);
    let rows: Vec<&str> = (said.lines())
        .filter(|l| l.contains("package a:") && l.contains("v0.1.0"))
        .collect();
    assert_eq!(rows.len(), 1, "{said}");
    assert!(said.contains(&command), "{said}");
    // Made as named, the package's release goes ahead from it.
    let made = repo.sh(&command);
    assert!(made.status.success(), "{}", text(&made));
    let out = relhook(&repo, &["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list", "a-v*"]), "a-v0.1.0\na-v0.1.1");
    let out = relhook(&repo, &["doctor"]);
    let said = stdout_and_err(&out);
    assert!(!said.contains(&command), "{said}");
}

fn stdout_and_err(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(out))
}
