//! QA125: the notes on a Python dependent's locks name the command that refreshes each, run in
//! the lock's folder (`poetry lock --directory <folder>`, `uv lock --directory <folder>`). A
//! package folder whose name begins with `-` was printed as it is (`--directory -b`), which
//! Poetry and uv read as another option, so the pasted command failed; it is now `./-b`.

use crate::support::{stderr, text};

/// b's uv.lock, taking a from an index.
const UV_LOCK: &str = "version = 1\nrevision = 5\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\nsource = { editable = \".\" }\ndependencies = [\n    { name = \"a\" },\n]\n\n[package.metadata]\nrequires-dist = [{ name = \"a\", specifier = \"==1.0.0\" }]\n";

#[test]
fn a_lock_folder_beginning_with_a_dash_is_not_read_as_an_option() {
    let repo = crate::qa97_python_dependents::python_at(
        "-b",
        crate::qa97_python_dependents::A,
        "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a==1.0.0\"]\n",
        &[("-b/poetry.lock", "# poetry\n"), ("-b/uv.lock", UV_LOCK)],
    );

    let out = crate::qa97_python_dependents::release_a(&repo);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("-b/pyproject.toml").contains("\"a==1.1.0\""));
    let err = stderr(&out);
    assert!(
        err.contains("`poetry lock --no-update --directory ./-b` (Poetry 1) or `poetry lock --directory ./-b` (Poetry 2) refreshes it"),
        "{err}"
    );
    assert!(
        err.contains("once a 1.1.0 is published, `uv lock --directory ./-b` refreshes it"),
        "{err}"
    );
    assert!(!err.contains("--directory -b"), "{err}");
}
