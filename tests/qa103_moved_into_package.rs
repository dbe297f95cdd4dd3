//! QA103: conventional-changelog became a monorepo by moving its CHANGELOG.md into
//! packages/conventional-changelog/. With no package set up, doctor told to point
//! `changelog.path` at that file: the root's releases would then be written into one
//! package's changelog. A changelog moved into a workspace member's folder is that
//! package's, and `relhook init` (a `[packages.*]` table each) is the way on.

use crate::support::{Repo, text};

fn became_a_monorepo() -> Repo {
    let repo = Repo::new();
    repo.write("package.json", r#"{"name":"tool","version":"1.0.0"}"#);
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- first\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "feat: first"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo
}

#[test]
fn a_changelog_moved_into_a_package_is_set_up_by_init() {
    let repo = became_a_monorepo();
    std::fs::create_dir_all(repo.path().join("packages/tool")).unwrap();
    repo.git(&["mv", "CHANGELOG.md", "packages/tool/CHANGELOG.md"]);
    repo.git(&["mv", "package.json", "packages/tool/package.json"]);
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"version":"0.0.0","workspaces":["packages/*"]}"#,
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "feat: a monorepo now"]);

    let out = repo.relhook(&["doctor"]);
    let said = text(&out);
    let row = "CHANGELOG.md was moved to packages/tool/CHANGELOG.md by commit";
    assert!(said.contains(row), "{said}");
    assert!(
        said.contains("releases and hand tags are refused until the packages are set up"),
        "{said}"
    );
    assert!(
        said.contains("fix: `relhook init` writes .relconfig.toml with a `[packages.<name>]` table for each package of the workspace, each with its own changelog (packages/tool/CHANGELOG.md is the one of the package in packages/tool)"),
        "{said}"
    );
    assert!(!said.contains("point `changelog.path`"), "{said}");

    // With a .relconfig.toml already there, the tables are named to add.
    repo.write(".relconfig.toml", "[commit]\nheader_max_length = 100\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: settings"]);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains(
            "add a `[packages.<name>]` table for each package of the workspace to .relconfig.toml"
        ),
        "{said}"
    );
}
