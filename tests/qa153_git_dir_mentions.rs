//! QA153: with the repository named by `GIT_DIR` and `GIT_WORK_TREE` from another folder, every
//! backticked `git …` or `relhook …` got the two variables put ahead of it, the commands a
//! message only speaks of too (`git commands that stay here (`GIT_DIR=… git tag`, …)`), which
//! then read as commands to run. Only the commands the user is told to run carry them now.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn a_command_only_mentioned_gets_no_git_dir() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    ok(repo.relhook(&["install"]));
    let top = repo.path().canonicalize().unwrap();
    let git_dir = top.join(".git");
    let elsewhere = repo.scratch("elsewhere");
    let out = repo
        .command_in(crate::support::relhook_bin(), &elsewhere)
        .args(["doctor"])
        .env("GIT_DIR", &git_dir)
        .env("GIT_WORK_TREE", &top)
        .output()
        .unwrap();
    let said = stdout(&out);
    let line = said
        .lines()
        .find(|l| l.contains("git commands that stay here"))
        .unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(
        line.contains("stay here (a `git tag`, a `git push` with GIT_DIR or --git-dir)"),
        "{line}"
    );
    let line = said
        .lines()
        .find(|l| l.contains("so a linked worktree"))
        .unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(line.contains("(what `git worktree add` makes)"), "{line}");
    // The command to run still carries them.
    let prefix = format!(
        "GIT_DIR={} GIT_WORK_TREE={} ",
        git_dir.display(),
        top.display()
    );
    assert!(
        said.contains(&format!("fix: `{prefix}git config core.hooksPath ")),
        "{}",
        text(&out)
    );
}
