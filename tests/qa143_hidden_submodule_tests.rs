//! QA143: a submodule whose changes `git status` is set to hide (`submodule.<name>.ignore =
//! all` or `dirty`, `diff.ignoreSubmodules`). Checked out at another commit, or with edited
//! files, the work tree is not HEAD's tree, yet `relhook test` recorded a pass for HEAD's tree
//! and `relhook release` tested and tagged the release commit on the strength of files it does
//! not hold. Such a submodule now counts as a change: `relhook test` records nothing and says
//! why, and a release tests a clean checkout of its commit.

use crate::support::{Repo, ok, stderr, text};

/// A project whose test needs `good` in `sub/state`, with `sub` a submodule whose committed
/// `state` is `bad`, relhook installed and a feature to release; `sub`'s changes are hidden
/// from `git status` by `setting` (`key=value`, in the clone's config).
fn hidden_submodule(setting: &str) -> (Repo, Repo) {
    let lib = Repo::new();
    lib.write("state", "bad\n");
    lib.git(&["add", "state"]);
    lib.git(&["commit", "-q", "-m", "chore: lib"]);
    let repo = Repo::new();
    let url = lib.path();
    let url = url.to_str().unwrap();
    repo.git(&[
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        url,
        "sub",
    ]);
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"grep\", \"-q\", \"good\", \"sub/state\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    let (key, value) = setting.split_once('=').unwrap();
    repo.git(&["config", key, value]);
    // The submodule's file edited (for `ignore = dirty`, committed there too: another commit).
    let sub = repo.path().join("sub");
    std::fs::write(sub.join("state"), "good\n").unwrap();
    assert_eq!(repo.git(&["status", "--porcelain"]), "", "not hidden");
    (repo, lib)
}

fn records(repo: &Repo) -> String {
    let out = repo.git_output(&["notes", "--ref=relhook-tests", "list"]);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn relhook_test_records_nothing_beside_a_hidden_submodule_change() {
    for setting in ["submodule.sub.ignore=all", "diff.ignoreSubmodules=all"] {
        let (repo, _lib) = hidden_submodule(setting);
        let out = repo.relhook(&["test"]);
        assert_eq!(out.status.code(), Some(1), "{setting}: {}", text(&out));
        let said = stderr(&out);
        assert!(
            said.contains("not recorded, since they are not HEAD's tree")
                && said.contains("sub (a submodule whose changes `git status` is set to hide)"),
            "{setting}: {said}"
        );
        assert_eq!(records(&repo), "", "{setting}: recorded");
    }
}

#[test]
fn a_release_beside_a_hidden_submodule_commit_tests_its_own_commit() {
    let (repo, _lib) = hidden_submodule("submodule.sub.ignore=dirty");
    let sub = repo.path().join("sub");
    let out = repo.git_in(&sub, &["commit", "-q", "-am", "chore: good"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["config", "submodule.sub.ignore", "all"]);
    assert_eq!(repo.git(&["status", "--porcelain"]), "", "not hidden");
    let out = repo.relhook(&["release"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("the tests failed on the release candidate"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag"]), "");
    assert_eq!(records(&repo), "");
}
