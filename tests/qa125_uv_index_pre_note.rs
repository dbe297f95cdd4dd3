//! QA125: the note on a dependent's own uv.lock that takes a sibling from a package index
//! named the sibling's pre-release in SemVer's spelling ("once a 1.1.0-rc.1 is published"),
//! a version no index lists: it now names it as PEP 440 spells it (`1.1.0rc1`), as the
//! moved pin does, beside the command that refreshes the lock.

use crate::qa97_python_dependents::{A, python};
use crate::support::{stderr, text};

#[test]
fn the_note_names_the_pre_release_as_the_index_will() {
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a[cli]==1.0.0\"]\n";
    let own = "version = 1\nrevision = 5\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\nsource = { editable = \".\" }\ndependencies = [\n    { name = \"a\", extra = [\"cli\"] },\n]\n\n[package.metadata]\nrequires-dist = [{ name = \"a\", extras = [\"cli\"], specifier = \"==1.0.0\" }]\n";
    let repo = python(A, b, &[("p/b/uv.lock", own)]);
    let out = repo.relhook(&["release", "--package", "a", "--no-test", "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        repo.read("p/b/pyproject.toml")
            .contains("\"a[cli]==1.1.0rc1\"")
    );
    // The lock's requirement stays as the index gave it; b's own entry moves with b's release.
    let lock = repo.read("p/b/uv.lock");
    assert!(lock.contains("specifier = \"==1.0.0\" }]"), "{lock}");
    let err = stderr(&out);
    let note = err
        .lines()
        .find(|l| l.contains("note: p/b/uv.lock"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        note.contains("once a 1.1.0rc1 is published, `uv lock --directory p/b` refreshes it"),
        "{note}"
    );
    assert!(!note.contains("1.1.0-rc.1"), "{note}");
}
