//! QA51: `relhook release --package core` made one release commit with two tags (`cli` a
//! dependent); pushed over a remote branch that moved, pre-push refused each tag with a fix of
//! its own (`git tag -d <tag> && git reset --keep <rel>~1 && … && relhook release --package
//! <pkg> X`). Pasted in order, they released cli alone, then dropped that release with the
//! second reset: its tag on a commit no branch holds, a version used up. The tags of one
//! release commit now get one refusal and one fix: delete them all, reset once, pull, and make
//! the release asked again (which bumps the dependent again).

use crate::support::{Repo, ok, stderr, text};

/// core and its dependent cli released together, pushed to `origin`; a clone pushes a commit
/// there; here `fix(cli)` and `fix(core)` are committed and core released (with cli).
fn released_behind() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.4.0\"\nedition = \"2021\"\n",
    );
    repo.write(
        "crates/cli/Cargo.toml",
        "[package]\nname = \"cli\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\ncore = { path = \"../core\", version = \"=0.4.0\" }\n",
    );
    repo.write("crates/core/src/lib.rs", "pub fn a() {}\n");
    repo.write("crates/cli/src/lib.rs", "pub fn c() {}\n");
    repo.write(
        ".relconfig.toml",
        "[packages.core]\npath = \"crates/core\"\ntest = [\"true\"]\n[packages.cli]\npath = \"crates/cli\"\ntest = [\"true\"]\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    let edit = |path: &str, line: &str, message: &str| {
        let text = repo.read(path) + line;
        repo.write(path, text);
        repo.git(&["commit", "-q", "-am", message]);
    };
    edit("crates/core/src/lib.rs", "pub fn b() {}\n", "feat(core): b");
    edit("crates/cli/src/lib.rs", "pub fn d() {}\n", "feat(cli): d");
    ok(repo.relhook(&["release", "--all"]));
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    let other = repo.scratch("other");
    let url = origin.to_str().unwrap();
    let dir = other.to_str().unwrap();
    ok(repo.git_in(
        repo.dir.path(),
        &["clone", "-q", "-b", "main", url, dir],
        &[],
    ));
    std::fs::write(other.join("README"), "x\n").unwrap();
    ok(repo.git_in(&other, &["add", "README"], &[]));
    ok(repo.git_in(&other, &["commit", "-q", "-m", "docs: readme"], &[]));
    ok(repo.git_in(
        &other,
        &["push", "-q", "--no-verify", "origin", "main"],
        &[],
    ));
    edit("crates/cli/src/lib.rs", "pub fn g() {}\n", "fix(cli): g");
    edit("crates/core/src/lib.rs", "pub fn e() {}\n", "fix(core): e");
    ok(repo.relhook(&["release", "--package", "core"]));
    repo
}

#[test]
fn the_tags_of_one_release_commit_get_one_fix_that_makes_the_release_again() {
    let repo = released_behind();
    let rel = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let out = repo.git_output(&["push", "--follow-tags"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let refused: Vec<&str> = err.lines().filter(|l| l.starts_with('✗')).collect();
    assert_eq!(
        refused,
        [format!(
            "✗ refs/tags/cli-v0.1.1, refs/tags/core-v0.4.1 {rel} release tags cli-v0.1.1, core-v0.4.1, on no branch of origin"
        )],
        "{err}"
    );
    assert!(
        err.contains("and still send cli-v0.1.1 and core-v0.4.1, release tags on "),
        "{err}"
    );
    let fix = |err: &str| {
        let line = err
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("fix: "));
        line.unwrap().split('`').nth(1).unwrap().to_owned()
    };
    let command = fix(&err);
    assert_eq!(
        command,
        format!(
            "git tag -d cli-v0.1.1 core-v0.4.1 && git reset --keep {rel}~1 && git pull --rebase --tags origin main && relhook release --package core 0.4.1"
        )
    );
    // Fetched, git rejects the branch before pre-push: the tags go alone, said once too.
    repo.git(&["fetch", "-q", "origin"]);
    let out = repo.git_output(&["push", "--follow-tags"]);
    let err = stderr(&out);
    assert!(
        err.contains("cli-v0.1.1 and core-v0.4.1, release tags on ")
            && err.contains(", go alone: "),
        "{err}"
    );
    assert_eq!(
        err.lines().filter(|l| l.starts_with('✗')).count(),
        1,
        "{err}"
    );
    assert_eq!(fix(&err), command);
    // Pasted: one release commit of both, above origin's commit, and pushed.
    ok(repo.sh(&command));
    assert_eq!(
        repo.head_subject(),
        "chore(release): cli-v0.1.1, core-v0.4.1"
    );
    for tag in ["cli-v0.1.1", "core-v0.4.1"] {
        let at = repo.git(&["rev-parse", &format!("{tag}^{{commit}}")]);
        assert_eq!(at, repo.git(&["rev-parse", "HEAD"]), "{tag}");
    }
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s", "HEAD~3"]),
        "docs: readme"
    );
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}
