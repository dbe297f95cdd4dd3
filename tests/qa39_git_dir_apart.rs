//! QA39: a repository kept apart from its work tree (`GIT_DIR=~/.dotfiles GIT_WORK_TREE=~`).
//! `relhook test` and `relhook release` took `GIT_DIR`/`GIT_WORK_TREE` out of the test
//! command's environment (as they must for a temporary checkout, or in a hook), so a test that
//! runs `git` found no repository there, unlike in the user's shell.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{Repo, ok, stderr, text};

/// A repository at `apart.git` whose work tree is `home`, made and committed with
/// `GIT_DIR` set and, when `with_work_tree`, `GIT_WORK_TREE` too (else `core.worktree`);
/// `relhook test` then runs `argv` there in that environment. The git dir and the work tree,
/// each resolved (the repository goes with this function), and relhook's output.
fn tested_apart(with_work_tree: bool, argv: &str) -> (PathBuf, PathBuf, Output) {
    let repo = Repo::new();
    let git_dir = repo.dir.path().join("apart.git");
    let work_tree = repo.dir.path().join("home");
    std::fs::create_dir_all(&work_tree).unwrap();
    let (git_dir_s, work_tree_s) = (text_of(&git_dir), text_of(&work_tree));
    let mut env = vec![("GIT_DIR", git_dir_s.as_str())];
    if with_work_tree {
        env.push(("GIT_WORK_TREE", work_tree_s.as_str()));
    }
    let git = |args: &[&str]| {
        let out = repo.git_in(&work_tree, args, &env);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
    };
    git(&["init", "-q"]);
    if !with_work_tree {
        git(&["config", "core.bare", "false"]);
        git(&["config", "core.worktree", &work_tree_s]);
    }
    std::fs::write(
        work_tree.join(".relconfig.toml"),
        format!("[checks]\ntest = {argv}\n"),
    )
    .unwrap();
    git(&["add", ".relconfig.toml"]);
    git(&["commit", "-qm", "chore: start"]);
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &work_tree);
    cmd.arg("test").envs(env.iter().copied());
    let out = ok(cmd.output().unwrap());
    let real = |p: &Path| p.canonicalize().unwrap();
    (real(&git_dir), real(&work_tree), out)
}

fn text_of(path: &Path) -> String {
    path.to_str().unwrap().to_owned()
}

#[test]
fn a_test_command_in_a_work_tree_kept_apart_sees_the_repository() {
    let (git_dir, _, out) = tested_apart(true, r#"["git", "rev-parse", "--absolute-git-dir"]"#);
    assert!(
        stderr(&out).contains(&format!("{}\n", git_dir.display()))
            && stderr(&out).contains("tests passed"),
        "{}",
        text(&out)
    );
}

/// The same with `core.worktree` in the repository's config instead of GIT_WORK_TREE (QA39,
/// second round).
#[test]
fn a_test_command_in_a_core_worktree_sees_the_repository() {
    let (_, work_tree, out) = tested_apart(false, r#"["git", "rev-parse", "--show-toplevel"]"#);
    assert!(
        stderr(&out).contains(&format!("{}\n", work_tree.display()))
            && stderr(&out).contains("tests passed"),
        "{}",
        text(&out)
    );
}
