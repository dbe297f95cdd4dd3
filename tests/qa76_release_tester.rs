//! QA76: `relhook release` in a Python project whose `[checks] test = ["pytest"]` runs nowhere
//! here said "install `pytest` ..., or set `[checks] test` in .relconfig.toml to a test
//! command that runs here". Set and left uncommitted, the next `relhook release` refused the
//! dirty .relconfig.toml: the advice now says to commit it, as `relhook release --no-test`'s does.

use crate::support::{Repo, relhook_bin, stderr, text};

#[test]
fn a_missing_test_program_is_refused_with_advice_that_releases_once_followed() {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nversion = \"0.1.0\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\ntest = [\"pytest\"]\n");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: start");
    // A PATH with git and `true` alone: no pytest, whatever this machine has.
    let bin = repo.scratch("bin");
    std::os::unix::fs::symlink(crate::support::git_abs(), bin.join("git")).unwrap();
    let truth = ["/bin/true", "/usr/bin/true"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .unwrap();
    std::os::unix::fs::symlink(truth, bin.join("true")).unwrap();
    let release = || {
        repo.command_in(relhook_bin(), &repo.path())
            .arg("release")
            .env("PATH", &bin)
            .output()
            .unwrap()
    };
    let out = release();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains(
            "or commit `[checks] test` in .relconfig.toml, set to a test command that runs here"
        ),
        "{said}"
    );
    // Followed as told: another test command, committed, and the release goes through.
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["commit", "-qm", "chore: test with true", ".relconfig.toml"]);
    let out = release();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
}
