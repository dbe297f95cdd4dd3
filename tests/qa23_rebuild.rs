//! QA23: `changelog --rebuild` against what the hooks wrote commit by commit. A package whose
//! directory moved keeps its older entries; a released change reverted and then reapplied
//! through a merge is listed as the hooks listed it; a merge whose changelog conflict was
//! resolved by hand, reverted with `git revert -m 1`, gets its revert entry.

use std::process::Output;

use crate::support::{Repo, SKELETON, relhook_bin, stderr, stdout, text};

fn ok(out: Output) -> Output {
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    out
}

/// `relhook release ARGS` with the date pinned to the tags' own (the tests' committer date),
/// so that a rebuilt heading (dated by its tag) and the written one agree.
fn release(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-01-01")
        .arg("release")
        .args(args);
    cmd.output().expect("run relhook release")
}

/// Stages everything and commits through the hooks.
fn commit_all(repo: &Repo, message: &str) {
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", message]);
    assert!(out.status.success(), "{message:?}: {}", text(&out));
}

fn rebuilt(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["changelog", "--rebuild", "--stdout"];
    all.extend_from_slice(args);
    stdout(&ok(repo.relhook(&all)))
}

/// The file from `## [Unreleased]` on: a rebuild writes the template's preamble, not the one
/// the file started with.
fn from_unreleased(log: &str) -> String {
    log[log.find("## [Unreleased]").expect("an Unreleased section")..].to_owned()
}

/// A monorepo with package `a` at `packages/a` and a root changelog, relhook installed.
fn monorepo() -> Repo {
    let repo = Repo::new();
    repo.write(
        "packages/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"1.0.0\"\n",
    );
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"packages/a\"\n\n[checks]\ntest = [\"true\"]\n",
    );
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo
}

/// The package directory moved (`git mv`, the configuration's `path` updated in the same
/// commit): the commits made at the old path are still the package's. The rebuild of its
/// changelog equals what the hooks wrote, and the root's gets none of them.
#[test]
fn a_rebuild_follows_a_package_across_a_move() {
    let repo = monorepo();
    repo.write("packages/a/one.rs", "1\n");
    commit_all(&repo, "feat: a one");
    ok(release(&repo, &["--package", "a"]));
    repo.write("packages/a/two.rs", "2\n");
    commit_all(&repo, "feat: a two");
    repo.write("root.txt", "r\n");
    commit_all(&repo, "fix: root thing");
    std::fs::create_dir_all(repo.path().join("libs")).unwrap();
    repo.git(&["mv", "packages/a", "libs/a"]);
    let config = repo
        .read(".relconfig.toml")
        .replace("\"packages/a\"", "\"libs/a\"");
    repo.write(".relconfig.toml", config);
    commit_all(&repo, "refactor: move a to libs/a");
    repo.write("libs/a/three.rs", "3\n");
    commit_all(&repo, "fix: a three");

    let written = repo.read("libs/a/CHANGELOG.md");
    assert!(
        written.contains("- a one") && written.contains("- a two") && written.contains("- a three"),
        "{written}"
    );
    assert_eq!(rebuilt(&repo, &["--package", "a"]), written);
    let root = repo.read("CHANGELOG.md");
    assert!(
        root.contains("- root thing") && !root.contains("- a "),
        "{root}"
    );
    assert_eq!(
        from_unreleased(&rebuilt(&repo, &[])),
        from_unreleased(&root)
    );
    // The next version and the sync read the same commits: the feature made at the old
    // place makes it a minor release.
    let out = ok(repo.relhook(&["version", "--package", "a", "--next"]));
    assert_eq!(stdout(&out).trim(), "1.1.0", "{}", text(&out));
    let out = ok(repo.relhook(&["changelog", "--sync", "--package", "a"]));
    assert_eq!(
        repo.read("libs/a/CHANGELOG.md"),
        written,
        "{}",
        stderr(&out)
    );
}
