//! Found by QA on a Cargo workspace released per package (`[packages]`) whose crates inherit
//! the root manifest's `[workspace.package] version`: a plain `relhook release` (the root
//! project's) took that version for the root's own and bumped it, so every package crate
//! changed version with no tag or changelog entry of its own. The version the packages share is
//! theirs: the root release refuses to move it, and moves the root's own version file when it
//! has one. `relhook init` proposes no `[packages]` tables for crates that share one version.

use crate::qa22_cargo_inherit::{
    A, B, PACKAGES, ROOT, cargo, installed_workspace, refused_untouched, resolves,
};
use crate::support::{Repo, dated_release, hand_tag_refused, text};

const CHANGELOG: &str = "# Changelog\n\n## [Unreleased]\n";

/// The workspace (root manifest `root`, `a` and `b` its members inheriting its version, `b`
/// requiring `a`), its lock file, the configuration `config`, `extra` files, `tags` made,
/// relhook installed, and a feature of the root project (no package's) on top.
fn workspace(config: &str, root: &str, extra: &[(&str, &str)], tags: &[&str]) -> Repo {
    let files: Vec<(&str, &str)> = [("CHANGELOG.md", CHANGELOG)]
        .into_iter()
        .chain(extra.iter().copied())
        .collect();
    let repo = installed_workspace(config, [root, A, B], &files, tags);
    repo.write("tool.txt", "a root thing\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: root thing");
    assert!(repo.read("CHANGELOG.md").contains("- root thing"));
    resolves(&repo);
    repo
}

const TAGS: &[&str] = &["a-v0.3.0", "b-v0.3.0", "v0.3.0"];

#[test]
fn the_root_release_does_not_move_the_version_its_packages_share() {
    let repo = workspace(PACKAGES, ROOT, &[], TAGS);
    let err = refused_untouched(&repo, &["--no-test"]);
    for says in [
        "Cargo.toml",
        "[workspace.package] version = \"0.3.0\"",
        "crates a and b",
        "[packages]",
        "nothing was released",
        "`version = \"0.3.0\"`",
        "crates/a/Cargo.toml and crates/b/Cargo.toml",
        "one project",
    ] {
        assert!(err.contains(says), "{says}: {err}");
    }
    // The dry run is the same plan, refused the same way.
    assert_eq!(refused_untouched(&repo, &["--dry-run", "--no-test"]), err);
    // So is the root's hand tag: it would bump the same files.
    let tag = hand_tag_refused(&repo, "v0.3.1");
    assert!(tag.contains("crates a and b"), "{tag}");
}

/// The way out the refusal names: the crates with versions of their own, then the root
/// release moves `[workspace.package] version` (no package's any more), and no crate's.
#[test]
fn with_versions_of_their_own_the_root_release_leaves_the_crates() {
    let repo = workspace(PACKAGES, ROOT, &[], TAGS);
    refused_untouched(&repo, &["--no-test"]);
    let own_a = A.replace("version.workspace = true", "version = \"0.3.0\"");
    let own_b = B.replace("version.workspace = true", "version = \"0.3.0\"");
    repo.write("crates/a/Cargo.toml", &own_a);
    repo.write("crates/b/Cargo.toml", &own_b);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: give each crate its own version");
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v0.3.1");
    assert_eq!(repo.read("crates/a/Cargo.toml"), own_a);
    assert_eq!(repo.read("crates/b/Cargo.toml"), own_b);
    resolves(&repo);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// A root `[package]` with a version of its own: that is the root project's version, and the
/// only one its release moves.
#[test]
fn a_root_crate_with_its_own_version_moves_only_that() {
    let root = ROOT.replace(
        "[workspace]\n",
        "[package]\nname = \"tool\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n[workspace]\n",
    );
    let repo = workspace(
        PACKAGES,
        &root,
        &[("src/lib.rs", "\n")],
        &["a-v0.3.0", "b-v0.3.0", "v1.0.0"],
    );
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v1.1.0");
    assert_eq!(
        repo.read("Cargo.toml"),
        root.replace("version = \"1.0.0\"", "version = \"1.1.0\"")
    );
    assert_eq!(repo.read("crates/a/Cargo.toml"), A);
    assert_eq!(repo.read("crates/b/Cargo.toml"), B);
    let lock = repo.read("Cargo.lock");
    assert!(lock.contains("name = \"a\"\nversion = \"0.3.0\""), "{lock}");
    assert!(
        lock.contains("name = \"tool\"\nversion = \"1.1.0\""),
        "{lock}"
    );
    resolves(&repo);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// A version file of the root's own listed in `[version] files`: the root release moves it,
/// and leaves `[workspace.package] version` (the packages') as it is.
#[test]
fn a_listed_version_file_of_the_root_moves_alone() {
    let config = format!(
        "[version]\nfiles = [{{ path = \"VERSION\", pattern = \"{{version}}\" }}]\n\n{PACKAGES}"
    );
    // At the packages' version, so only whose version it is tells them apart.
    let repo = workspace(&config, ROOT, &[("VERSION", "0.3.0\n")], TAGS);
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v0.3.1");
    assert_eq!(repo.read("VERSION"), "0.3.1\n");
    assert_eq!(repo.read("Cargo.toml"), ROOT);
    assert_eq!(repo.read("crates/b/Cargo.toml"), B);
    resolves(&repo);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// Listed in `[version] files` itself, the packages' version is still theirs: refused, with
/// the listing named.
#[test]
fn a_listed_workspace_version_of_the_packages_is_refused() {
    let config = format!(
        "[version]\nfiles = [{{ path = \"Cargo.toml\", key = \"workspace.package.version\" }}]\n\n{PACKAGES}"
    );
    let repo = workspace(&config, ROOT, &[], TAGS);
    let err = refused_untouched(&repo, &["--no-test"]);
    assert!(err.contains("crates a and b"), "{err}");
    assert!(err.contains("`[version] files`"), "{err}");
}

/// The workspace as a user starts it: the root manifest `root`, crates `a` and `b` (`a_text`,
/// `b_text`), its lock file, nothing committed, no configuration.
fn fresh_workspace(root: &str, a_text: &str, b_text: &str) -> Repo {
    let repo = Repo::new();
    repo.write("Cargo.toml", root);
    repo.write("crates/a/Cargo.toml", a_text);
    repo.write("crates/b/Cargo.toml", b_text);
    repo.write("crates/a/src/lib.rs", "\n");
    repo.write("crates/b/src/lib.rs", "\n");
    repo.write(".gitignore", "/target\n");
    let out = cargo(&repo, &["generate-lockfile"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

/// The lines of `init`'s console output that mention `needle`.
fn lines_with<'a>(console: &'a str, needle: &str) -> Vec<&'a str> {
    console.lines().filter(|l| l.contains(needle)).collect()
}

/// Every crate shares `[workspace.package] version`: the workspace is one project, so `init`
/// proposes no `[packages]` tables (which every release would refuse) and says why, once;
/// the root release it leads to moves the shared version with the crates' requirements.
#[test]
fn init_proposes_no_packages_for_crates_sharing_the_workspace_version() {
    let repo = fresh_workspace(ROOT, A, B);
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let config = repo.read(".relconfig.toml");
    assert!(!config.contains("\n[packages."), "{config}");
    assert!(
        config.contains("\n# No [packages] tables are proposed:"),
        "{config}"
    );
    let console = crate::support::stdout(&out);
    let said = lines_with(&console, "one version");
    assert_eq!(said.len(), 1, "{console}");
    for says in [
        "No [packages] tables",
        "[workspace.package] version",
        "one project",
    ] {
        assert!(said[0].contains(says), "{says}: {console}");
    }
    assert!(!console.contains("found 2 packages"), "{console}");
    // The way it leads: a root release of the workspace, which moves the crates together.
    let untested = config.replace("require_tested_tags = true", "require_tested_tags = false");
    assert_ne!(untested, config);
    repo.write(".relconfig.toml", &untested);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v0.3.0", "-m", "v0.3.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("crates/a/src/lib.rs", "pub fn thing() {}\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a): thing");
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v0.3.1");
    assert_eq!(repo.read("Cargo.toml"), ROOT.replace("0.3.0", "0.3.1"));
    assert_eq!(
        repo.read("crates/b/Cargo.toml"),
        B.replace("0.3.0", "0.3.1")
    );
    resolves(&repo);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// A crate with a version of its own beside one sharing the workspace's: the first gets its
/// table, the second is named once as released with the root project.
#[test]
fn init_proposes_a_package_only_for_a_crate_with_its_own_version() {
    let own = A.replace("version.workspace = true", "version = \"0.5.0\"");
    let b = B.replace("version = \"0.3.0\" }", "version = \"0.5.0\" }");
    let repo = fresh_workspace(ROOT, &own, &b);
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("[packages.a]\npath = \"crates/a\""),
        "{config}"
    );
    assert!(!config.contains("[packages.b]"), "{config}");
    assert!(!config.contains("No [packages] tables"), "{config}");
    let console = crate::support::stdout(&out);
    let said = lines_with(&console, "one version");
    assert_eq!(said.len(), 1, "{console}");
    for says in ["crates/b", "[workspace.package] version", "one project"] {
        assert!(said[0].contains(says), "{says}: {console}");
    }
    assert!(console.contains("a (crates/a)"), "{console}");
    assert!(!console.contains("b (crates/b)"), "{console}");
}
