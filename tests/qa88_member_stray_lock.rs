//! QA88: a Cargo.lock beside a workspace member's Cargo.toml (cargo never reads it: a member
//! builds with its workspace's lock) was taken for the crate's own lock, rewritten by a
//! release when its entry said the crate's version and refused the release when it said
//! another. It is left alone; the workspace's lock moves. A crate the workspace excludes is
//! its own workspace, and its own lock still moves with it.

use crate::support::{Repo, ok, stderr, text};

const TOP_LOCK: &str = "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\n";

fn manifest(name: &str) -> String {
    format!("[package]\nname = \"{name}\"\nversion = \"1.0.0\"\nedition = \"2021\"\n")
}

fn lock_of(name: &str, version: &str) -> String {
    format!("version = 4\n\n[[package]]\nname = \"{name}\"\nversion = \"{version}\"\n")
}

/// A workspace of crates/a and crates/b at 1.0.0 with `stray` beside crates/a's manifest,
/// `config` as .relconfig.toml, `tags` made, relhook installed and a fix in crates/a.
fn workspace(stray: &str, config: &str, tags: &[&str]) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/a\", \"crates/b\"]\nresolver = \"2\"\n",
    );
    repo.write("crates/a/Cargo.toml", manifest("a"));
    repo.write("crates/b/Cargo.toml", manifest("b"));
    repo.write("Cargo.lock", TOP_LOCK);
    repo.write("crates/a/Cargo.lock", stray);
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    for tag in tags {
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    ok(repo.relhook(&["install"]));
    repo.write("crates/a/x", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): x");
    repo
}

const MONOREPO: &str = "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"crates/a\"\n[packages.b]\npath = \"crates/b\"\n";

/// The release commit's files.
fn released_files(repo: &Repo) -> String {
    repo.git(&["show", "--name-only", "--format=", "HEAD"])
}

#[test]
fn a_stray_lock_at_another_version_does_not_refuse_the_package_release() {
    let stray = lock_of("a", "0.9.0");
    let repo = workspace(&stray, MONOREPO, &["a-v1.0.0", "b-v1.0.0"]);
    let out = repo.relhook(&["release", "--package", "a"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !stderr(&out).contains("crates/a/Cargo.lock"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("crates/a/Cargo.lock"), stray);
    assert_eq!(
        repo.read("Cargo.lock"),
        TOP_LOCK.replacen("1.0.0", "1.0.1", 1)
    );
    assert_eq!(
        released_files(&repo),
        "Cargo.lock\ncrates/a/CHANGELOG.md\ncrates/a/Cargo.toml"
    );
}

#[test]
fn a_stray_lock_at_the_crates_version_is_not_rewritten() {
    let stray = lock_of("a", "1.0.0");
    let repo = workspace(&stray, MONOREPO, &["a-v1.0.0", "b-v1.0.0"]);
    let plan = ok(repo.relhook(&["release", "--package", "a", "--dry-run"]));
    assert!(
        !text(&plan).contains("crates/a/Cargo.lock"),
        "{}",
        text(&plan)
    );
    ok(repo.relhook(&["release", "--package", "a"]));
    assert_eq!(repo.read("crates/a/Cargo.lock"), stray);
    assert_eq!(
        repo.read("Cargo.lock"),
        TOP_LOCK.replacen("1.0.0", "1.0.1", 1)
    );
    assert!(repo.is_clean());
}

#[test]
fn the_workspace_released_as_one_leaves_a_members_stray_lock() {
    let stray = lock_of("a", "0.9.0");
    let config = "[checks]\nrequire_tested_tags = false\n";
    let repo = workspace(&stray, config, &["v1.0.0"]);
    let out = repo.relhook(&["release"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("crates/a/Cargo.lock"), stray);
    assert_eq!(repo.read("Cargo.lock"), TOP_LOCK.replace("1.0.0", "1.0.1"));
}

#[test]
fn an_excluded_crates_own_lock_still_moves_with_it() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/a\"]\nexclude = [\"tools\"]\nresolver = \"2\"\n",
    );
    repo.write("crates/a/Cargo.toml", manifest("a"));
    repo.write("Cargo.lock", lock_of("a", "1.0.0"));
    repo.write("tools/x/Cargo.toml", manifest("x"));
    repo.write("tools/x/Cargo.lock", lock_of("x", "1.0.0"));
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"crates/a\"\n[packages.x]\npath = \"tools/x\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "a-v1.0.0", "-m", "a"]);
    repo.git(&["tag", "-a", "x-v1.0.0", "-m", "x"]);
    ok(repo.relhook(&["install"]));
    repo.write("tools/x/y", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(x): y");
    ok(repo.relhook(&["release", "--package", "x"]));
    assert_eq!(repo.read("tools/x/Cargo.lock"), lock_of("x", "1.0.1"));
    assert_eq!(repo.read("Cargo.lock"), lock_of("a", "1.0.0"));
}
