//! QA161: with the repository named by `GIT_DIR` and `GIT_WORK_TREE` from another folder,
//! doctor's `fix:` lines whose command is not in backticks (`fix: relhook install`) were
//! printed without the two variables, which the commands in backticks get: pasted in that
//! folder where the variables were set for one command only, `relhook install` found no
//! repository. Every command doctor tells the user to run now carries them.

use std::path::{Path, PathBuf};

use crate::support::{Repo, path_with, text};

/// An uninstalled repository, its top and its git folder (canonical), and a folder apart.
fn apart() -> (Repo, PathBuf, PathBuf, PathBuf) {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let top = repo.path().canonicalize().unwrap();
    let git_dir = top.join(".git");
    let elsewhere = repo.scratch("elsewhere");
    (repo, top, git_dir, elsewhere)
}

/// The first `fix:` line's command (its text up to an explanation in parentheses), from
/// doctor run in `elsewhere` with the repository named by the two variables.
fn fix_command(repo: &Repo, top: &Path, git_dir: &Path, elsewhere: &Path) -> String {
    let out = repo
        .command_in(crate::support::relhook_bin(), elsewhere)
        .env("GIT_DIR", git_dir)
        .env("GIT_WORK_TREE", top)
        .arg("doctor")
        .output()
        .unwrap();
    let said = text(&out);
    let fix = (said.lines())
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix: line in {said}"));
    let command = fix.split(" (").next().unwrap().to_owned();
    assert!(command.ends_with("relhook install"), "{said}");
    command
}

/// Runs `command` through `sh` in `elsewhere` (relhook on PATH), with `env` set, and checks
/// that it installed the hooks in the repository.
fn pasted_installs(repo: &Repo, command: &str, elsewhere: &Path, env: &[(&str, &Path)]) {
    let path = path_with(&[&repo.relhook_on_path()]);
    let mut sh = repo.command_in("sh", elsewhere);
    sh.env("PATH", path).args(["-c", command]);
    for (k, v) in env {
        sh.env(k, v);
    }
    let out = sh.output().unwrap();
    assert!(out.status.success(), "{command}\n{}", text(&out));
    assert!(
        repo.hooks_dir().join("commit-msg").exists(),
        "{}",
        text(&out)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(doctor.status.success(), "{}", text(&doctor));
}

#[test]
fn doctor_s_fix_command_works_pasted_where_git_dir_named_the_repository() {
    // Pasted in a shell where the variables were set for doctor alone.
    let (repo, top, git_dir, elsewhere) = apart();
    let command = fix_command(&repo, &top, &git_dir, &elsewhere);
    pasted_installs(&repo, &command, &elsewhere, &[]);
    let prefix = format!(
        "GIT_DIR={} GIT_WORK_TREE={} ",
        git_dir.display(),
        top.display()
    );
    assert_eq!(command, format!("{prefix}relhook install"));
    // And where they are set for the shell.
    let (repo, top, git_dir, elsewhere) = apart();
    let command = fix_command(&repo, &top, &git_dir, &elsewhere);
    let env = [
        ("GIT_DIR", git_dir.as_path()),
        ("GIT_WORK_TREE", top.as_path()),
    ];
    pasted_installs(&repo, &command, &elsewhere, &env);
}
