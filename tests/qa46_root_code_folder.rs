//! QA46: release-plz's layout (crate app keeps its releases in the top's CHANGELOG.md), which
//! `relhook init` makes the root project with crates/app/Cargo.toml in `[version] files`. The
//! virtual workspace's root took crates/app for tooling: a commit changing app's and core's
//! code got core's entry only, the root's next version ignored it, and nothing said so. The
//! folders of the root's version files are its code now.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn a_change_in_the_root_projects_crate_folder_is_the_roots() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n",
    );
    repo.write(
        "crates/app/Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"0.3.0\"\nedition = \"2021\"\n\n[dependencies]\ncore = { path = \"../core\", version = \"0.2.0\" }\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.2.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/app/src/main.rs", "fn main() {}\n");
    repo.write("crates/core/src/lib.rs", "\n");
    repo.write(
        "release-plz.toml",
        "[[package]]\nname = \"app\"\nchangelog_path = \"./CHANGELOG.md\"\n",
    );
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [0.3.0](https://x/compare/app-v0.2.0...app-v0.3.0) - 2024-01-01\n\n### Added\n\n- first\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "app-v0.3.0", "-m", "app-v0.3.0"]);
    repo.git(&["tag", "-a", "core-v0.2.0", "-m", "core-v0.2.0"]);
    ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("crates/app/Cargo.toml") && !config.contains("[packages.app]"),
        "{config}"
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    ok(repo.relhook(&["install"]));

    repo.write("crates/app/src/main.rs", "fn main() {}\n// x\n");
    repo.write("crates/core/src/lib.rs", "\n// x\n");
    let out = ok(repo.git_output(&["commit", "-q", "-a", "-m", "fix: app and core together"]));
    let root = repo.read("CHANGELOG.md");
    let unreleased = root.split("## [0.3.0]").next().unwrap();
    assert!(
        unreleased.contains("- app and core together"),
        "{root}\n{}",
        text(&out)
    );
    assert!(
        repo.read("crates/core/CHANGELOG.md")
            .contains("- app and core together")
    );
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "0.3.1", "{}", text(&out));

    // Tooling outside every package (CI) stays no change of the root's.
    repo.write(".github/ci.yml", "on: push\n");
    repo.write("crates/core/src/lib.rs", "\n// y\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: core and its ci"]));
    assert!(!repo.read("CHANGELOG.md").contains("core and its ci"));
    assert!(
        repo.read("crates/core/CHANGELOG.md")
            .contains("core and its ci")
    );
}
