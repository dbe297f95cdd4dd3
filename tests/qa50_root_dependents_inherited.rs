//! QA50: a requirement inherited from `[workspace.dependencies]` (`core = { workspace = true }`)
//! links the root project and a package as a requirement of the package's own does. A root
//! release moved the workspace's requirement on a root crate but gave the package inheriting
//! it no `**deps:**` entry and no plan line; a package release moving one a crate of the root
//! project inherits gave the root none.

use crate::qa50_root_dependents::{CONFIG, adopted, change};
use crate::support::{Repo, hand_tag, hand_tag_refused, ok, stderr, stdout, text};

/// A virtual workspace at `[workspace.package] version = "0.1.0"` whose
/// `[workspace.dependencies]` holds `dep` (and whatever `table` adds).
fn workspace(dep: &str) -> String {
    format!(
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace.dependencies]\n{dep}\n"
    )
}

/// The root's crate core shares the workspace's version; package api (1.0.0, released)
/// inherits `core = { path, version = "0.1.0" }`; then a breaking change of core.
fn api_inherits_core(config: &str) -> Repo {
    let repo = adopted(
        &[
            (
                "Cargo.toml",
                &workspace("core = { path = \"crates/core\", version = \"0.1.0\" }"),
            ),
            (
                "crates/core/Cargo.toml",
                "[package]\nname = \"core\"\nversion.workspace = true\nedition.workspace = true\n",
            ),
            ("crates/core/src/lib.rs", "pub fn c() {}\n"),
            (
                "crates/api/Cargo.toml",
                "[package]\nname = \"api\"\nversion = \"1.0.0\"\nedition.workspace = true\n\n[dependencies]\ncore = { workspace = true }\n",
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

const CORE_ENTRY: &str = "**deps:** require core 0.2.0 (`0.1.0` → `0.2.0` in Cargo.toml)";

/// After the root's 0.2.0: the workspace requires it, api's Unreleased says so, and api is due
/// a patch.
fn api_follows(repo: &Repo) {
    assert!(repo.is_clean());
    let top = repo.read("Cargo.toml");
    assert!(
        top.contains("core = { path = \"crates/core\", version = \"0.2.0\" }"),
        "{top}"
    );
    let log = repo.read("crates/api/CHANGELOG.md");
    let unreleased = &log[..log.find("## [1.0.0]").unwrap()];
    assert!(unreleased.contains(&format!("- {CORE_ENTRY}")), "{log}");
    let all = ok(repo.relhook(&["version", "--all", "--next"]));
    assert!(
        stdout(&all).contains("api 1.0.0 -> 1.0.1"),
        "{}",
        text(&all)
    );
}

#[test]
fn a_root_release_gives_the_package_inheriting_its_requirement_the_entry() {
    let repo = api_inherits_core(CONFIG);
    let plan = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    let said = stderr(&plan);
    assert!(
        said.contains(CORE_ENTRY)
            && said.contains("under `## [Unreleased]` in crates/api/CHANGELOG.md"),
        "{}",
        text(&plan)
    );
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "v0.2.0");
    api_follows(&repo);
}

#[test]
fn a_root_hand_tag_gives_the_inheriting_package_the_entry_too() {
    let repo = api_inherits_core(CONFIG);
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "v0.2.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(CORE_ENTRY), "{}", text(&out));
    api_follows(&repo);
}

#[test]
fn bump_dependents_off_refuses_leaving_an_inherited_requirement_unmet() {
    let repo = api_inherits_core(&format!("{CONFIG}[release]\nbump_dependents = false\n"));
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("Cargo.toml:10: the requirement on core (workspace.dependencies) `0.1.0` does not admit 0.2.0")
            && said.lines().count() == 1,
        "{said}"
    );
    assert!(repo.is_clean());
    assert_eq!(repo.git(&["tag", "-l", "v*"]), "");
    let said = hand_tag_refused(&repo, "v0.2.0");
    assert!(said.contains("Cargo.toml:10"), "{said}");
    assert!(repo.is_clean());
}

/// Package api (1.0.0, released) whose requirement `[workspace.dependencies]` holds; cli, a
/// crate of the root project (no package, the workspace's version), inherits it; the root at
/// 0.1.0 released; then a breaking change of api.
fn root_inherits_api() -> Repo {
    let repo = adopted(
        &[
            (
                "Cargo.toml",
                &workspace("api = { path = \"crates/api\", version = \"1.0.0\" }"),
            ),
            (
                "crates/cli/Cargo.toml",
                "[package]\nname = \"cli\"\nversion.workspace = true\nedition.workspace = true\n\n[dependencies]\napi = { workspace = true }\n",
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
    repo
}

#[test]
fn a_package_release_gives_the_root_inheriting_its_requirement_the_entry() {
    let repo = root_inherits_api();
    let plan = ok(repo.relhook(&["release", "--package", "api", "--dry-run", "--no-test"]));
    let plan = stdout(&plan);
    assert!(
        plan.contains("the root project's: under `## [Unreleased]`")
            && !plan.contains("no package of its own"),
        "{plan}"
    );
    ok(repo.relhook(&["release", "--package", "api", "--no-test"]));
    let top = repo.read("Cargo.toml");
    assert!(top.contains("version = \"2.0.0\" }"), "{top}");
    let log = repo.read("CHANGELOG.md");
    let entry = "- **deps:** require api 2.0.0 (`1.0.0` → `2.0.0` in Cargo.toml)";
    assert!(
        log[..log.find("## [0.1.0]").unwrap()].contains(entry),
        "{log}"
    );
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.1.1");
}

#[test]
fn a_package_hand_tag_leaving_the_inherited_requirement_unmet_is_refused() {
    let repo = root_inherits_api();
    let said = hand_tag_refused(&repo, "api-v2.0.0");
    assert!(
        said.contains("Cargo.toml requires api `1.0.0`, which 2.0.0 does not meet")
            && said.contains("relhook release --package api 2.0.0"),
        "{said}"
    );
}
