//! QA50: a commit made before the repository had any `.relconfig.toml`, with relhook's hooks
//! on, got its entry in the root CHANGELOG.md (no packages then). Once a package table for its
//! folder was added, it was read with today's configuration: doctor said the package lacked
//! its entry, `--sync --package c` copied it there (both releases shipped it) and the root's
//! `--rebuild` left it out while the root's release shipped it. Now an entry already in the
//! root changelog stays there: such a commit is the root's, for every command.

use crate::support::{Repo, ok, stderr, stdout, text};

/// Hooks on, no `.relconfig.toml`: `feat: early c work` in packages/c (its entry in the root
/// CHANGELOG.md), then `[packages.c]` committed.
fn early_package_work() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.write("packages/c/x", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: early c work"]);
    assert!(repo.read("CHANGELOG.md").contains("- early c work"));
    repo.write(".relconfig.toml", "[packages.c]\npath = \"packages/c\"\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: c is a package"]);
    assert!(repo.is_clean());
    repo
}

#[test]
fn an_entry_post_commit_put_in_the_root_changelog_before_any_configuration_stays_there() {
    let repo = early_package_work();
    let report = stdout(&repo.relhook(&["doctor"]));
    assert!(!report.contains("changelog of package c"), "{report}");
    let out = ok(repo.relhook(&["changelog", "--sync", "--all"]));
    assert!(
        !repo.path().join("packages/c/CHANGELOG.md").exists(),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", text(&out));
    let out = ok(repo.relhook(&["changelog", "--sync", "--package", "c"]));
    assert!(
        !repo.path().join("packages/c/CHANGELOG.md").exists(),
        "{}",
        text(&out)
    );
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--package", "c", "--stdout"]));
    assert!(!stdout(&out).contains("early c work"), "{}", text(&out));
    // The root's rebuild keeps the entry its release ships.
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert!(stdout(&out).contains("- early c work"), "{}", text(&out));
    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    assert!(
        stdout(&out).contains("feat: early c work"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["version", "--package", "c", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing to release"),
        "{}",
        text(&out)
    );
    let out = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    assert!(text(&out).contains("- early c work"), "{}", text(&out));
}

#[test]
fn a_commit_from_before_relhook_without_an_entry_is_still_read_with_today_s_packages() {
    // Adopting relhook: the early commit has no entry anywhere, so it is c's.
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.write("packages/c/x", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: early c work"]);
    repo.write(".relconfig.toml", "[packages.c]\npath = \"packages/c\"\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: c is a package"]);
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--package", "c", "--stdout"]));
    assert!(stdout(&out).contains("- early c work"), "{}", text(&out));
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert!(!stdout(&out).contains("early c work"), "{}", text(&out));
}
