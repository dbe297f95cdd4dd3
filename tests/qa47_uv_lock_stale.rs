//! QA47: a uv.lock whose entry of the project holds another version than pyproject.toml
//! (1.1.0, left behind by an earlier bump by hand), or that has no entry of it, was left by
//! the release without a word, and `uv lock --check` then failed on the tag. As a detected
//! `package-lock.json` at another version is, it is left as it is, with one line that names
//! it, says why, and gives the command that refreshes it.

use crate::qa47_uv_lock::{lock, project};
use crate::support::{ok, stderr};

const EDITABLE: &str = "{ editable = \".\" }";

/// The lines of a release's stderr that name uv.lock.
fn uv_lines(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.contains("uv.lock")).collect()
}

#[test]
fn an_entry_at_another_version_is_left_with_a_note() {
    let stale = lock("1.1.0", EDITABLE);
    let repo = project(&stale);
    let out = ok(repo.relhook(&["release"]));
    let err = stderr(&out);
    let said = uv_lines(&err);
    assert_eq!(said.len(), 1, "{err}");
    assert!(said[0].starts_with("relhook: note: uv.lock"), "{err}");
    assert!(
        said[0].contains("1.1.0") && said[0].contains("`uv lock`"),
        "{err}"
    );
    assert_eq!(repo.read("uv.lock"), stale);
}

#[test]
fn a_lock_without_the_project_s_entry_is_left_with_a_note() {
    let head = lock("1.2.0", EDITABLE);
    let without = head[..head.find("\n[[package]]\nname = \"my-app\"").unwrap() + 1].to_owned();
    let repo = project(&without);
    let dry = ok(repo.relhook(&["release", "--dry-run"]));
    let err = stderr(&dry);
    let said = uv_lines(&err);
    assert_eq!(said.len(), 1, "{err}");
    assert!(
        said[0].contains("no entry") && said[0].contains("`uv lock`"),
        "{err}"
    );
}

#[test]
fn a_lock_that_moves_says_nothing_of_it() {
    let repo = project(&lock("1.2.0", EDITABLE));
    let out = ok(repo.relhook(&["release"]));
    assert!(!stderr(&out).contains("note: uv.lock"), "{}", stderr(&out));
}
