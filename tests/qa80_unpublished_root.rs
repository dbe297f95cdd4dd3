//! QA80: a root crate that says `publish = false` ships nowhere, as a root package.json that
//! says `"private": true` does; yet `relhook release --package a` wrote the `**deps:**` entry
//! of its moved requirement into the root changelog, which the private package.json never
//! gets. The root crate now gets the same treatment: the requirement moves, no entry, and the
//! plan says why.

use crate::support::{Repo, ok, stdout, text};

/// A workspace whose root crate `app` (at 1.0.0, `publish` as `publish` gives it, a
/// changelog of its own) requires package `a` (crates/a, 1.0.0); both released, relhook
/// installed and a breaking change of a committed.
fn root_requiring_a(publish: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        format!("[package]\nname = \"app\"\nversion = \"1.0.0\"\nedition = \"2021\"\n{publish}\n[dependencies]\na = {{ path = \"crates/a\", version = \"1.0.0\" }}\n\n[workspace]\nmembers = [\".\", \"crates/a\"]\n"),
    );
    repo.write(
        "crates/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/a/src/lib.rs", "");
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n\n[packages.a]\npath = \"crates/a\"\n",
    );
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.write(".gitignore", "target/\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "a-v1.0.0", "-m", "a-v1.0.0"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/a/src/lib.rs", "pub fn x() {}\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat!: break a"]);
    repo
}

const ENTRY: &str = "- **deps:** require a 2.0.0 (`1.0.0` → `2.0.0` in Cargo.toml)";

#[test]
fn an_unpublished_root_crate_gets_no_deps_entry_and_the_plan_says_why() {
    let repo = root_requiring_a("publish = false\n");
    let plan = stdout(&ok(repo.relhook(&[
        "release",
        "--package",
        "a",
        "--dry-run",
    ])));
    assert!(
        plan.contains("(the root project's, whose Cargo.toml says `publish = false`: it ships nowhere, so its changelog gets no entry)"),
        "{plan}"
    );
    let out = repo.relhook(&["release", "--package", "a"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        "# Changelog\n\n## [Unreleased]\n"
    );
    // The requirement moves all the same: the workspace still resolves.
    assert!(
        repo.read("Cargo.toml")
            .contains("a = { path = \"crates/a\", version = \"2.0.0\" }")
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn an_empty_registry_list_is_unpublished_too_and_a_published_root_keeps_its_entry() {
    let repo = root_requiring_a("publish = []\n");
    ok(repo.relhook(&["release", "--package", "a"]));
    assert!(!repo.read("CHANGELOG.md").contains("**deps:**"));

    let repo = root_requiring_a("");
    ok(repo.relhook(&["release", "--package", "a"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(ENTRY), "{log}");
}
