//! QA78: in a monorepo with no root CHANGELOG.md (changesets keeps none), doctor's merge
//! driver row said "CHANGELOG.md merges without changelog conflicts", naming a file that is
//! not there: it now names the changelogs the driver merges.

use crate::support::{Repo, ok, stdout};

fn packages_repo(root_changelog: bool) -> Repo {
    let repo = Repo::new();
    let mut config = String::new();
    for name in ["a", "b"] {
        config.push_str(&format!(
            "[packages.{name}]\npath = \"pkgs/{name}\"\ntag = \"{name}@{{version}}\"\n"
        ));
        repo.write(
            &format!("pkgs/{name}/package.json"),
            format!("{{\"name\": \"{name}\", \"version\": \"1.0.0\"}}\n"),
        );
    }
    repo.write(".relconfig.toml", config);
    if root_changelog {
        repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo
}

fn driver_row(repo: &Repo) -> String {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    said.lines()
        .find(|l| l.contains("merge driver:"))
        .unwrap_or_else(|| panic!("no merge driver row:\n{said}"))
        .trim()
        .to_owned()
}

#[test]
fn with_no_root_changelog_the_row_names_the_packages_changelogs() {
    let row = driver_row(&packages_repo(false));
    assert_eq!(
        row,
        "ok  merge driver: the 2 packages' changelogs merge without changelog conflicts"
    );
}

#[test]
fn with_a_root_changelog_the_row_names_it_and_the_packages() {
    let row = driver_row(&packages_repo(true));
    assert_eq!(
        row,
        "ok  merge driver: CHANGELOG.md and the 2 packages' changelogs merge without changelog conflicts"
    );
}
