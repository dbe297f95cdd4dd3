//! QA47: in a linked worktree git hands commit-msg the message file's ABSOLUTE path (it reads
//! the `.git` file's `gitdir:`, relative or not, as a real path), and pre-commit's hook-impl
//! filters that string as given. relhook judged `files:` and `exclude:` against the path made
//! relative to the work tree's top (`../main/.git/worktrees/wt/COMMIT_EDITMSG`): with
//! `exclude: ^/` pre-commit skipped relhook while doctor said ok, and with `exclude: ^\.\./`
//! doctor warned of an entry pre-commit runs.

use std::path::{Path, PathBuf};

use crate::support::{Repo, make_executable, stdout};

/// A `repo: local` entry `x` calling relhook for commit-msg, with `exclude` at the top.
fn config(exclude: &str) -> String {
    format!(
        "exclude: {exclude}\nrepos:\n  - repo: local\n    hooks:\n      - id: x\n        name: x\n        language: system\n        entry: relhook hook commit-msg\n        verbose: true\n"
    )
}

/// `config` committed, and a linked worktree `wt` beside the repository; with `relative`, its
/// `.git` file names the git dir by a relative path, as `worktree.useRelativePaths` writes it.
fn linked(config: &str, relative: bool) -> (Repo, PathBuf) {
    let repo = Repo::new();
    repo.write(".pre-commit-config.yaml", config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let wt = repo.dir.path().join("wt");
    repo.git(&["worktree", "add", "-q", wt.to_str().unwrap()]);
    if relative {
        std::fs::write(wt.join(".git"), "gitdir: ../repo/.git/worktrees/wt\n").unwrap();
    }
    (repo, wt)
}

/// The file git hands commit-msg for a commit in `wt`, as a hook there records it.
fn handed(repo: &Repo, wt: &Path) -> String {
    let hooks = repo.scratch("record");
    let record = hooks.join("arg");
    let hook = hooks.join("commit-msg");
    std::fs::write(
        &hook,
        format!("#!/bin/sh\nprintf %s \"$1\" > '{}'\n", record.display()),
    )
    .unwrap();
    make_executable(&hook);
    let path = format!("core.hooksPath={}", hooks.display());
    let out = repo.git_in(
        wt,
        &[
            "-c",
            &path,
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "chore: probe",
        ],
        &[],
    );
    assert!(out.status.success(), "{out:?}");
    std::fs::read_to_string(record).unwrap()
}

fn idle_rows(out: &std::process::Output) -> Vec<String> {
    stdout(out)
        .lines()
        .filter(|l| l.contains("does not run relhook"))
        .map(str::to_owned)
        .collect()
}

fn an_absolute_message_file_is_judged_as_git_hands_it(relative: bool) {
    let (repo, wt) = linked(&config("^/"), relative);
    let file = handed(&repo, &wt);
    assert!(file.starts_with('/'), "{file}");
    assert!(idle_rows(&repo.relhook(&["doctor"])).is_empty());
    let there = repo.relhook_in(&wt, &["doctor"]);
    assert_eq!(
        idle_rows(&there),
        [format!(
            " WARNING  pre-commit: .pre-commit-config.yaml's entry `x` (lines 5-9) does not run relhook for commit-msg: the top-level `exclude: ^/` leaves out {file}, the file pre-commit passes it, and it has no `always_run: true`; relhook's own shim runs commit-msg"
        )],
        "{}",
        stdout(&there)
    );
}

fn a_filter_for_a_relative_path_leaves_the_linked_worktree_alone(relative: bool) {
    let (repo, wt) = linked(&config("^\\.\\./"), relative);
    let there = repo.relhook_in(&wt, &["doctor"]);
    assert!(idle_rows(&there).is_empty(), "{}", stdout(&there));
}

#[test]
fn an_absolute_gitdir_worktrees_message_file_is_judged_absolute() {
    an_absolute_message_file_is_judged_as_git_hands_it(false);
}

#[test]
fn a_relative_gitdir_worktrees_message_file_is_judged_absolute_too() {
    an_absolute_message_file_is_judged_as_git_hands_it(true);
}

#[test]
fn an_exclude_of_parent_paths_is_no_warning_in_an_absolute_gitdir_worktree() {
    a_filter_for_a_relative_path_leaves_the_linked_worktree_alone(false);
}

#[test]
fn an_exclude_of_parent_paths_is_no_warning_in_a_relative_gitdir_worktree() {
    a_filter_for_a_relative_path_leaves_the_linked_worktree_alone(true);
}
