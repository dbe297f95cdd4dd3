//! QA125: the notes on a Python dependent's locks name the command that refreshes each, run in
//! the lock's folder (`poetry lock --directory <folder>`, `uv lock --directory <folder>`). A
//! package folder whose name begins with `-` was printed as it is (`--directory -b`), which
//! Poetry and uv read as another option, so the pasted command failed; it is now `./-b`.

use crate::support::{Repo, stderr, text};

#[test]
fn a_lock_folder_beginning_with_a_dash_is_not_read_as_an_option() {
    let repo = Repo::new();
    repo.write("p/a/pyproject.toml", crate::qa97_python_dependents::A);
    repo.write(
        "-b/pyproject.toml",
        "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a==1.0.0\"]\n",
    );
    repo.write("-b/poetry.lock", "# poetry\n");
    repo.write(
        "-b/uv.lock",
        "version = 1\nrevision = 5\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\nsource = { editable = \".\" }\ndependencies = [\n    { name = \"a\" },\n]\n\n[package.metadata]\nrequires-dist = [{ name = \"a\", specifier = \"==1.0.0\" }]\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"-b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "a-v1.0.0", "-m", "a-v1.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("p/a/x.py", "x = 1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a): x");

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
