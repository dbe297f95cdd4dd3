//! QA51: with no `git` on PATH, `relhook doctor`, `install` and `uninstall` printed a raw
//! "cannot run `git rev-parse`: No such file or directory (os error 2)", no word of git or
//! PATH, where `release` said so clearly. Every command now says it in one line, with the way
//! on; `release` keeps its own words (nothing was changed).

use crate::support::{installed_repo, relhook_bin, stderr, text};

#[cfg(unix)]
#[test]
fn every_command_without_git_on_path_says_so() {
    let repo = installed_repo();
    // PATH: a shell and a few tools, and no git.
    let bin = repo.path_without_git(false);
    for args in [&["doctor"][..], &["install"], &["uninstall"]] {
        let out = repo
            .command_in(relhook_bin(), &repo.path())
            .env("PATH", &bin)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert_eq!(
            err.trim_end(),
            "relhook: error: the `git` program is not on PATH, and relhook reads the repository with it: install git, or add the folder that holds it to PATH, then run it again",
            "{args:?}"
        );
    }
    // relhook's hooks are still there: uninstall did nothing.
    assert!(repo.path().join(".git/hooks/commit-msg").exists());
}
