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
        "git add -A :/.githooks",
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

/// QA 22.2: husky set `core.hooksPath = .husky/_`; this developer opted out of the team's husky
/// hooks with a local `git config core.hooksPath .git/hooks`. install still edited `.husky/`
/// (the team's tracked files), which git does not even run here. It installs where git runs
/// hooks now, `.git/hooks`, leaves `.husky/` byte for byte, and a commit runs relhook's hooks.
#[test]
fn install_follows_a_local_hooks_path_over_husky() {
    let repo = Repo::new();
    repo.write(".husky/pre-commit", "npm test\n");
    repo.write(
        ".husky/commit-msg",
        "npx --no -- commitlint --edit \"$1\"\n",
    );
    repo.write(".husky/_/.gitignore", "*\n");
    repo.write(".husky/_/h", "#!/usr/bin/env sh\nexit 0\n");
    repo.write("a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".husky/_"]);
    repo.git(&["config", "core.hooksPath", ".git/hooks"]);
    let origin = repo.git(&["config", "--show-origin", "--get", "core.hooksPath"]);
    assert!(origin.ends_with(".git/hooks"), "{origin}");
    let husky = listing(&repo.path().join(".husky"));

    let out = ok(repo.relhook(&["install"]));
    let said = stdout(&out);
    assert!(!said.contains("husky runs the hooks here"), "{said}");
    assert!(
        said.contains("installed commit-msg in .git/hooks"),
        "{said}"
    );
    assert!(!said.contains("--force"), "{said}");
    assert_eq!(listing(&repo.path().join(".husky")), husky, "{said}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    let refused = repo.try_commit("not conventional");
    assert!(
        !refused.status.success(),
        "commit-msg ran: {}",
        text(&refused)
    );
    repo.commit_hooked("fix: a change");
    assert_eq!(listing(&repo.path().join(".husky")), husky);
    let doctor = repo.relhook(&["doctor"]);
    let said = stdout(&doctor);
    assert!(said.contains("ok  hook commit-msg: installed"), "{said}");
    assert!(!said.contains(".husky/commit-msg"), "{said}");
}

/// QA 22.3: `core.hooksPath = hooks-local`, a directory the main worktree ignores: git finds a
/// relative hooks path from each worktree's own top, so a linked worktree has no such
/// directory and runs no hook at all. install says so in one line, with the absolute setting
/// that fixes it, and doctor says the same; with that setting the linked worktree's commits
/// meet relhook's hooks.
#[test]
fn a_relative_hooks_path_linked_worktrees_cannot_find_is_named() {
    let repo = Repo::new();
    repo.write(".gitignore", "/hooks-local/\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", "hooks-local"]);
    let out = ok(repo.relhook(&["install"]));
    let said = stdout(&out);
    let abs = repo.path().join("hooks-local");
    let fix = format!("`git config core.hooksPath {}`", abs.display());
    let warned: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("linked worktree"))
        .collect();
    assert_eq!(warned.len(), 1, "{said}");
    assert!(warned[0].starts_with("warning: "), "{}", warned[0]);
    assert!(warned[0].contains("no hooks"), "{}", warned[0]);
    assert!(warned[0].contains(&fix), "{fix}: {}", warned[0]);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("linked worktree") && doctor.contains(&fix),
        "{doctor}"
    );

    // What it warns of: a linked worktree runs no hook.
    let wt = repo.dir.path().join("wt");
    repo.git(&["worktree", "add", "-q", "-b", "side", wt.to_str().unwrap()]);
    let unchecked = repo.try_commit_in(&wt, "not conventional");
    assert!(unchecked.status.success(), "{}", text(&unchecked));

    // The fix it names.
    repo.git(&["config", "core.hooksPath", abs.to_str().unwrap()]);
    let refused = repo.try_commit_in(&wt, "not conventional either");
    assert!(!refused.status.success(), "{}", text(&refused));
    let again = stdout(&ok(repo.relhook(&["install"])));
    assert!(!again.contains("linked worktree"), "{again}");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("linked worktree"), "{doctor}");
}

/// QA 22.3, the advice: a hand tag made in a linked worktree off the release branch was told
/// to `git switch main` and tag there, which git refuses while main is checked out in the main
/// worktree ("already used by worktree at ..."). It names `cd` to that worktree instead.
#[test]
fn advice_to_switch_to_a_branch_another_worktree_holds_names_that_worktree() {
    let repo = crate::support::configured_with_a_feature(|_| String::new());
    let wt = repo.dir.path().join("wt");
    repo.git(&["worktree", "add", "-q", "-b", "topic", wt.to_str().unwrap()]);
    let tagged = repo
        .command_in("git", &wt)
        .env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.1.0", "-m", "x"])
        .output()
        .unwrap();
    assert!(!tagged.status.success(), "{}", text(&tagged));
    let err = stderr(&tagged);
    let cd = format!("`cd {}` and tag there", repo.path().display());
    assert!(err.contains(&cd), "{cd}: {err}");
    assert!(!err.contains("git switch main"), "{err}");
    // Where main is no worktree's, switching is the way, as before.
    repo.git(&["switch", "-q", "--detach"]);
    let tagged = repo
        .command_in("git", &wt)
        .env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.1.0", "-m", "x"])
        .output()
        .unwrap();
    assert!(
        stderr(&tagged).contains("`git switch main` and tag there"),
        "{}",
        text(&tagged)
    );
}
