//! QA135: `relhook init` in poetry's repository (a root `[project]`, no workspace, and the
//! test suite's sample projects in `tests/fixtures/*/pyproject.toml`) proposed 58 packages,
//! one per fixture, each with a changelog of its own: a fix that touched a fixture then got
//! an entry in a CHANGELOG.md post-commit started inside the test data. Folders of test data
//! and samples are now passed over, as they are for standalone crates and npm packages; a
//! Python project elsewhere below the top is still proposed.

use crate::support::{Repo, ok, stdout, text};

const ROOT: &str = "[project]\nname = \"poetry\"\nversion = \"2.4.1\"\n";

fn fixture(name: &str) -> String {
    format!("[tool.poetry]\nname = \"{name}\"\nversion = \"1.2.3\"\n")
}

#[test]
fn init_passes_over_python_test_fixtures() {
    let repo = Repo::new();
    repo.write("pyproject.toml", ROOT);
    repo.write(
        "tests/fixtures/simple_project/pyproject.toml",
        fixture("simple-project"),
    );
    repo.write(
        "tests/fixtures/with_source/pyproject.toml",
        fixture("with-source"),
    );
    repo.write("tests/utils/fixtures/pyproject.toml", fixture("poetry"));
    repo.write("docs/examples/demo/pyproject.toml", fixture("demo"));
    repo.write(
        "plugins/export/pyproject.toml",
        "[project]\nname = \"poetry-export\"\nversion = \"1.0.0\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "2.4.1", "-m", "2.4.1"]);

    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert!(
        said.contains("found 1 package") && said.contains("poetry-export (plugins/export)"),
        "{}",
        text(&out)
    );
    let config = repo.read(".relconfig.toml");
    let tables: Vec<&str> = config
        .lines()
        .filter(|l| l.starts_with("[packages."))
        .collect();
    assert_eq!(tables, ["[packages.poetry-export]"], "{config}");

    // A fix to the code and a fixture is the root's alone: no changelog in the test data.
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    ok(repo.relhook(&["install"]));
    repo.write(
        "tests/fixtures/simple_project/pyproject.toml",
        fixture("simple-project") + "description = \"x\"\n",
    );
    repo.write("src/poetry/installer.py", "x = 1\n");
    repo.git(&["add", "."]);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", "fix(installer): keep x"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !repo
            .path()
            .join("tests/fixtures/simple_project/CHANGELOG.md")
            .exists(),
        "{}",
        text(&out)
    );
    assert!(
        repo.read("CHANGELOG.md")
            .contains("- **installer:** keep x"),
        "{}",
        repo.read("CHANGELOG.md")
    );
    assert!(repo.is_clean());
}
