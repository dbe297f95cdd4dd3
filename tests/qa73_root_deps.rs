//! QA73: a package release that moves a requirement in the root project's own manifest (a
//! root crate beside its workspace's crates, release-plz's layout with a `[package]` at the
//! top, set up by `relhook init`) gives the root's `## [Unreleased]` the `**deps:**` entry a
//! package dependent gets, in the one release transaction, and doctor and `--sync` stay quiet.
//! A root requirement that gets no entry (a development dependency, a private top
//! package.json) was said as "no package of its own: nothing of it is released", as if the
//! root were a member of no package; the plan now says it is the root project's and why its
//! changelog gets no entry.

use crate::support::{Repo, ok, relhook_bin, stdout, text};

const ENTRY: &str = "- **deps:** require core 0.1.1 (`0.1.0` → `0.1.1` in Cargo.toml)";

/// A root crate `app 0.1.0` whose `[dependencies]` (or `table`) require `core = { path,
/// version = "0.1.0" }`, adopted through `relhook init`, core tagged at 0.1.0, then a fix of
/// core.
fn root_crate(table: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        format!(
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\nmembers = [\"crates/*\"]\n\n[{table}]\ncore = {{ path = \"crates/core\", version = \"0.1.0\" }}\n"
        ),
    );
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/core/src/lib.rs", "pub fn c() {}\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(config.contains("[packages.core]"), "{config}");
    repo.write(
        ".relconfig.toml",
        config.replace("require_tested_tags = true", "require_tested_tags = false"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    repo.git(&["tag", "-a", "core-v0.1.0", "-m", "core 0.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/core/src/lib.rs", "pub fn c() {}\n//\n");
    let out = repo.git_output(&["commit", "-q", "-am", "fix(core): a fix"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

fn unreleased(repo: &Repo) -> String {
    let log = std::fs::read_to_string(repo.path().join("CHANGELOG.md")).unwrap_or_default();
    let start = log.find("## [Unreleased]").unwrap_or(log.len());
    let end = log[start..].find("\n## [").map_or(log.len(), |e| start + e);
    log[start..end].to_owned()
}

#[test]
fn a_root_crate_gets_its_deps_entry_in_the_release_transaction() {
    let repo = root_crate("dependencies");
    let plan = ok(repo.relhook(&["release", "--package", "core", "--dry-run", "--no-test"]));
    let plan = stdout(&plan);
    assert!(
        plan.contains(
            "(the root project's: under `## [Unreleased]` in its changelog, for its next release)"
        ) && !plan.contains("nothing of it is released"),
        "{plan}"
    );
    // Failed past its commit, the release takes back all of it, the root's entry too.
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .env("RELHOOK_TEST_FAILPOINT", "release-committed")
        .args(["release", "--package", "core", "--no-test"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    assert!(repo.git(&["tag", "-l", "core-v0.1.1"]).is_empty());
    assert!(!unreleased(&repo).contains("**deps:**"));
    ok(repo.relhook(&["release", "--package", "core", "--no-test"]));
    assert!(repo.is_clean());
    let manifest = repo.read("Cargo.toml");
    assert!(
        manifest.contains("core = { path = \"crates/core\", version = \"0.1.1\" }"),
        "{manifest}"
    );
    let files = repo.git(&["show", "--name-only", "--format=", "core-v0.1.1"]);
    assert!(files.lines().any(|f| f == "CHANGELOG.md"), "{files}");
    assert!(unreleased(&repo).contains(ENTRY), "{}", unreleased(&repo));
    // Nothing missing, nothing extra.
    let doctor = repo.relhook(&["doctor"]);
    assert!(text(&doctor).contains("all is well"), "{}", text(&doctor));
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(text(&sync).contains("up to date"), "{}", text(&sync));
    assert!(repo.is_clean());
}

#[test]
fn a_root_development_dependency_is_said_as_the_roots_with_no_entry() {
    let repo = root_crate("dev-dependencies");
    let plan = ok(repo.relhook(&["release", "--package", "core", "--dry-run", "--no-test"]));
    let plan = stdout(&plan);
    assert!(
        plan.contains("(the root project's development dependency: what its releases ship does not change, so its changelog gets no entry)")
            && !plan.contains("no package of its own"),
        "{plan}"
    );
    ok(repo.relhook(&["release", "--package", "core", "--no-test"]));
    assert!(repo.read("Cargo.toml").contains("version = \"0.1.1\" }"));
    assert!(
        !unreleased(&repo).contains("**deps:**"),
        "{}",
        unreleased(&repo)
    );
}

#[test]
fn a_private_root_package_json_is_said_as_the_roots_with_no_entry() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{ \"name\": \"app\", \"private\": true, \"version\": \"1.0.0\", \"workspaces\": [\"packages/*\"], \"dependencies\": { \"core\": \"^0.1.0\" } }\n",
    );
    repo.write(
        "packages/core/package.json",
        "{ \"name\": \"core\", \"version\": \"0.1.0\" }\n",
    );
    repo.write("packages/core/index.js", "\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.core]\npath = \"packages/core\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "core-v0.1.0", "-m", "core 0.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("packages/core/index.js", "//\n");
    let out = repo.git_output(&["commit", "-q", "-am", "fix(core): a fix"]);
    assert!(out.status.success(), "{}", text(&out));
    let plan = ok(repo.relhook(&["release", "--package", "core", "--dry-run", "--no-test"]));
    let plan = stdout(&plan);
    assert!(
        plan.contains("(the root project's, whose package.json is private: it ships nowhere, so its changelog gets no entry)")
            && !plan.contains("no package of its own"),
        "{plan}"
    );
}
