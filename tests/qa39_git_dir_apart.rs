//! QA39: a repository kept apart from its work tree (`GIT_DIR=~/.dotfiles GIT_WORK_TREE=~`).
//! `relhook test` and `relhook release` took `GIT_DIR`/`GIT_WORK_TREE` out of the test
//! command's environment (as they must for a temporary checkout, or in a hook), so a test that
//! runs `git` found no repository there, unlike in the user's shell.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn a_test_command_in_a_work_tree_kept_apart_sees_the_repository() {
    let repo = Repo::new();
    let git_dir = repo.dir.path().join("apart.git");
    let work_tree = repo.dir.path().join("home");
    std::fs::create_dir_all(&work_tree).unwrap();
    let git_dir_s = git_dir.to_str().unwrap().to_owned();
    let work_tree_s = work_tree.to_str().unwrap().to_owned();
    let env = [
        ("GIT_DIR", git_dir_s.as_str()),
        ("GIT_WORK_TREE", work_tree_s.as_str()),
    ];
    let git = |args: &[&str]| {
        let out = repo.git_in(&work_tree, args, &env);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
    };
    git(&["init", "-q"]);
    std::fs::write(
        work_tree.join(".relconfig.toml"),
        "[checks]\ntest = [\"git\", \"rev-parse\", \"--absolute-git-dir\"]\n",
    )
    .unwrap();
    git(&["add", ".relconfig.toml"]);
    git(&["commit", "-qm", "chore: start"]);
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &work_tree);
    cmd.arg("test").envs(env);
    let out = ok(cmd.output().unwrap());
    assert!(
        stderr(&out).contains(&format!("{}\n", git_dir.canonicalize().unwrap().display()))
            && stderr(&out).contains("tests passed"),
        "{}",
        text(&out)
    );
}

/// The same with `core.worktree` in the repository's config instead of GIT_WORK_TREE (QA39,
/// second round).
#[test]
fn a_test_command_in_a_core_worktree_sees_the_repository() {
    let repo = Repo::new();
    let git_dir = repo.dir.path().join("apart.git");
    let work_tree = repo.dir.path().join("home");
    std::fs::create_dir_all(&work_tree).unwrap();
    let git_dir_s = git_dir.to_str().unwrap().to_owned();
    let env = [("GIT_DIR", git_dir_s.as_str())];
    let git = |args: &[&str]| {
        let out = repo.git_in(&work_tree, args, &env);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
    };
    git(&["init", "-q"]);
    git(&["config", "core.bare", "false"]);
    git(&["config", "core.worktree", work_tree.to_str().unwrap()]);
    std::fs::write(
        work_tree.join(".relconfig.toml"),
        "[checks]\ntest = [\"git\", \"rev-parse\", \"--show-toplevel\"]\n",
    )
    .unwrap();
    git(&["add", ".relconfig.toml"]);
    git(&["commit", "-qm", "chore: start"]);
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &work_tree);
    cmd.arg("test").envs(env);
    let out = ok(cmd.output().unwrap());
    assert!(
        stderr(&out).contains(&format!(
            "{}\n",
            work_tree.canonicalize().unwrap().display()
        )) && stderr(&out).contains("tests passed"),
        "{}",
        text(&out)
    );
}
