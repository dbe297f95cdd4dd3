//! QA235: `relhook install` run with the repository named by `GIT_DIR` and `GIT_WORK_TREE`
//! ends its merge driver advice with what every other clone does, "each clone still runs
//! `relhook install`", and put this clone's two variables ahead of that command: advice for
//! another clone naming this one's git directory. It is said as a command each clone runs
//! for itself now, with no variables.

use crate::support::{Repo, ok, relhook_bin, stderr, stdout};

#[test]
fn the_install_each_other_clone_runs_names_no_git_dir_of_this_one() {
    let repo = Repo::new();
    let top = repo.path().canonicalize().unwrap();
    let elsewhere = repo.scratch("elsewhere");
    let out = repo
        .command_in(relhook_bin(), &elsewhere)
        .env("GIT_DIR", top.join(".git"))
        .env("GIT_WORK_TREE", &top)
        .arg("install")
        .output()
        .unwrap();
    let out = ok(out);
    let all = format!("{}{}", stdout(&out), stderr(&out));
    let line = all
        .lines()
        .find(|l| l.contains("to share it with the team"))
        .unwrap_or_else(|| panic!("{all}"));
    assert!(
        line.ends_with("(each clone still runs its own `relhook install`)"),
        "{line}"
    );
    // The commands for this clone keep them.
    assert!(all.contains("`GIT_DIR="), "{all}");
}
