//! QA44: a package release made on a commit from before its directory moved (`packages/a`,
//! now `libs/a`), on a branch with `--allow-branch` and merged: the release recorded its test
//! for `packages/a`, where the tagged commit has the package, and pre-push found that record,
//! but doctor looked for one of `libs/a` (an empty tree there) and called the tag untested,
//! even after `relhook test --tag`. doctor now keys the record as pre-push does: by the
//! package as the configuration committed at the tagged commit places it.

use crate::support::{Repo, ok, stdout, text};

/// The files written so far committed, `relhook init`'s proposal committed, relhook installed.
pub(crate) fn adopted(repo: &Repo) {
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["init"]));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    ok(repo.relhook(&["install"]));
}

#[test]
fn a_release_from_before_a_move_is_tested_for_doctor_as_for_pre_push() {
    let repo = Repo::new();
    repo.with_origin();
    repo.write(
        "package.json",
        r#"{"name":"mono","private":true,"workspaces":["packages/*","libs/*"]}"#,
    );
    repo.write(
        "packages/a/package.json",
        r#"{"name":"a","version":"1.0.0","scripts":{"test":"true"}}"#,
    );
    repo.write("packages/a/i.js", "x\n");
    adopted(&repo);
    repo.write("packages/a/i.js", "x\ny\n");
    repo.git(&["commit", "-q", "-a", "-m", "feat: a y"]);
    ok(repo.relhook(&["release", "--package", "a"]));
    repo.git(&["push", "-q", "--follow-tags", "origin", "main"]);
    repo.write("packages/a/i.js", "x\ny\nz\n");
    repo.git(&["commit", "-q", "-a", "-m", "fix: a z"]);
    let before_move = repo.git(&["rev-parse", "HEAD"]);
    std::fs::create_dir_all(repo.path().join("libs")).unwrap();
    repo.git(&["mv", "packages/a", "libs/a"]);
    let config = repo.read(".relconfig.toml");
    assert!(config.contains(r#"path = "packages/a""#), "{config}");
    repo.write(
        ".relconfig.toml",
        config.replace(r#"path = "packages/a""#, r#"path = "libs/a""#),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "refactor: move a to libs"]);
    ok(repo.relhook(&["install"]));
    repo.git(&["switch", "-q", "-c", "release-1.0.1", &before_move]);
    ok(repo.relhook(&["release", "--package", "a", "1.0.1", "--allow-branch"]));
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--no-edit", "release-1.0.1"]);
    let doctor = ok(repo.relhook(&["doctor"]));
    assert!(!stdout(&doctor).contains("untested"), "{}", text(&doctor));
    // Without the record, doctor names the tree the record would be for: packages/a's.
    repo.git(&["update-ref", "-d", "refs/notes/relhook-tests"]);
    let doctor = repo.relhook(&["doctor"]);
    let out = stdout(&doctor);
    assert!(
        out.contains("no passing test record for a-v1.0.1's tree (packages/a "),
        "{}",
        text(&doctor)
    );
    ok(repo.relhook(&["test", "--tag", "a-v1.0.1"]));
    let doctor = ok(repo.relhook(&["doctor"]));
    assert!(!stdout(&doctor).contains("untested"), "{}", text(&doctor));
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(push.status.success(), "{}", text(&push));
}
