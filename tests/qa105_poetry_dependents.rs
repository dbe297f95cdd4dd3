//! QA105: a Poetry project's requirement on a sibling (`[tool.poetry.dependencies] a =
//! "1.0.0"`, or in a dependency group) was not read at all: a release of a left `a = "1.0.0"`
//! as it was, and b unreleased. An exact pin now moves as a PEP 621 one does (every other
//! byte kept), a caret or tilde range left behind moves with its precision, a range that
//! admits the new version (as Poetry reads it) is kept, and any other is refused in one line.

use crate::qa97_python_dependents::release_a;
use crate::support::{Repo, stderr, text};

/// p/a (`a_toml`, released as a-v1.0.0) and p/b (`b_toml`); relhook installed, then a
/// feature of a committed.
fn python(a_toml: &str, b_toml: &str) -> Repo {
    crate::qa97_python_dependents::python(a_toml, b_toml, &[])
}

const POETRY_A: &str = "[tool.poetry]\nname = \"a\"\nversion = \"1.0.0\"\n";
const PEP_A: &str = "[project]\nname = \"a\"\nversion = \"1.0.0\"\n";

fn poetry_b(deps: &str) -> String {
    format!(
        "[tool.poetry]\nname = \"b\"\nversion = \"1.0.0\"\n\n[tool.poetry.dependencies]\npython = \"^3.9\"\n{deps}"
    )
}

#[test]
fn poetry_pins_move_and_the_dependent_is_released() {
    for a in [POETRY_A, PEP_A] {
        let b = poetry_b(
            "a = \"1.0.0\"\n\n[tool.poetry.group.dev.dependencies]\na = { version = \"==1.0.0\", extras = [\"x\"] }\n",
        );
        let repo = python(a, &b);
        let out = release_a(&repo);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        assert_eq!(
            repo.read("p/b/pyproject.toml"),
            b.replace("a = \"1.0.0\"", "a = \"1.1.0\"")
                .replace("\"==1.0.0\"", "\"==1.1.0\""),
            "{a}"
        );
        let tags = repo.git(&["tag"]);
        assert!(
            tags.contains("a-v1.1.0") && tags.contains("b-v1.0.0"),
            "{a}: {tags}"
        );
        let changelog = repo.read("p/b/CHANGELOG.md");
        assert!(
            changelog
                .contains("- **deps:** require a 1.1.0 (`1.0.0` → `1.1.0` in p/b/pyproject.toml)"),
            "{changelog}"
        );
        assert!(repo.is_clean());
    }
}

#[test]
fn poetry_ranges_that_admit_are_kept_and_carets_left_behind_move() {
    let kept = poetry_b(
        "a = \"^1.0\"\n\n[tool.poetry.group.test.dependencies]\na = \">=1.0,<2 || ^3\"\n\n[tool.poetry.group.lint.dependencies]\na = [{ version = \"*\", python = \"<3.10\" }, { version = \"~1.1\", python = \">=3.10\" }]\n",
    );
    let repo = python(PEP_A, &kept);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("p/b/pyproject.toml"), kept);
    assert_eq!(repo.git(&["tag"]), "a-v1.0.0\na-v1.1.0");

    // `~1.0` is `>=1.0,<1.1` to Poetry: it moves as a tilde, its precision kept.
    let tilde = poetry_b("a = { version = \"~1.0\", optional = true }\n");
    let repo = python(PEP_A, &tilde);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.read("p/b/pyproject.toml"),
        tilde.replace("~1.0", "~1.1")
    );
}

#[test]
fn a_poetry_range_left_behind_is_refused_in_one_line() {
    let b = poetry_b("a = \">=1.0,<1.1\"\n");
    let repo = python(PEP_A, &b);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("release refused"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.contains("p/b/pyproject.toml: the requirement `>=1.0,<1.1` on a (tool.poetry.dependencies) does not admit 1.1.0"),
        "{line}"
    );
    assert!(line.contains("edit it by hand"), "{line}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.read("p/b/pyproject.toml"), b);
    assert_eq!(repo.git(&["tag"]), "a-v1.0.0");
}
