//! QA124: a project with a submodule whose test needs the submodule's files. `relhook test`
//! passed in the work tree, but the clean checkout that `relhook test --tag`, `relhook
//! release --allow-dirty` and pre-push's own test run use left the submodule an empty folder:
//! the tests "failed", and the advice (`relhook test` runs them alone) passed. The checkout now
//! gets the submodule's files from this clone's copy; a clone without one is told why in one
//! line.

use crate::support::{Repo, ok, stderr, text};

/// A project whose test is `test -f sub/lib.txt`, with `sub` a submodule holding that file,
/// relhook installed and release v0.1.0 made untested.
fn project_with_submodule() -> (Repo, Repo) {
    let lib = Repo::new();
    lib.write("lib.txt", "lib\n");
    lib.git(&["add", "lib.txt"]);
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
        "[checks]\ntest = [\"test\", \"-f\", \"sub/lib.txt\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    ok(repo.relhook(&["release", "--no-test"]));
    (repo, lib)
}

#[test]
fn a_tag_s_clean_checkout_has_the_submodule_s_files() {
    let (repo, _lib) = project_with_submodule();
    ok(repo.relhook(&["test"]));
    let out = repo.relhook(&["test", "--tag", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    // The submodule's own checkout is left as it was.
    let sub = repo.path().join("sub");
    let status = repo.git_in(&sub, &["status", "--porcelain"], &[]);
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        "",
        "{}",
        text(&status)
    );
}

#[test]
fn a_release_beside_untracked_files_tests_the_submodule_s_files() {
    let (repo, _lib) = project_with_submodule();
    repo.commit_hooked("fix: two");
    repo.write("notes.txt", "mine\n");
    let out = repo.relhook(&["release", "--allow-dirty"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v0.1.1");
}

#[test]
fn a_clone_without_the_submodule_is_told_why_it_stays_empty() {
    let (repo, _lib) = project_with_submodule();
    let clone = repo.scratch("clone");
    let origin = repo.path();
    let out = repo.git_in(&clone, &["clone", "-q", origin.to_str().unwrap(), "c"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let c = clone.join("c");
    ok(repo.relhook_in(&c, &["install"]));
    let out = repo.relhook_in(&c, &["test", "--tag", "v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "relhook: note: submodule sub is empty in the clean checkout (it is not set up in this clone: `git submodule update --init` clones it)"
        ),
        "{err}"
    );
}
