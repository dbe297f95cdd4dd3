//! QA47: pre-commit filters the commit message file by the path git hands commit-msg (as
//! given: see qa47_pre_commit_message_path). relhook judged `files:` and `exclude:` against
//! `.git/COMMIT_EDITMSG` everywhere, but in a linked worktree git hands the file in the
//! worktree's own git dir (`/path/to/main/.git/worktrees/wt/COMMIT_EDITMSG`): there
//! `exclude: ^\.git/` lets pre-commit run relhook while doctor said it never does, and
//! `files: ^\.git/` skips it unsaid.

use crate::support::{Repo, stdout};

/// A `repo: local` entry `x` calling relhook for commit-msg, under `top`.
fn config(top: &str, keys: &str) -> String {
    format!(
        "{top}repos:\n  - repo: local\n    hooks:\n      - id: x\n        name: x\n        language: system\n        entry: relhook hook commit-msg\n        verbose: true\n{keys}"
    )
}

/// `config` committed, and a linked worktree `wt` of the repository beside it.
fn linked(config: &str) -> (Repo, std::path::PathBuf) {
    let repo = Repo::new();
    repo.write(".pre-commit-config.yaml", config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let wt = repo.scratch("linked").join("wt");
    repo.git(&["worktree", "add", "-q", wt.to_str().unwrap()]);
    (repo, wt)
}

fn idle_rows(out: &std::process::Output) -> Vec<String> {
    stdout(out)
        .lines()
        .filter(|l| l.contains("does not run relhook"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_linked_worktrees_message_file_is_judged_by_its_own_path() {
    // pre-commit runs the entry in the linked worktree: its message file is not under `.git/`.
    let (repo, wt) = linked(&config("exclude: ^\\.git/\n", ""));
    let main = repo.relhook(&["doctor"]);
    assert_eq!(idle_rows(&main).len(), 1, "{}", stdout(&main));
    let there = repo.relhook_in(&wt, &["doctor"]);
    assert!(idle_rows(&there).is_empty(), "{}", stdout(&there));
}

#[test]
fn a_filter_that_leaves_out_a_linked_worktrees_message_file_is_named_with_it() {
    let (repo, wt) = linked(&config("", "        files: ^\\.git/\n"));
    assert!(idle_rows(&repo.relhook(&["doctor"])).is_empty());
    let there = repo.relhook_in(&wt, &["doctor"]);
    let rows = idle_rows(&there);
    let gitdir = repo.git(&["rev-parse", "--absolute-git-dir"]);
    let file = format!("{gitdir}/worktrees/wt/COMMIT_EDITMSG");
    assert_eq!(
        rows,
        [format!(
            " WARNING  pre-commit: .pre-commit-config.yaml's entry `x` (lines 4-9) does not run relhook for commit-msg: its `files: ^\\.git/` leaves out {file}, the file pre-commit passes it, and it has no `always_run: true`; relhook's own shim runs commit-msg"
        )],
        "{}",
        stdout(&there)
    );
}
