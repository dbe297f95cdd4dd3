//! Repository layouts QA found relhook silent in.

use crate::support::{Repo, stderr, text};

/// The "dotfiles" layout: a bare git dir (`core.bare = true`) used through `GIT_DIR` and
/// `GIT_WORK_TREE`, which git treats as a work tree. post-commit gave no entry and said
/// nothing, a hand tag stayed plain, and `--sync` called it a bare repository.
#[test]
fn a_bare_git_dir_with_a_work_tree_gets_entries_and_releases() {
    let repo = Repo::new();
    let store = repo.scratch("cfg");
    repo.git(&[
        "init",
        "-q",
        "--bare",
        "-b",
        "main",
        store.to_str().unwrap(),
    ]);
    let top = repo.path();
    let env = [
        ("GIT_DIR", store.to_str().unwrap()),
        ("GIT_WORK_TREE", top.to_str().unwrap()),
    ];
    let run = |program: &str, args: &[&str]| {
        let mut cmd = if program == "git" {
            repo.command_in("git", &repo.path())
        } else {
            repo.command_in(crate::support::relhook_bin(), &repo.path())
        };
        cmd.args(args).envs(env).output().expect("run")
    };
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    assert!(run("git", &["add", ".relconfig.toml"]).status.success());
    assert!(
        run("git", &["commit", "-q", "-m", "chore: start"])
            .status
            .success()
    );
    let out = run("relhook", &["install"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.write("b", "b\n");
    assert!(run("git", &["add", "b"]).status.success());
    let out = run("git", &["commit", "-q", "-m", "feat: b"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("added `- b` under Added"),
        "{}",
        text(&out)
    );
    let committed = run("git", &["show", "HEAD:CHANGELOG.md"]);
    assert!(
        String::from_utf8_lossy(&committed.stdout).contains("- b"),
        "{}",
        text(&committed)
    );
    let out = run("relhook", &["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = run("git", &["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("now points at release commit"),
        "{}",
        text(&out)
    );
    let status = run("git", &["status", "--porcelain"]);
    assert!(status.stdout.is_empty(), "{}", text(&status));
}
