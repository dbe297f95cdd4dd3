//! QA34: a package's release rewrote the requirements of the other packages only: a crate
//! of the root's (`version.workspace = true`) or a private npm app kept requiring the old
//! version, and the workspace no longer resolved. Their requirements move too; nothing of
//! theirs is released.

use crate::support::{Repo, stdout, text};

#[test]
fn a_package_release_moves_the_requirements_of_members_that_are_no_package() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\n[workspace.package]\nversion = \"0.3.0\"\n",
    );
    repo.write(
        "crates/app/Cargo.toml",
        "[package]\nname = \"app\"\nversion.workspace = true\n[dependencies]\nlib1 = { path = \"../lib1\", version = \"1.0.0\" }\n",
    );
    repo.write(
        "crates/lib1/Cargo.toml",
        "[package]\nname = \"lib1\"\nversion = \"1.0.0\"\n",
    );
    repo.write("crates/lib1/src/lib.rs", "\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.lib1]\npath = \"crates/lib1\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("crates/lib1/src/lib.rs", "pub fn g() {}\n");
    repo.git(&["add", "-A"]);
    let out = repo.commit_with_hooks("feat(lib1)!: new api");
    assert!(out.status.success(), "{}", text(&out));

    // A hand tag changes lib1 only: it would leave app's requirement unmet, so it is refused.
    let out = crate::support::hand_tag(&repo, &["-a", "lib1-v2.0.0", "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        text(&out).contains("crates/app/Cargo.toml requires lib1 `1.0.0`"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release", "--package", "lib1", "--no-test", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let plan = stdout(&out);
    assert!(
        plan.contains("also: **deps:** require lib1 2.0.0"),
        "{plan}"
    );
    // app shares the root's `[workspace.package] version`: it is released with the root,
    // whose Unreleased gets the entry (QA50), and nothing of lib1's release tags it.
    assert!(
        plan.contains("the root project's: under `## [Unreleased]`"),
        "{plan}"
    );
    let out = repo.relhook(&["release", "--package", "lib1", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        repo.read("crates/app/Cargo.toml")
            .contains("lib1 = { path = \"../lib1\", version = \"2.0.0\" }"),
        "{}",
        repo.read("crates/app/Cargo.toml")
    );
    // Only lib1 is released.
    assert_eq!(repo.git(&["tag", "-l"]), "lib1-v2.0.0");
}

#[test]
fn the_workspace_roots_own_requirement_moves_with_a_package() {
    let repo = crate::support::two_packages(
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    crate::qa34_npm_lock::root_then_a_released(
        &repo,
        "{\n  \"private\": true,\n  \"workspaces\": [\"p/*\"],\n  \"dependencies\": {\n    \"a\": \"^1.0.0\"\n  }\n}\n",
    );
    assert!(
        repo.read("package.json").contains("\"a\": \"^2.0.0\""),
        "{}",
        repo.read("package.json")
    );
    assert_eq!(repo.git(&["tag", "-l"]), "a-v2.0.0");
}
