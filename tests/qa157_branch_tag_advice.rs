//! QA157: a hand tag on a branch that is not a release branch was refused with the advice
//! `relhook release --allow-branch 7.0.1` even when the branch holds a `feat` (its commits call
//! for 7.1.0): pasted, it released the patch with only a warning then. The advice still names
//! the version asked for (a maintenance release is the user's call), says that the commits call
//! for more and why, and gives the command that releases that; both work pasted.

use crate::support::{Repo, ok, path_with, stderr, text};

/// Released 7.0.0 on main, then a branch `topic` with a commit of `message`.
fn on_a_branch(message: &str) -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"7.0.0\"\n",
    );
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [7.0.0] - 2024-01-01\n\n### Added\n\n- first\n",
    );
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore(release): 7.0.0");
    repo.git(&["tag", "-a", "v7.0.0", "-m", "v7.0.0"]);
    repo.git(&["checkout", "-q", "-b", "topic"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked(message);
    repo
}

#[test]
fn a_refused_branch_tag_names_the_version_the_commits_call_for() {
    let repo = on_a_branch("feat: new thing");
    let out = repo.git_output(&["tag", "-a", "v7.0.1", "-m", "v7.0.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("or `relhook release --allow-branch 7.0.1` for a maintenance release, which releases 7.0.1 as asked though the commits since v7.0.0 call for 7.1.0 (`feat: new thing` is a new feature): `relhook release --allow-branch 7.1.0` releases that"),
        "{err}"
    );

    // Pasted, the command for what the commits call for releases 7.1.0 on the branch.
    let line = err.lines().find(|l| l.contains("refusing tag")).unwrap();
    let command = line.rsplit('`').nth(1).unwrap();
    assert_eq!(command, "relhook release --allow-branch 7.1.0");
    let ran = (repo.command_in("sh", &repo.path()))
        .env("PATH", path_with(&[&repo.relhook_on_path()]))
        .args(["-c", command])
        .output()
        .unwrap();
    assert!(ran.status.success(), "{command}: {}", text(&ran));
    assert_eq!(repo.git(&["describe", "--tags", "--exact-match"]), "v7.1.0");
}

#[test]
fn a_fix_on_a_branch_keeps_the_plain_advice() {
    let repo = on_a_branch("fix: old thing");
    let out = repo.git_output(&["tag", "-a", "v7.0.1", "-m", "v7.0.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("or `relhook release --allow-branch 7.0.1` for a maintenance release\n"),
        "{err}"
    );
    assert!(!err.contains("call for"), "{err}");
}
