//! QA49: a root project with a version and changelog of its own (a root crate, a published
//! top package.json) that requires a package had its shipped requirement rewritten by the
//! package's release, but got no changelog entry ("no package of its own"), so nothing ever
//! released it. Its Unreleased now gets the `**deps:**` entry in the same release commit.
//! And a hand tag of a stable version on a sibling's pre-release advised `--pre rc`, which
//! `git tag` cannot take: it now names the pre-release tag to make, or the full release.

use crate::support::{Repo, hand_tag_refused, ok, stdout, text};

const CONFIG: &str =
    "[checks]\nrequire_tested_tags = false\n[packages.core]\npath = \"crates/core\"\n";

/// Commits a change of `file` (and nothing else: a root file would make it the root's too)
/// through the hooks.
fn change(repo: &Repo, file: &str, message: &str) {
    let mut before = repo.read(file);
    before.push_str("//\n");
    repo.write(file, before);
    let out = repo.git_output(&["commit", "-q", "-am", message]);
    assert!(out.status.success(), "{}", text(&out));
}

/// A root crate `app 3.0.0` (released) requiring `core = { path, version = "1.0" }`, core
/// released at 1.0.0, then a breaking change of core.
fn root_crate() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"3.0.0\"\nedition = \"2021\"\n\n[dependencies]\ncore = { path = \"crates/core\", version = \"1.0\" }\n\n[workspace]\nmembers = [\".\", \"crates/*\"]\n",
    );
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/core/src/lib.rs", "pub fn c() {}\n");
    repo.write(".relconfig.toml", CONFIG);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    change(&repo, "src/main.rs", "fix: app fix");
    change(&repo, "crates/core/src/lib.rs", "fix(core): core fix");
    ok(repo.relhook(&["release", "--no-test"]));
    ok(repo.relhook(&["release", "--package", "core", "--no-test"]));
    change(&repo, "crates/core/src/lib.rs", "feat(core)!: core break");
    repo
}

const CARGO_ENTRY: &str = "- **deps:** require core 2.0.0 (`1.0` → `2.0` in Cargo.toml)";

#[test]
fn a_root_crate_requiring_a_released_package_gets_the_entry_in_its_unreleased() {
    let repo = root_crate();
    let plan = ok(repo.relhook(&["release", "--package", "core", "--dry-run", "--no-test"]));
    let plan = stdout(&plan);
    assert!(
        plan.contains("the root project's: under `## [Unreleased]`")
            && !plan.contains("no package of its own"),
        "{plan}"
    );
    ok(repo.relhook(&["release", "--package", "core", "--no-test"]));
    assert!(repo.is_clean());
    assert!(repo.read("Cargo.toml").contains("version = \"2.0\" }"));
    // Written by the release commit itself.
    let files = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(files.lines().any(|f| f == "CHANGELOG.md"), "{files}");
    let log = repo.read("CHANGELOG.md");
    let unreleased = &log[..log.find("## [3.0.0]").unwrap()];
    assert!(unreleased.contains(CARGO_ENTRY), "{log}");
    // A rebuild from history keeps it.
    let rebuilt = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert!(stdout(&rebuilt).contains(CARGO_ENTRY), "{}", text(&rebuilt));
    // The root's next release ships it.
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "3.0.1");
    ok(repo.relhook(&["release", "--no-test"]));
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v3.0.1"]);
    assert!(notes.contains(CARGO_ENTRY), "{notes}");
}

/// A top package.json (private or not) at 5.0.0 in an npm workspace requiring `a` `^1.0.0`;
/// a released at 1.0.0, then a breaking change of a.
fn root_package(private: bool) -> Repo {
    let repo = Repo::new();
    let private = if private { "\"private\": true, " } else { "" };
    repo.write(
        "package.json",
        format!(
            "{{ \"name\": \"rootapp\", {private}\"version\": \"5.0.0\", \"workspaces\": [\"packages/*\"], \"dependencies\": {{ \"a\": \"^1.0.0\" }} }}\n"
        ),
    );
    repo.write(
        "packages/a/package.json",
        "{ \"name\": \"a\", \"version\": \"1.0.0\" }\n",
    );
    repo.write("packages/a/index.js", "\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"packages/a\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    change(&repo, "packages/a/index.js", "fix(a): one");
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    change(&repo, "packages/a/index.js", "feat(a)!: two");
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    assert!(repo.read("package.json").contains("\"a\": \"^2.0.0\""));
    repo
}

#[test]
fn a_published_root_package_gets_the_entry_in_its_unreleased() {
    let repo = root_package(false);
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- **deps:** require a 2.0.0 (`^1.0.0` → `^2.0.0` in package.json)"),
        "{log}"
    );
}

#[test]
fn a_private_root_package_ships_nothing_and_gets_no_entry() {
    let repo = root_package(true);
    let log = std::fs::read_to_string(repo.path().join("CHANGELOG.md")).unwrap_or_default();
    assert!(!log.contains("**deps:**"), "{log}");
}

/// core 1.0.0 and api 0.3.0 (`core = { path, version = "1.0" }`), both released as rc by
/// `release --package core --pre rc`, then a fix of api.
fn api_on_rc() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
    );
    repo.write(
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"0.3.0\"\nedition = \"2021\"\n\n[dependencies]\ncore = { path = \"../core\", version = \"1.0\" }\n",
    );
    repo.write("crates/core/src/lib.rs", "pub fn c() {}\n");
    repo.write("crates/api/src/lib.rs", "pub fn a() {}\n");
    repo.write(
        ".relconfig.toml",
        format!("{CONFIG}[packages.api]\npath = \"crates/api\"\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    change(&repo, "crates/core/src/lib.rs", "feat(core): more");
    ok(repo.relhook(&["release", "--package", "core", "--pre", "rc", "--no-test"]));
    change(&repo, "crates/api/src/lib.rs", "fix(api): fix");
    repo
}

#[test]
fn a_hand_tag_on_a_pre_release_names_the_tag_to_make_instead() {
    let repo = api_on_rc();
    let said = hand_tag_refused(&repo, "api-v0.3.1");
    assert!(
        said.contains("requires a pre-release of core (`1.0.0-rc.1` in crates/api/Cargo.toml)"),
        "{said}"
    );
    let tag = "git tag -a api-v0.3.1-rc.1 -m 'api 0.3.1-rc.1'";
    assert!(
        said.contains(&format!("`{tag}`"))
            && said.contains("`relhook release --package api --pre rc`")
            && !said.contains("(`--pre rc`)"),
        "{said}"
    );
    // Pasted, it tags.
    let out = repo.sh(tag);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["tag", "-l", "api-v0.3.1-rc.1"]),
        "api-v0.3.1-rc.1"
    );
}
