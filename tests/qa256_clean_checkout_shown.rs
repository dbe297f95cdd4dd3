//! QA256: with the repository named by `GIT_DIR` and `GIT_WORK_TREE` from another folder, the
//! test command relhook showed for a run on a clean checkout of a tag (`relhook test --tag`,
//! pre-push's `run_tests_on_push`, and its refusal when the tests fail) got the two variables
//! put ahead of its `git`, as advice gets them to work pasted there. That command ran in a
//! temporary worktree of its own, without them: it is shown as it ran.

use std::path::{Path, PathBuf};

use crate::support::{Repo, ok, stderr, text};

/// The test command: a `git` after `&&`, as advice's commands are, that fails with `FAIL` set.
const TEST: &str = "true && git diff --exit-code && test -z \"$FAIL\"";

/// A v0.1.0 released untested, whose tests are [`TEST`], run by pre-push, with a remote
/// `origin`.
fn released() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"sh\", \"-c\", {TEST:?}]\nrun_tests_on_push = true\n"),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.with_origin();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    repo
}

/// The work tree and its git dir, as GIT_DIR and GIT_WORK_TREE name them.
fn named(repo: &Repo) -> (PathBuf, PathBuf) {
    let top = repo.path().canonicalize().unwrap();
    (top.join(".git"), top)
}

fn from_elsewhere(repo: &Repo, program: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let (git_dir, top) = named(repo);
    let mut cmd = repo.command_in(program, &repo.scratch("elsewhere"));
    cmd.env("GIT_DIR", &git_dir)
        .env("GIT_WORK_TREE", &top)
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let _ = text(&out);
    stderr(&out)
}

/// `sh -c '…'` as relhook shows the test command.
fn shown() -> String {
    format!("sh -c '{TEST}'")
}

#[test]
fn a_tag_tested_on_a_clean_checkout_shows_the_command_it_ran() {
    let repo = released();
    let err = from_elsewhere(
        &repo,
        &crate::support::relhook_bin(),
        &["test", "--tag", "v0.1.0"],
        &[],
    );
    assert!(
        err.contains(&format!(
            "relhook: running `{}` on a clean checkout of v0.1.0\n",
            shown()
        )),
        "{err}"
    );
    assert!(
        err.contains("relhook: tests passed; recorded for v0.1.0"),
        "{err}"
    );
    // The publish command it advises still carries them, to work pasted in that folder.
    let (git_dir, _) = named(&repo);
    assert!(
        err.contains(&format!("(publish: `{{ GIT_DIR={} ", git_dir.display())),
        "{err}"
    );
}

#[test]
fn pre_push_shows_the_command_it_ran_on_a_clean_checkout() {
    let repo = released();
    let (git_dir, _) = named(&repo);
    let push = ["push", "origin", "main", "v0.1.0"];
    let err = from_elsewhere(&repo, Path::new("git"), &push, &[("FAIL", "1")]);
    assert!(
        err.contains(&format!(
            "relhook: testing v0.1.0 in a clean checkout… (`{}`)\n",
            shown()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "`{}` failed on a clean checkout of v0.1.0 (exit code 1)",
            shown()
        )),
        "{err}"
    );
    // The advice of the refusal still carries them, to work pasted in that folder.
    assert!(
        err.contains(&format!("run `GIT_DIR={} ", git_dir.display())),
        "{err}"
    );
}
