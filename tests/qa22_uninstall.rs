//! uninstall where relhook's hooks are not this clone's alone: relhook's calls in a hook
//! manager's files the team committed (husky's `.husky/<hook>`, lefthook's `lefthook.yml`),
//! and a hooks directory the global git config makes every repository's on this machine.

use std::path::PathBuf;

use crate::support::{Repo, listing, ok, pending, stderr, stdout, text};

/// The one line uninstall refused with; nothing on standard output.
fn refused(repo: &Repo, args: &[&str]) -> String {
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(stdout(&out), "", "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

/// A directory's files, bytes and modes (see [`listing`]).
type Listing = Vec<(String, Vec<u8>, u32)>;

/// Everything uninstall may change: the work tree's files (without `.git`) and the hooks git
/// runs in this clone.
fn snapshot(repo: &Repo) -> (Listing, Listing, String) {
    let tree: Listing = listing(&repo.path())
        .into_iter()
        .filter(|(name, ..)| !name.starts_with(".git/") && name != ".git")
        .collect();
    let config = repo.read(".git/config");
    (tree, listing(&repo.hooks_dir()), config)
}

/// husky 9's layout, committed: the team's commit-msg, husky's runner directory (ignored).
fn husky_repo() -> Repo {
    let repo = Repo::new();
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
    repo
}

/// lefthook's configuration, committed.
const LEFTHOOK: &str = "pre-commit:\n  commands:\n    lint:\n      run: echo lint\n";

fn lefthook_repo() -> Repo {
    let repo = Repo::new();
    repo.write("lefthook.yml", LEFTHOOK);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo
}

/// The note `--shared` printed about the team's files.
fn shared_note(out: &std::process::Output) -> String {
    let said = stdout(out);
    let notes: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("this repository tracks"))
        .collect();
    assert_eq!(notes.len(), 1, "{said}");
    notes[0].to_owned()
}

/// husky's `.husky/<hook>` files, with relhook's calls committed by the team: plain uninstall
/// took the calls out of the team's files silently (a dirty tree that, committed, removes
/// relhook for everyone). It refuses in one line naming both ways, and changes nothing;
/// `--shared` takes them out, gives the team's commit-msg back as it was, and names the files
/// to commit.
#[test]
fn uninstall_refuses_to_change_huskys_committed_files_without_shared() {
    let repo = husky_repo();
    let team = repo.read(".husky/commit-msg");
    let said = stdout(&ok(repo.relhook(&["install"])));
    assert!(said.contains("husky runs the hooks here"), "{said}");
    assert!(said.contains("commit these files"), "{said}");
    assert!(repo.read(".husky/commit-msg").contains("relhook hook"));
    repo.git(&["add", ".husky"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: relhook in husky"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let before = snapshot(&repo);

    let err = refused(&repo, &["uninstall"]);
    for said in [
        "not uninstalled",
        ".husky/commit-msg",
        ".husky/pre-push",
        "this repository tracks",
        "team",
        "RELHOOK_SKIP=1",
        "`relhook uninstall --shared`",
        "commit",
    ] {
        assert!(err.contains(said), "{said}: {err}");
    }
    assert!(snapshot(&repo) == before, "nothing changed: {err}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    let out = ok(repo.relhook(&["uninstall", "--shared"]));
    let note = shared_note(&out);
    for file in [".husky/commit-msg", ".husky/post-commit", "git add -A"] {
        assert!(note.contains(file), "{file}: {note}");
    }
    assert_eq!(repo.read(".husky/commit-msg"), team);
    assert!(!repo.path().join(".husky/post-commit").exists());
    repo.git(&["add", "-A", ".husky"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: drop relhook from husky"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// The same for lefthook: relhook's sections in the committed lefthook.yml are the team's.
#[test]
fn uninstall_refuses_to_change_lefthooks_committed_config_without_shared() {
    let repo = lefthook_repo();
    pending(repo.relhook(&["install"]));
    assert!(repo.read("lefthook.yml").contains("relhook hook"));
    repo.git(&["add", "lefthook.yml"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: relhook in lefthook"]));
    let before = snapshot(&repo);

    let err = refused(&repo, &["uninstall"]);
    for said in [
        "not uninstalled",
        "lefthook.yml",
        "this repository tracks",
        "`relhook uninstall --shared`",
        "RELHOOK_SKIP=1",
        "lefthook-local.yml",
    ] {
        assert!(err.contains(said), "{said}: {err}");
    }
    assert!(snapshot(&repo) == before, "nothing changed: {err}");

    let out = ok(repo.relhook(&["uninstall", "--shared"]));
    let note = shared_note(&out);
    assert!(note.contains("lefthook.yml"), "{note}");
    assert_eq!(repo.read("lefthook.yml"), LEFTHOOK);
    assert_eq!(repo.git(&["status", "--short"]), " M lefthook.yml");
}

/// relhook's calls not committed yet are this clone's alone: plain uninstall takes them out,
/// as before, leaving the team's committed files as they were and the tree clean.
#[test]
fn uninstall_of_calls_not_committed_needs_no_flag() {
    let repo = lefthook_repo();
    pending(repo.relhook(&["install"]));
    let out = ok(repo.relhook(&["uninstall"]));
    assert!(
        stdout(&out).contains("removed relhook's calls from lefthook.yml"),
        "{}",
        text(&out)
    );
    assert!(!stdout(&out).contains("--shared"), "{}", text(&out));
    assert_eq!(repo.read("lefthook.yml"), LEFTHOOK);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    // Committed before relhook: the team's husky files, edited only in this clone.
    let repo = husky_repo();
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// A hooks directory named by `core.hooksPath` in the global git config is every repository's
/// on this machine: install writes there only with `--shared`, and uninstall took relhook's
/// hooks out of it silently, for every repository. It refuses in one line naming the setting,
/// this repository's own way and `--shared`, and changes nothing; with `--shared` it takes
/// them out and says every repository using that directory is affected.
#[test]
fn uninstall_from_a_machine_wide_hooks_directory_needs_shared() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let global: PathBuf = repo.scratch("global-hooks");
    std::fs::write(global.join("pre-push"), "#!/bin/sh\nexit 0\n").unwrap();
    crate::support::make_executable(&global.join("pre-push"));
    let value = global.to_str().unwrap();
    repo.git(&["config", "--global", "core.hooksPath", value]);
    let own_config = repo.read(".git/config");
    assert!(!own_config.contains("hooksPath"), "{own_config}");
    ok(repo.relhook(&["install", "--shared"]));
    assert!(global.join("commit-msg").is_file());
    let before = listing(&global);

    let err = refused(&repo, &["uninstall"]);
    for said in [
        "not uninstalled",
        "global git config",
        value,
        "every repository on this machine",
        "`git config core.hooksPath",
        "`relhook uninstall --shared`",
    ] {
        assert!(err.contains(said), "{said}: {err}");
    }
    assert_eq!(listing(&global), before, "nothing changed: {err}");

    // This repository's own way, as named: the machine's hooks stay for the others.
    let own = err
        .split("For this repository only: `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("{err}"));
    let set = repo.sh(own);
    assert!(set.status.success(), "{own}: {}", text(&set));
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(listing(&global), before, "still every repository's");
    let here = repo.try_commit("not conventional");
    assert!(here.status.success(), "{}", text(&here));
    repo.git(&["config", "--unset", "core.hooksPath"]);

    let out = ok(repo.relhook(&["uninstall", "--shared"]));
    let said = stdout(&out);
    let note: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("every repository"))
        .collect();
    assert_eq!(note.len(), 1, "{said}");
    assert!(note[0].contains(value), "{}", note[0]);
    assert!(!global.join("commit-msg").exists(), "{said}");
    assert_eq!(
        std::fs::read_to_string(global.join("pre-push")).unwrap(),
        "#!/bin/sh\nexit 0\n"
    );
    // Nothing of relhook's left: a second uninstall has nothing to refuse.
    let again = ok(repo.relhook(&["uninstall"]));
    assert!(stdout(&again).contains("nothing to do"), "{}", text(&again));
}

/// After `relhook install --force` wrote relhook's shims over husky's runners, a refused
/// uninstall named the committed calls only: the shims, this clone's, read as relhook's
/// leftovers. The refusal names them and the command that puts husky's runners back; once
/// that ran, it no longer does.
#[test]
fn refused_uninstall_names_the_shims_install_force_wrote_over_huskys_runners() {
    let repo = husky_repo();
    ok(repo.relhook(&["install"]));
    repo.git(&["add", ".husky"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: relhook in husky"]));
    ok(repo.relhook(&["install", "--force"]));
    let before = snapshot(&repo);

    let err = refused(&repo, &["uninstall"]);
    for said in [
        "not uninstalled",
        "`relhook install --force` wrote relhook's own shims over husky's runners",
        ".husky/_/commit-msg",
        ".husky/_/reference-transaction",
        "`relhook install` puts those back",
    ] {
        assert!(err.contains(said), "{said}: {err}");
    }
    assert!(snapshot(&repo) == before, "nothing changed: {err}");

    // Putting husky's runners back changes nothing the team tracks: no commit to ask for.
    let said = stdout(&ok(repo.relhook(&["install"])));
    assert!(said.contains("put husky's runner back"), "{said}");
    assert!(!said.contains("commit these files"), "{said}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let err = refused(&repo, &["uninstall"]);
    assert!(err.contains("`relhook uninstall --shared`"), "{err}");
    assert!(!err.contains("--force"), "{err}");
}
