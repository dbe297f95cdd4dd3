//! QA50: the dependency link between the root project's crates and the packages. A root
//! release (hand tag or `relhook release`) left a package's requirement on a root crate at the
//! old version (cargo no longer resolved), also with `bump_dependents = false`, unrefused; a
//! requirement it did rewrite gave the package no `**deps:**` entry. And a package release
//! moving a requirement of a crate sharing the root's `[workspace.package] version` said "no
//! package of its own" and gave the root no entry.

use crate::support::{Repo, hand_tag, hand_tag_refused, ok, stderr, stdout, text};

pub(crate) const CONFIG: &str =
    "[checks]\nrequire_tested_tags = false\n[packages.api]\npath = \"crates/api\"\n";

/// Commits a change of `file` through the hooks.
pub(crate) fn change(repo: &Repo, file: &str, message: &str) {
    let mut before = repo.read(file);
    before.push_str("//\n");
    repo.write(file, before);
    let out = repo.git_output(&["commit", "-q", "-am", message]);
    assert!(out.status.success(), "{}", text(&out));
}

/// Commits `files` with `config` as `chore: init` and installs relhook.
pub(crate) fn adopted(files: &[(&str, &str)], config: &str) -> Repo {
    let repo = Repo::new();
    for (path, body) in files {
        repo.write(path, body);
    }
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo
}

/// A root crate `app 2.0.0` (members `.` and `crates/*`, released) required by package api
/// (`app = { path = "../..", version = "2.0.0" }`, released at 1.0.0), then a breaking change
/// of app.
fn api_on_root_crate() -> Repo {
    let repo = adopted(
        &[
            (
                "Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"2.0.0\"\nedition = \"2021\"\n\n[workspace]\nmembers = [\".\", \"crates/*\"]\n",
            ),
            ("src/lib.rs", "pub fn f() {}\n"),
            (
                "crates/api/Cargo.toml",
                "[package]\nname = \"api\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n[dependencies]\napp = { path = \"../..\", version = \"2.0.0\" }\n",
            ),
            ("crates/api/src/lib.rs", "pub fn a() {}\n"),
        ],
        CONFIG,
    );
    change(&repo, "src/lib.rs", "fix: app fix");
    ok(repo.relhook(&["release", "--no-test"]));
    change(&repo, "crates/api/src/lib.rs", "fix(api): api fix");
    ok(repo.relhook(&["release", "--package", "api", "--no-test"]));
    change(&repo, "src/lib.rs", "feat!: app breaks");
    repo
}

const APP_ENTRY: &str =
    "- **deps:** require app 3.0.0 (`2.0.0` → `3.0.0` in crates/api/Cargo.toml)";

/// After the root's 3.0.0: api requires it, its Unreleased says so, and it is due a patch.
fn api_follows(repo: &Repo) {
    assert!(repo.is_clean());
    let api = repo.read("crates/api/Cargo.toml");
    assert!(
        api.contains("app = { path = \"../..\", version = \"3.0.0\" }"),
        "{api}"
    );
    let files = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(
        files.lines().any(|f| f == "crates/api/CHANGELOG.md"),
        "{files}"
    );
    let log = repo.read("crates/api/CHANGELOG.md");
    let unreleased = &log[..log.find("## [1.0.0]").unwrap()];
    assert!(unreleased.contains(APP_ENTRY), "{log}");
    let all = ok(repo.relhook(&["version", "--all", "--next"]));
    assert!(
        stdout(&all).contains("api 1.0.0 -> 1.0.1"),
        "{}",
        text(&all)
    );
}

#[test]
fn a_root_release_moves_a_packages_requirement_and_gives_it_the_entry() {
    let repo = api_on_root_crate();
    let plan = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    let said = stderr(&plan);
    assert!(
        said.contains(&APP_ENTRY[2..])
            && said.contains("under `## [Unreleased]` in crates/api/CHANGELOG.md"),
        "{said}"
    );
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.git(&["tag", "-l", "v3.0.0"]), "v3.0.0");
    api_follows(&repo);
}

#[test]
fn a_root_hand_tag_does_the_same() {
    let repo = api_on_root_crate();
    let out = hand_tag(&repo, &["-a", "v3.0.0", "-m", "v3.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(&APP_ENTRY[2..]), "{}", text(&out));
    api_follows(&repo);
}

/// A virtual workspace at `[workspace.package] version = "0.1.0"`: the root's crate core
/// inherits it, package api (1.0.0, released) requires `core = { path, version = "0.1.0" }`;
/// then a breaking change of core.
fn api_on_shared_version(config: &str) -> Repo {
    let repo = adopted(
        &[
            (
                "Cargo.toml",
                "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            ),
            (
                "crates/core/Cargo.toml",
                "[package]\nname = \"core\"\nversion.workspace = true\nedition.workspace = true\n",
            ),
            ("crates/core/src/lib.rs", "pub fn c() {}\n"),
            (
                "crates/api/Cargo.toml",
                "[package]\nname = \"api\"\nversion = \"1.0.0\"\nedition.workspace = true\n\n[dependencies]\ncore = { path = \"../core\", version = \"0.1.0\" }\n",
            ),
            ("crates/api/src/lib.rs", "pub fn a() {}\n"),
        ],
        config,
    );
    change(&repo, "crates/api/src/lib.rs", "fix(api): api fix");
    ok(repo.relhook(&["release", "--package", "api", "--no-test"]));
    change(&repo, "crates/core/src/lib.rs", "feat(core)!: core breaks");
    repo
}

#[test]
fn bump_dependents_off_refuses_a_root_release_leaving_a_package_unmet() {
    let repo = api_on_shared_version(&format!("{CONFIG}[release]\nbump_dependents = false\n"));
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("crates/api/Cargo.toml:7: the requirement on core (dependencies) `0.1.0` does not admit 0.2.0")
            && said.contains("bump_dependents = false")
            && said.lines().count() == 1,
        "{said}"
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(repo.is_clean());
    assert_eq!(repo.git(&["tag", "-l", "v*"]), "");
    // The hand tag is refused alike.
    let said = hand_tag_refused(&repo, "v0.2.0");
    assert!(said.contains("crates/api/Cargo.toml:7"), "{said}");
    assert!(repo.is_clean());
}

#[test]
fn a_shared_version_release_gives_the_requiring_package_its_entry() {
    let repo = api_on_shared_version(CONFIG);
    let plan = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    let entry = "**deps:** require core 0.2.0 (`0.1.0` → `0.2.0` in crates/api/Cargo.toml)";
    assert!(stderr(&plan).contains(entry), "{}", text(&plan));
    ok(repo.relhook(&["release", "--no-test"]));
    assert!(repo.read("crates/api/CHANGELOG.md").contains(entry));
    let all = ok(repo.relhook(&["version", "--all", "--next"]));
    assert!(
        stdout(&all).contains("api 1.0.0 -> 1.0.1"),
        "{}",
        text(&all)
    );
}

#[test]
fn a_crate_sharing_the_roots_version_gives_the_root_the_entry() {
    let repo = adopted(
        &[
            (
                "Cargo.toml",
                "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            ),
            (
                "crates/cli/Cargo.toml",
                "[package]\nname = \"cli\"\nversion.workspace = true\nedition.workspace = true\n\n[dependencies]\napi = { path = \"../api\", version = \"1.0.0\" }\n",
            ),
            ("crates/cli/src/lib.rs", "pub fn c() {}\n"),
            (
                "crates/api/Cargo.toml",
                "[package]\nname = \"api\"\nversion = \"1.0.0\"\nedition.workspace = true\n",
            ),
            ("crates/api/src/lib.rs", "pub fn a() {}\n"),
        ],
        CONFIG,
    );
    change(&repo, "crates/cli/src/lib.rs", "fix(cli): cli fix");
    ok(repo.relhook(&["release", "--no-test"]));
    change(&repo, "crates/api/src/lib.rs", "fix(api): api fix");
    ok(repo.relhook(&["release", "--package", "api", "--no-test"]));
    change(&repo, "crates/api/src/lib.rs", "feat(api)!: api breaks");
    let plan = ok(repo.relhook(&["release", "--package", "api", "--dry-run", "--no-test"]));
    let plan = stdout(&plan);
    assert!(
        plan.contains("the root project's: under `## [Unreleased]`")
            && !plan.contains("no package of its own"),
        "{plan}"
    );
    ok(repo.relhook(&["release", "--package", "api", "--no-test"]));
    let log = repo.read("CHANGELOG.md");
    let entry = "- **deps:** require api 2.0.0 (`1.0.0` → `2.0.0` in crates/cli/Cargo.toml)";
    assert!(
        log[..log.find("## [0.1.0]").unwrap()].contains(entry),
        "{log}"
    );
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.1.1");
}
