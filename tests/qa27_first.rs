//! A new user's first ten minutes, round 27: what relhook prints must work when copy-pasted,
//! and each step leaves what a user expects behind.

use crate::support::{Repo, dated_release, installed_repo, stderr, text};

/// The command between "`" quotes that starts with `start` in `said`.
fn quoted(said: &str, start: &str) -> String {
    let from = said
        .find(&format!("`{start}"))
        .unwrap_or_else(|| panic!("no `{start}...` in: {said}"));
    let rest = &said[from + 1..];
    rest[..rest.find('`').unwrap()].to_owned()
}

/// Runs a `git rebase -i ...` relhook suggested, accepting the todo list as git wrote it.
fn run_suggested_rebase(repo: &Repo, command: &str) {
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    let out = repo.git_in(&repo.path(), &args, &[("GIT_SEQUENCE_EDITOR", "true")]);
    assert!(out.status.success(), "{command}: {}", text(&out));
}

/// A fixup whose target sits below another commit: the rebase relhook names must reach the
/// target, or `--autosquash` leaves the fixup where it is.
fn fixup_below_an_other_commit() -> Repo {
    let repo = installed_repo();
    repo.commit_hooked("feat: first feature");
    repo.commit_hooked("chore: tidy");
    repo.commit_hooked("fixup! feat: first feature");
    repo
}

#[test]
fn a_refused_hand_tag_names_a_rebase_that_squashes_the_fixup() {
    let repo = fixup_below_an_other_commit();
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "first"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let command = quoted(&stderr(&out), "git rebase -i --autosquash ");
    run_suggested_rebase(&repo, &command);
    let log = repo.git(&["log", "--format=%s"]);
    assert!(!log.contains("fixup!"), "{command} left the fixup: {log}");
}

#[test]
fn a_refused_release_names_a_rebase_that_squashes_the_fixup() {
    let repo = fixup_below_an_other_commit();
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let command = quoted(&stderr(&out), "git rebase -i --autosquash ");
    run_suggested_rebase(&repo, &command);
    let log = repo.git(&["log", "--format=%s"]);
    assert!(!log.contains("fixup!"), "{command} left the fixup: {log}");
}
