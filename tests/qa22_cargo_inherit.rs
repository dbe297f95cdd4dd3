//! Found by QA on a Cargo workspace released per package (`[packages]`) whose crates inherit
//! their version (`version.workspace = true`): `relhook release --package a` tagged `a-v0.3.1`
//! and moved the other crates' requirement on `a` to `0.3.1`, but `a` still said 0.3.0 (its
//! version is `[workspace.package]`'s, shared with the other crates), so the tagged tree did not
//! resolve (`failed to select a version for the requirement a = "^0.3.1"`). A crate that shares
//! the workspace's version cannot be released alone: relhook refuses before it changes
//! anything, naming the manifest, the crates that share the version and the way out.

use std::process::{Command, Output};

use crate::support::{Repo, dated_release, hand_tag, hand_tag_refused, listing, stderr, text};

pub(crate) const ROOT: &str = "[workspace]\nmembers = [\"crates/a\", \"crates/b\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"0.3.0\"\nedition = \"2021\"\n";

pub(crate) const A: &str =
    "[package]\nname = \"a\"\nversion.workspace = true\nedition.workspace = true\n";

pub(crate) const B: &str = "[package]\nname = \"b\"\nversion.workspace = true\nedition.workspace = true\n\n[dependencies]\na = { path = \"../a\", version = \"0.3.0\" }\n";

pub(crate) const PACKAGES: &str = "[checks]\nrequire_tested_tags = false\n\n[packages.a]\npath = \"crates/a\"\n\n[packages.b]\npath = \"crates/b\"\n";

/// Runs `cargo ARGS --offline` in the work tree.
pub(crate) fn cargo(repo: &Repo, args: &[&str]) -> Output {
    Command::new("cargo")
        .args(args)
        .arg("--offline")
        .current_dir(repo.path())
        .env("CARGO_TARGET_DIR", repo.scratch("target"))
        .output()
        .expect("run cargo")
}

/// Whether the work tree's workspace resolves with its lock file as it is.
pub(crate) fn resolves(repo: &Repo) {
    let out = cargo(repo, &["metadata", "--format-version", "1", "--locked"]);
    assert!(out.status.success(), "does not resolve: {}", text(&out));
}

/// The workspace (`a` and `b` as `root`'s members, `b` requiring `a`), `files` beside it, the
/// configuration `config` and its lock file, committed; `tags` made and relhook installed.
pub(crate) fn installed_workspace(
    config: &str,
    [root, a, b]: [&str; 3],
    files: &[(&str, &str)],
    tags: &[&str],
) -> Repo {
    let repo = Repo::new();
    repo.write("Cargo.toml", root);
    repo.write("crates/a/Cargo.toml", a);
    repo.write("crates/b/Cargo.toml", b);
    repo.write("crates/a/src/lib.rs", "\n");
    repo.write("crates/b/src/lib.rs", "\n");
    repo.write(".relconfig.toml", config);
    repo.write(".gitignore", "/target\n");
    for (path, contents) in files {
        repo.write(path, contents);
    }
    let out = cargo(&repo, &["generate-lockfile"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    for tag in tags {
        let out = repo.git_skipping_relhook(&["tag", "-a", tag, "-m", tag]);
        assert!(out.status.success(), "{}", text(&out));
    }
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

/// The workspace (`a` and `b` as `ROOT`'s members, `b` requiring `a`), its lock file, the
/// configuration `config`, `tags` made, relhook installed, and a feature of `a` on top.
pub(crate) fn workspace(config: &str, a: &str, b: &str, tags: &[&str]) -> Repo {
    let repo = installed_workspace(config, [ROOT, a, b], &[], tags);
    repo.write("crates/a/src/lib.rs", "pub fn thing() {}\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a): thing");
    resolves(&repo);
    repo
}

/// The shared version moved once to 0.3.1, in the root manifest, `b`'s requirement on `a` and
/// both crates' lock entries; the crates still inherit it.
pub(crate) fn shared_version_moved(repo: &Repo) {
    assert_eq!(repo.read("Cargo.toml"), ROOT.replace("0.3.0", "0.3.1"));
    assert_eq!(repo.read("crates/a/Cargo.toml"), A);
    assert_eq!(
        repo.read("crates/b/Cargo.toml"),
        B.replace("0.3.0", "0.3.1")
    );
    let lock = repo.read("Cargo.lock");
    for name in ["a", "b"] {
        assert!(
            lock.contains(&format!("name = \"{name}\"\nversion = \"0.3.1\"")),
            "{lock}"
        );
    }
}

fn inheriting() -> Repo {
    workspace(PACKAGES, A, B, &["a-v0.3.0", "b-v0.3.0"])
}

/// Everything a refusal must leave as it was: the work tree and every byte under .git (index,
/// refs, reflogs, objects), each changelog included.
pub(crate) fn refused_untouched(repo: &Repo, args: &[&str]) -> String {
    let before = listing(&repo.path());
    let refs = repo.git(&["for-each-ref"]);
    let out = dated_release(repo, args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(listing(&repo.path()) == before, "the refusal changed files");
    assert_eq!(repo.git(&["for-each-ref"]), refs);
    resolves(repo);
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    err
}

#[test]
fn a_crate_sharing_the_workspace_version_is_not_released_alone() {
    let repo = inheriting();
    let err = refused_untouched(&repo, &["--package", "a", "--no-test"]);
    for says in [
        "crates/a/Cargo.toml",
        "`version.workspace = true`",
        "shared with b",
        "nothing was released",
        "`version = \"0.3.0\"`",
        "`relhook release --package a --no-test`",
    ] {
        assert!(err.contains(says), "{says}: {err}");
    }
    // A dry run is the same plan: refused the same way.
    let dry = refused_untouched(&repo, &["--package", "a", "--dry-run", "--no-test"]);
    assert_eq!(dry, err);
    // So is every package at once: each tag would still be on a tree at 0.3.0.
    let all = refused_untouched(&repo, &["--all", "--no-test"]);
    assert!(all.contains("`relhook release --all --no-test`"), "{all}");
}

/// `a` with a version of its own, `b` inheriting the workspace's: `b` is due a patch for its
/// moved requirement, which its version (the workspace's) cannot take.
#[test]
fn a_dependent_sharing_the_workspace_version_is_not_released_alone() {
    let own = A.replace("version.workspace = true", "version = \"0.3.0\"");
    let repo = workspace(PACKAGES, &own, B, &["a-v0.3.0", "b-v0.3.0"]);
    let err = refused_untouched(&repo, &["--package", "a", "--no-test"]);
    assert!(err.contains("crates/b/Cargo.toml"), "{err}");
    assert!(err.contains("`version.workspace = true`"), "{err}");
    // Without the dependents' releases, `a` alone is released and the tree resolves.
    let config = format!("{PACKAGES}\n[release]\nbump_dependents = false\n");
    let repo = workspace(&config, &own, B, &["a-v0.3.0", "b-v0.3.0"]);
    let out = dated_release(&repo, &["--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "a-v0.3.1");
    assert!(
        repo.read("crates/a/Cargo.toml")
            .contains("version = \"0.3.1\"")
    );
    resolves(&repo);
}

/// The way out the refusal names: each crate with a version of its own, then the release.
#[test]
fn with_versions_of_their_own_the_crates_are_released_and_the_tree_resolves() {
    let repo = inheriting();
    let err = refused_untouched(&repo, &["--package", "a", "--no-test"]);
    assert!(err.contains("crates/b/Cargo.toml"), "both named: {err}");
    for (path, text) in [("crates/a/Cargo.toml", A), ("crates/b/Cargo.toml", B)] {
        repo.write(
            path,
            text.replace("version.workspace = true", "version = \"0.3.0\""),
        );
    }
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: give each crate its own version");
    let out = dated_release(&repo, &["--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tags = repo.git(&["tag", "--points-at", "HEAD"]);
    assert_eq!(tags, "a-v0.3.1\nb-v0.3.1");
    assert!(
        repo.read("crates/a/Cargo.toml")
            .contains("version = \"0.3.1\"")
    );
    assert!(
        repo.read("crates/b/Cargo.toml")
            .contains("a = { path = \"../a\", version = \"0.3.1\" }")
    );
    resolves(&repo);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// The same workspace released as one project (no `[packages]`): `[workspace.package]
/// version`, the requirement and Cargo.lock move together.
#[test]
fn released_as_one_project_the_workspace_version_moves_with_its_lock() {
    let config = "[checks]\nrequire_tested_tags = false\n";
    let repo = workspace(config, A, B, &["v0.3.0"]);
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v0.3.1");
    shared_version_moved(&repo);
    resolves(&repo);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// A crate inheriting the workspace's version that the release does not touch is no obstacle.
#[test]
fn a_crate_with_its_own_version_beside_inheriting_ones_is_released() {
    let own = A.replace("version.workspace = true", "version = \"0.3.0\"");
    let b = "[package]\nname = \"b\"\nversion.workspace = true\nedition.workspace = true\n";
    let repo = workspace(PACKAGES, &own, b, &["a-v0.3.0", "b-v0.3.0"]);
    let out = dated_release(&repo, &["--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "a-v0.3.1");
    assert_eq!(repo.read("crates/b/Cargo.toml"), b);
    resolves(&repo);
}

/// A hand tag changes its package's version files only; a crate sharing the workspace's
/// version has none of its own, so `a-v0.3.1` would name a crate that still says 0.3.0.
#[test]
fn a_hand_tag_of_a_crate_sharing_the_workspace_version_is_refused() {
    let repo = inheriting();
    let before = listing(&repo.path().join("crates"));
    let err = hand_tag_refused(&repo, "a-v0.3.1");
    assert!(err.contains("`version.workspace = true`"), "{err}");
    assert!(err.contains("shared with b"), "{err}");
    assert!(listing(&repo.path().join("crates")) == before);
    // At the version the workspace says, the tag names what the tree holds.
    let repo = workspace(PACKAGES, A, B, &["a-v0.2.0", "b-v0.2.0"]);
    let out = hand_tag(&repo, &["-a", "a-v0.3.0", "-m", "a-v0.3.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    resolves(&repo);
}
