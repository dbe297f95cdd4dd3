//! QA47: a library that ignores its lock file (Cargo.lock, uv.lock or package-lock.json in
//! .gitignore) still has one in the work tree, as the tools regenerate it; a release bumped
//! it and added it to the release commit, tracking a file the project chose not to track. A
//! lock file HEAD does not track is now left out of the release commit and not written, with
//! one note line, by `relhook release` and by a hand tag alike.

use crate::support::{Repo, hand_tag, ok, stderr, text};

const CARGO_LOCK: &str = "version = 4\n\n[[package]]\nname = \"demo\"\nversion = \"1.2.0\"\n";

const UV_LOCK: &str = "version = 1\nrevision = 3\nrequires-python = \">=3.9\"\n\n\
    [[package]]\nname = \"demo\"\nversion = \"1.2.0\"\nsource = { editable = \".\" }\n";

const NPM_LOCK: &str = "{\n  \"name\": \"demo\",\n  \"version\": \"1.2.0\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\n      \"name\": \"demo\",\n      \"version\": \"1.2.0\"\n    }\n  }\n}\n";

/// A project at 1.2.0 (its manifest `manifest`), released as v1.2.0, whose `lock` is ignored
/// but present with `contents`; then a feature committed through the hooks.
fn project(manifest: (&str, &str), lock: (&str, &str)) -> Repo {
    let repo = Repo::new();
    repo.write(manifest.0, manifest.1);
    repo.write(lock.0, lock.1);
    repo.write(".gitignore", format!("{}\n", lock.0));
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.2.0", "-m", "1.2.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: more");
    repo
}

fn cargo() -> Repo {
    let toml = "[package]\nname = \"demo\"\nversion = \"1.2.0\"\nedition = \"2021\"\n";
    project(("Cargo.toml", toml), ("Cargo.lock", CARGO_LOCK))
}

fn uv() -> Repo {
    let toml = "[project]\nname = \"demo\"\nversion = \"1.2.0\"\n";
    project(("pyproject.toml", toml), ("uv.lock", UV_LOCK))
}

fn npm() -> Repo {
    let json = "{\n  \"name\": \"demo\",\n  \"version\": \"1.2.0\"\n}\n";
    project(("package.json", json), ("package-lock.json", NPM_LOCK))
}

/// The release commit bumped `manifest`, neither committed nor wrote `lock`.
fn lock_left_alone(repo: &Repo, manifest: &str, lock: &str, contents: &str) {
    let files = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(files.lines().any(|l| l == manifest), "{files}");
    assert!(!files.lines().any(|l| l == lock), "{files}");
    assert_eq!(repo.git(&["ls-files", lock]), "");
    assert_eq!(repo.read(lock), contents);
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

fn release_leaves(repo: &Repo, manifest: &str, lock: &str, contents: &str) {
    let out = ok(repo.relhook(&["release"]));
    let note = format!("relhook: note: {lock} is not tracked (ignored): left alone");
    assert_eq!(
        stderr(&out).lines().filter(|l| *l == note).count(),
        1,
        "{}",
        text(&out)
    );
    assert_eq!(repo.head_subject(), "chore(release): 1.3.0");
    lock_left_alone(repo, manifest, lock, contents);
}

#[test]
fn a_release_leaves_an_ignored_cargo_lock_alone() {
    release_leaves(&cargo(), "Cargo.toml", "Cargo.lock", CARGO_LOCK);
}

#[test]
fn a_release_leaves_an_ignored_uv_lock_alone() {
    release_leaves(&uv(), "pyproject.toml", "uv.lock", UV_LOCK);
}

#[test]
fn a_release_leaves_an_ignored_npm_lock_alone() {
    release_leaves(&npm(), "package.json", "package-lock.json", NPM_LOCK);
}

#[test]
fn a_hand_tag_leaves_an_ignored_lock_alone() {
    for (repo, manifest, lock, contents) in [
        (cargo(), "Cargo.toml", "Cargo.lock", CARGO_LOCK),
        (uv(), "pyproject.toml", "uv.lock", UV_LOCK),
    ] {
        let out = hand_tag(&repo, &["-a", "v1.3.0", "-m", "1.3.0"]);
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(repo.head_subject(), "chore(release): 1.3.0");
        lock_left_alone(&repo, manifest, lock, contents);
    }
}

#[test]
fn a_tracked_lock_still_moves() {
    let repo = cargo();
    std::fs::remove_file(repo.path().join(".gitignore")).unwrap();
    repo.git(&["add", "-A"]);
    repo.commit_hooked("build: track Cargo.lock");
    let out = ok(repo.relhook(&["release"]));
    assert!(!stderr(&out).contains("not tracked"), "{}", text(&out));
    let files = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(files.lines().any(|l| l == "Cargo.lock"), "{files}");
    assert!(repo.read("Cargo.lock").contains("version = \"1.3.0\""));
}

/// A lock merely not added yet (untracked, not ignored) is no choice of the project's: it
/// moves with the release like a tracked one, so the advice to commit it then commits the
/// new version, never the old one beside a bumped manifest.
#[test]
fn a_lock_not_yet_added_moves_with_the_release() {
    let repo = Repo::new();
    let toml = "[package]\nname = \"demo\"\nversion = \"1.2.0\"\nedition = \"2021\"\n";
    repo.write("Cargo.toml", toml);
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.2.0", "-m", "1.2.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: more");
    repo.write("Cargo.lock", CARGO_LOCK);
    let out = repo.relhook(&["release", "--no-test", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!stderr(&out).contains("left alone"), "{}", text(&out));
    assert!(repo.read("Cargo.lock").contains("version = \"1.3.0\""));
    let tagged = repo.git_output(&["show", "v1.3.0:Cargo.lock"]);
    if tagged.status.success() {
        assert!(String::from_utf8_lossy(&tagged.stdout).contains("version = \"1.3.0\""));
    }
}
