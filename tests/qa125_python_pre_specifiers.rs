//! QA125: a Python dependent's specifier and a sibling's pre-release, checked against PEP 440
//! as `packaging` reads it (a specifier set admits a pre-release when one of its clauses, `!=`
//! aside, names one). `>=0!1.0rc1` (the epoch every version has, written out) was not taken to
//! name one, so a pre-release it admits was refused; and the refusal of a specifier that names
//! none said PEP 440 admits a pre-release "only" to one that names one, when pip and uv also
//! take one no final release on the index satisfies (which relhook cannot know, so it still
//! refuses): the reason is now said exactly.

use crate::qa97_python_dependents::{A, python};
use crate::support::{stderr, text};

fn b_with(deps: &[&str]) -> String {
    let list: Vec<String> = deps.iter().map(|d| format!("\"{d}\"")).collect();
    format!(
        "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [{}]\n",
        list.join(", ")
    )
}

#[test]
fn specifiers_naming_a_pre_release_admit_the_next_one_and_the_final() {
    // Each admits 1.1.0rc1 and 1.1.0 in `packaging`: kept as written through both releases.
    let b = b_with(&[
        "a>=0!1.0rc1,<2",
        "a>=1.0.0rc1",
        "a~=1.0rc1",
        "a>=1.0,<2.0.0rc1",
        "a>1.0.0b1,!=1.0.5",
    ]);
    let repo = python(A, &b, &[]);
    let out = repo.relhook(&["release", "--package", "a", "--no-test", "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("p/b/pyproject.toml"), b);
    assert_eq!(repo.git(&["tag"]), "a-v1.0.0\na-v1.1.0-rc.1");
    let out = repo.relhook(&["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("p/b/pyproject.toml"), b);
    assert!(repo.git(&["tag"]).contains("a-v1.1.0\n"));
}

#[test]
fn a_specifier_naming_none_is_refused_for_the_exact_reason() {
    for spec in [">=1.0,<2", ">=1.0,!=1.0.5rc1"] {
        let b = b_with(&[&format!("a{spec}")]);
        let repo = python(A, &b, &[]);
        let out = repo.relhook(&["release", "--package", "a", "--no-test", "--pre", "rc"]);
        assert_eq!(out.status.code(), Some(1), "{spec}: {}", text(&out));
        let err = stderr(&out);
        let line = err
            .lines()
            .find(|l| l.contains("release refused"))
            .unwrap_or_else(|| panic!("{spec}: {err}"));
        assert!(
            line.contains(&format!("p/b/pyproject.toml: the requirement `{spec}` on a (project.dependencies) does not admit 1.1.0rc1 (pip and uv (PEP 440) take a pre-release for a specifier that names none only when no final release on the index satisfies it, which relhook cannot know; one that names a pre-release, such as `>=1.1.0rc1`, admits it)")),
            "{spec}: {line}"
        );
        assert!(
            !line.contains("admits a pre-release only"),
            "{spec}: {line}"
        );
        assert_eq!(repo.read("p/b/pyproject.toml"), b, "{spec}");
        assert_eq!(repo.git(&["tag"]), "a-v1.0.0", "{spec}");
    }
}
