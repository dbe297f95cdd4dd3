//! QA97: a Python package's requirement on a sibling package was neither moved nor refused by
//! `relhook release --package a`: a became 1.1.0 while b's pyproject.toml still said
//! `a==1.0.0`. An exact pin now moves (every byte around the version kept, b released with a
//! `**deps:**` entry, as a Cargo or npm dependent is), a specifier set that admits the new
//! version is kept, and one that does not is refused in one line naming the file; a uv.lock
//! that takes the sibling from an index is left with a note instead of silently stale.

use crate::support::{Repo, stderr, text};

pub(crate) const A: &str = "[project]\nname = \"a\"\nversion = \"1.0.0\"\n";

/// p/a (its pyproject.toml `a_toml`, released as a-v1.0.0) and p/b (`b_toml`), with `extra`
/// files; relhook installed, then a feature of a committed.
pub(crate) fn python(a_toml: &str, b_toml: &str, extra: &[(&str, &str)]) -> Repo {
    python_at("p/b", a_toml, b_toml, extra)
}

/// As [`python`], with package b in folder `b_dir`.
pub(crate) fn python_at(b_dir: &str, a_toml: &str, b_toml: &str, extra: &[(&str, &str)]) -> Repo {
    let repo = Repo::new();
    repo.write("p/a/pyproject.toml", a_toml);
    repo.write(&format!("{b_dir}/pyproject.toml"), b_toml);
    for (path, body) in extra {
        repo.write(path, body);
    }
    repo.write(
        ".relconfig.toml",
        format!("[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"{b_dir}\"\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "a-v1.0.0", "-m", "a-v1.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("p/a/x.py", "x = 1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a): x");
    repo
}

pub(crate) fn release_a(repo: &Repo) -> std::process::Output {
    repo.relhook(&["release", "--package", "a", "--no-test"])
}

#[test]
fn an_exact_pin_moves_and_its_dependent_is_released_with_it() {
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a==1.0.0\"]\n";
    let repo = python(A, b, &[]);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.read("p/b/pyproject.toml"),
        b.replace("a==1.0.0", "a==1.1.0")
    );
    let tags = repo.git(&["tag"]);
    assert!(
        tags.contains("a-v1.1.0") && tags.contains("b-v1.0.0"),
        "{tags}"
    );
    let changelog = repo.read("p/b/CHANGELOG.md");
    assert!(
        changelog
            .contains("- **deps:** require a 1.1.0 (`==1.0.0` → `==1.1.0` in p/b/pyproject.toml)"),
        "{changelog}"
    );
    assert!(repo.git(&["status", "--porcelain"]).is_empty());
}

#[test]
fn a_range_that_admits_the_new_version_is_kept() {
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a>=1.0,<2\"]\n[project.optional-dependencies]\nx = [\"a~=1.0\", \"a==1.*\", \"a!=1.0.5\"]\n";
    let repo = python(A, b, &[]);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("p/b/pyproject.toml"), b);
    assert_eq!(repo.git(&["tag"]), "a-v1.0.0\na-v1.1.0");
}

#[test]
fn a_range_that_excludes_the_new_version_is_refused_in_one_line() {
    for req in ["a<1.1", "a~=1.0.0", "a==1.0.*", "a>=1.0,!=1.1.0"] {
        let b =
            format!("[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"{req}\"]\n");
        let repo = python(A, &b, &[]);
        let head = repo.git(&["rev-parse", "HEAD"]);
        let out = release_a(&repo);
        assert_eq!(out.status.code(), Some(1), "{req}: {}", text(&out));
        let err = stderr(&out);
        let line = err
            .lines()
            .find(|l| l.contains("release refused"))
            .unwrap_or_else(|| panic!("{req}: {err}"));
        let spec = req.trim_start_matches('a');
        assert!(
            line.contains(&format!(
                "p/b/pyproject.toml: the requirement `{spec}` on a (project.dependencies) does not admit 1.1.0"
            )),
            "{req}: {line}"
        );
        assert!(line.contains("edit it by hand"), "{req}: {line}");
        assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{req}");
        assert_eq!(repo.read("p/b/pyproject.toml"), b, "{req}");
        assert_eq!(repo.git(&["tag"]), "a-v1.0.0", "{req}");
    }
}

#[test]
fn extras_markers_and_spacing_are_kept_around_the_moved_version() {
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\n  \"a[cli] == 1.0.0 ; python_version >= \\\"3.9\\\"\",\n  'a (==1.0.0)',\n]\n[project.optional-dependencies]\nfast = [\"a[speed]==1.0.0;sys_platform=='linux'\"]\n";
    let repo = python(A, b, &[]);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.read("p/b/pyproject.toml"),
        b.replace("1.0.0 ;", "1.1.0 ;")
            .replace("(==1.0.0)", "(==1.1.0)")
            .replace("==1.0.0;", "==1.1.0;")
    );
    let changelog = repo.read("p/b/CHANGELOG.md");
    assert!(
        changelog.contains(
            "(`==1.0.0` → `==1.1.0` in p/b/pyproject.toml project.optional-dependencies.fast)"
        ),
        "{changelog}"
    );
}

#[test]
fn names_match_as_pep_503_normalizes_them() {
    let a = "[project]\nname = \"My_Lib.Core\"\nversion = \"1.0.0\"\n";
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"my-lib-core==1.0.0\"]\n[dependency-groups]\ndev = [\"MY.LIB__core[x]==1.0.0\", { include-group = \"other\" }]\nother = [\"my_lib_core_extra==1.0.0\"]\n";
    let repo = python(a, b, &[]);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.read("p/b/pyproject.toml"),
        b.replace("core==1.0.0", "core==1.1.0")
            .replace("core[x]==1.0.0", "core[x]==1.1.0")
    );
}

/// A uv workspace's lock (at the top) records each member's version, and no specifier for a
/// workspace source: a's entry moves, b's requirement in the lock has nothing to move. A
/// lock of b's own that takes a from an index is left, with a note.
#[test]
fn uv_locks_move_or_are_noted() {
    let root = "[project]\nname = \"root\"\nversion = \"0.1.0\"\n[tool.uv.workspace]\nmembers = [\"p/*\"]\n";
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a==1.0.0\"]\n[tool.uv.sources]\na = { workspace = true }\n";
    let lock = "version = 1\nrevision = 5\n\n[manifest]\nmembers = [\n    \"a\",\n    \"b\",\n    \"root\",\n]\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = { editable = \"p/a\" }\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\nsource = { editable = \"p/b\" }\ndependencies = [\n    { name = \"a\" },\n]\n\n[package.metadata]\nrequires-dist = [{ name = \"a\", editable = \"p/a\" }]\n\n[[package]]\nname = \"root\"\nversion = \"0.1.0\"\nsource = { virtual = \".\" }\n";
    let repo = python(A, b, &[("pyproject.toml", root), ("uv.lock", lock)]);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.read("uv.lock"),
        lock.replace(
            "name = \"a\"\nversion = \"1.0.0\"",
            "name = \"a\"\nversion = \"1.1.0\""
        )
    );
    assert!(repo.read("p/b/pyproject.toml").contains("\"a==1.1.0\""));
    assert!(!stderr(&out).contains("note:"), "{}", text(&out));

    // b locked on its own, a from PyPI: the lock cannot follow before a 1.1.0 is published.
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a==1.0.0\"]\n";
    let own = "version = 1\nrevision = 5\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\nsource = { editable = \".\" }\ndependencies = [\n    { name = \"a\" },\n]\n\n[package.metadata]\nrequires-dist = [{ name = \"a\", specifier = \"==1.0.0\" }]\n";
    let repo = python(A, b, &[("p/b/uv.lock", own)]);
    let out = release_a(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("p/b/uv.lock"), own);
    let err = stderr(&out);
    assert!(
        err.contains("relhook: note: p/b/uv.lock: it takes a for p/b/pyproject.toml from a package index (`specifier = \"==1.0.0\"`)")
            && err.contains("`uv lock --directory p/b` refreshes it"),
        "{err}"
    );
}
