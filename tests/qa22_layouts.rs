//! Found by QA in round 22 (real git, real layouts): uninstall of the team's committed hooks,
//! a clone that opted out of husky with its own `core.hooksPath`, and a relative
//! `core.hooksPath` that linked worktrees resolve from their own top.

use crate::support::{Repo, listing, ok, stderr, stdout, text};

/// A team's hooks directory, committed and named by `core.hooksPath`, with the team's own
/// pre-push in it; relhook's shims installed there with `--shared` and committed.
fn committed_shared_install() -> Repo {
    let repo = Repo::new();
    repo.write(".githooks/pre-push", "#!/bin/sh\nexit 0\n");
    crate::support::make_executable(&repo.path().join(".githooks/pre-push"));
    repo.write("a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    ok(repo.relhook(&["install", "--shared"]));
    repo.git(&["add", ".githooks"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: run relhook's hooks"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    repo
}

/// QA 22.1: `relhook uninstall` in a clone of a repository whose team committed relhook's
/// shims (`install --shared`) took them out of the tracked `.githooks` silently: a dirty tree
/// that, committed by accident, removes relhook for everyone. It refuses now in one line that
/// names this clone's way out and the team's, and changes nothing; `--shared` does it and
/// names the tracked files to commit; `.gitattributes` and `.relconfig.toml` are left alone.
#[test]
fn uninstall_refuses_to_change_the_teams_committed_hooks_without_shared() {
    let repo = committed_shared_install();
    repo.write(".relconfig.toml", "");
    repo.write(".gitattributes", "/CHANGELOG.md merge=relhook-changelog\n");
    repo.git(&["add", "."]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: config"]));
    let dir = repo.path().join(".githooks");
    let before = listing(&dir);

    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    for said in [
        "not uninstalled",
        ".githooks",
        "this repository tracks",
        "team",
        "`git config --unset core.hooksPath`",
        "`relhook uninstall --shared`",
        "commit",
    ] {
        assert!(err.contains(said), "{said}: {err}");
    }
    assert_eq!(listing(&dir), before, "nothing changed");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    let out = ok(repo.relhook(&["uninstall", "--shared"]));
    let said = stdout(&out);
    let note: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("this repository tracks"))
        .collect();
    assert_eq!(note.len(), 1, "{said}");
    for file in [
        ".githooks/commit-msg",
        ".githooks/pre-push",
        "git add -A .githooks",
    ] {
        assert!(note[0].contains(file), "{file}: {}", note[0]);
    }
    assert_eq!(repo.read(".githooks/pre-push"), "#!/bin/sh\nexit 0\n");
    assert!(!dir.join("commit-msg").exists());
    assert!(!dir.join("pre-push.relhook-orig").exists());
    assert_eq!(repo.read(".relconfig.toml"), "");
    assert_eq!(
        repo.read(".gitattributes"),
        "/CHANGELOG.md merge=relhook-changelog\n"
    );
    repo.git(&["add", "-A", ".githooks"]);
    let status = repo.git(&["status", "--short"]);
    assert!(status.contains("D  .githooks/commit-msg"), "{status}");
    ok(repo.git_output(&["commit", "-q", "-m", "chore: drop relhook's hooks"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// Not committed yet, the shims are this clone's alone: plain uninstall takes them back, as
/// before, and leaves the tree clean.
#[test]
fn uninstall_of_an_uncommitted_shared_install_needs_no_flag() {
    let repo = Repo::new();
    repo.write(".githooks/pre-push", "#!/bin/sh\nexit 0\n");
    crate::support::make_executable(&repo.path().join(".githooks/pre-push"));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    let before = listing(&repo.path().join(".githooks"));
    ok(repo.relhook(&["install", "--shared"]));
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(listing(&repo.path().join(".githooks")), before);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
