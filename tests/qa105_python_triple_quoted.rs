//! QA105: a requirement written as a TOML multi-line or literal triple-quoted string
//! (`"""a==1.0.0"""`, `'''…'''` over lines) was skipped: a release of a left the pin as it
//! was. It now moves in place like any other; one whose text escapes relhook cannot write
//! back byte for byte (`\u0020`) is refused in one line naming the file and the requirement,
//! never skipped.

use crate::qa97_python_dependents::{A, release_a};
use crate::support::{Repo, stderr, text};

fn python(b_toml: &str) -> Repo {
    crate::qa97_python_dependents::python(A, b_toml, &[])
}

#[test]
fn triple_quoted_requirements_move_in_place() {
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"\"\"a==1.0.0\"\"\"]\n[project.optional-dependencies]\nx = ['''\na [x] == 1.0.0 ; python_version >= \"3.9\"\n''']\ny = [\"\"\"\r\na===1.0.0\"\"\"]\n";
    let repo = python(b);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.read("p/b/pyproject.toml"),
        b.replace("a==1.0.0", "a==1.1.0")
            .replace("== 1.0.0", "== 1.1.0")
            .replace("a===1.0.0", "a===1.1.0")
    );
    assert!(repo.git(&["tag"]).contains("b-v1.0.0"));
}

#[test]
fn an_escaped_requirement_is_refused_not_skipped() {
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a\\u0020==1.0.0\"]\n";
    let repo = python(b);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("release refused"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.contains("p/b/pyproject.toml: the requirement `==1.0.0` on a (project.dependencies)"),
        "{line}"
    );
    assert!(line.contains("escape"), "{line}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.read("p/b/pyproject.toml"), b);
    assert_eq!(repo.git(&["tag"]), "a-v1.0.0");
}
