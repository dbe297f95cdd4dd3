//! QA125: Poetry's `allow-prereleases = true` on a dependency (and the older spelling
//! `allows-prereleases`, which Poetry still reads) was not honoured: a pre-release of a sibling
//! that the constraint spans (1.1.0rc1 for `a = { version = "^1.0", allow-prereleases = true }`)
//! was taken to be left out, so the caret moved to `^1.1.0rc1` and b was released for it, and a
//! range (`>=1.0,<2`) was refused. It is now admitted and the constraint kept;
//! `allow-prereleases = false` leaves every pre-release out, even a pinned one, and the refusal
//! says so.

use crate::qa97_python_dependents::{A, python};
use crate::support::{Repo, stderr, text};

fn poetry_b(deps: &str) -> String {
    format!(
        "[tool.poetry]\nname = \"b\"\nversion = \"1.0.0\"\n\n[tool.poetry.dependencies]\npython = \"^3.9\"\n{deps}"
    )
}

fn release_rc(repo: &Repo) -> std::process::Output {
    repo.relhook(&["release", "--package", "a", "--no-test", "--pre", "rc"])
}

/// The line of `out`'s standard error that says the release was refused.
fn refusal(out: &std::process::Output) -> String {
    stderr(out)
        .lines()
        .find(|l| l.contains("release refused"))
        .unwrap_or_else(|| panic!("{}", text(out)))
        .to_owned()
}

#[test]
fn allow_prereleases_admits_a_pre_release_the_constraint_spans() {
    let b = poetry_b(
        "a = { version = \"^1.0\", allow-prereleases = true }\n\n[tool.poetry.group.dev.dependencies.a]\nversion = \">=1.0,<2\"\nallows-prereleases = true\n",
    );
    let repo = python(A, &b, &[]);
    let out = release_rc(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("p/b/pyproject.toml"), b);
    assert_eq!(repo.git(&["tag"]), "a-v1.0.0\na-v1.1.0-rc.1");
    assert!(repo.is_clean());
}

#[test]
fn without_it_the_refusal_names_the_way_poetry_admits_one() {
    let b = poetry_b("a = \">=1.0,<2\"\n");
    let repo = python(A, &b, &[]);
    let out = release_rc(&repo);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let line = refusal(&out);
    assert!(
        line.contains("p/b/pyproject.toml: the requirement `>=1.0,<2` on a (tool.poetry.dependencies) does not admit 1.1.0rc1 (Poetry takes a pre-release for a constraint that names none only when no stable release on the index satisfies it, which relhook cannot know; `allow-prereleases = true` on the dependency admits it, as does a constraint that names one, such as `>=1.1.0rc1`)"),
        "{line}"
    );
    assert_eq!(repo.read("p/b/pyproject.toml"), b);
    assert_eq!(repo.git(&["tag"]), "a-v1.0.0");
}

#[test]
fn allow_prereleases_false_leaves_out_even_a_pinned_pre_release() {
    for deps in [
        "a = { version = \"1.0.0\", allow-prereleases = false }\n",
        "a = { version = \"^1.0.0rc1\", allow-prereleases = false, allows-prereleases = true }\n",
    ] {
        let b = poetry_b(deps);
        let repo = python(A, &b, &[]);
        let head = repo.git(&["rev-parse", "HEAD"]);
        let out = release_rc(&repo);
        assert_eq!(out.status.code(), Some(1), "{deps}: {}", text(&out));
        let line = refusal(&out);
        assert!(
            line.contains(
                "does not admit 1.1.0rc1 (its `allow-prereleases = false` leaves every pre-release out)"
            ),
            "{deps}: {line}"
        );
        assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{deps}");
        assert_eq!(repo.read("p/b/pyproject.toml"), b, "{deps}");
        assert_eq!(repo.git(&["tag"]), "a-v1.0.0", "{deps}");

        // A stable release is Poetry's to take as before: the pin moves.
        let out = repo.relhook(&["release", "--package", "a", "--no-test"]);
        assert_eq!(out.status.code(), Some(0), "{deps}: {}", text(&out));
    }
}
