//! QA81: the refusal of a release over an edited `--config` file named its fixes with the
//! name bare (`git restore --staged --worktree c*g.toml`): the shell, and git's pathspec,
//! read `*` as a glob, so the pasted fix put back `cXg.toml` too, losing its edit. Every
//! name relhook gives git in a printed fix is now taken literally, and from the top.

use crate::support::{Repo, stderr, text, untested_installed};

const SETTINGS: &str = "[checks]\nrequire_tested_tags = false\n";

/// A repository whose settings are `c*g.toml` (named with `--config`), beside a tracked
/// `cXg.toml` that a glob would match, both edited; and the refusal's two fixes.
fn refused() -> (Repo, String, String) {
    let repo = untested_installed();
    repo.write("c*g.toml", SETTINGS);
    repo.write("cXg.toml", SETTINGS);
    repo.write("sub/keep", "");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: add the team settings");
    repo.write("c*g.toml", format!("{SETTINGS}test = [\"true\"]\n"));
    repo.write("cXg.toml", format!("{SETTINGS}# mine\n"));
    let out = repo.relhook(&["--config", "c*g.toml", "release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("refused: c*g.toml has uncommitted changes"),
        "{err}"
    );
    let mut fixes = err.split('`').skip(1).step_by(2).map(str::to_owned);
    let commit = fixes.next().unwrap_or_else(|| panic!("{err}"));
    let restore = fixes.next().unwrap_or_else(|| panic!("{err}"));
    (repo, commit, restore)
}

/// `line` run by `sh` in a folder below the top, as a user pasting it there would.
fn paste(repo: &Repo, line: &str) {
    let ran = (repo.command_in("sh", &repo.path().join("sub")))
        .args(["-c", line])
        .output()
        .unwrap();
    assert!(ran.status.success(), "{line}: {}", text(&ran));
}

#[test]
fn the_restore_puts_back_the_settings_file_alone() {
    let (repo, _, restore) = refused();
    paste(&repo, &restore);
    assert_eq!(repo.read("c*g.toml"), SETTINGS, "{restore}");
    assert_eq!(
        repo.read("cXg.toml"),
        format!("{SETTINGS}# mine\n"),
        "{restore}"
    );
}

#[test]
fn the_commit_takes_the_settings_file_alone() {
    let (repo, commit, _) = refused();
    paste(&repo, &commit);
    let files = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files, "c*g.toml", "{commit}");
    assert_eq!(
        repo.git(&["status", "--porcelain"]),
        " M cXg.toml",
        "{commit}"
    );
}
