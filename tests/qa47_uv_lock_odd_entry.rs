//! QA47: uv.lock's entry of the project written other than as uv writes it (`version =
//! "1.2.0"  # ours`, `version = '1.2.0'`) refused the release with `run uv lock and commit
//! uv.lock`, which changes nothing: uv does not rewrite a lock that is current. A value whose
//! place is clear (a quoted string, a comment after it) now moves, every other byte kept; one
//! that is not is refused with the line to write, and a package listed twice (which `uv lock`
//! itself refuses to read) with the entry to remove.

use crate::qa47_uv_lock::{lock, project};
use crate::support::{ok, stderr, text};

const EDITABLE: &str = "{ editable = \".\" }";

/// The root project's entry with its version line `line` (uv writes `version = "1.2.0"`).
fn with_version_line(line: &str) -> String {
    lock("1.2.0", EDITABLE).replace(
        "version = \"1.2.0\"\nsource = { editable",
        &format!("{line}\nsource = {{ editable"),
    )
}

#[test]
fn a_commented_or_single_quoted_version_moves_in_place() {
    for (line, moved) in [
        ("version = \"1.2.0\"  # ours", "version = \"1.2.1\"  # ours"),
        ("version = '1.2.0'", "version = '1.2.1'"),
        ("version = '1.2.0'\t# ours", "version = '1.2.1'\t# ours"),
    ] {
        let repo = project(&with_version_line(line));
        ok(repo.relhook(&["release"]));
        assert_eq!(repo.read("uv.lock"), with_version_line(moved), "{line}");
    }
}

/// Every spelling TOML allows and uv reads was passed over without a word, the lock left at
/// the old version in the release (`uv lock --check` then fails on the tag): each moves now.
#[test]
fn any_spelling_uv_reads_moves() {
    for (line, moved) in [
        ("version=\"1.2.0\"", "version=\"1.2.1\""),
        ("version  = \"1.2.0\"", "version  = \"1.2.1\""),
        ("version =\t\"1.2.0\"", "version =\t\"1.2.1\""),
        ("\"version\" = \"1.2.0\"", "\"version\" = \"1.2.1\""),
        ("  version = \"1.2.0\"", "  version = \"1.2.1\""),
    ] {
        let repo = project(&with_version_line(line));
        ok(repo.relhook(&["release"]));
        assert_eq!(repo.read("uv.lock"), with_version_line(moved), "{line}");
    }
}

#[test]
fn an_entry_relhook_cannot_edit_is_refused_with_the_line_to_write() {
    let odd = with_version_line("version = \"1.2\\u002E0\"");
    let repo = project(&odd);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("`version = \"1.2.0\"`"), "{err}");
    assert!(!err.contains("run `uv lock`"), "{err}");
    assert_eq!(repo.read("uv.lock"), odd);
    // Following it: the line as it says, committed, and the release goes ahead.
    repo.write("uv.lock", with_version_line("version = \"1.2.0\""));
    repo.git(&["add", "uv.lock"]);
    repo.commit_hooked("build: write the lock's version as uv does");
    ok(repo.relhook(&["release"]));
    assert_eq!(repo.read("uv.lock"), lock("1.2.1", EDITABLE));
}

#[test]
fn an_entry_listed_twice_is_refused_with_the_one_to_remove() {
    let entry =
        "\n[[package]]\nname = \"my-app\"\nversion = \"1.2.0\"\nsource = { editable = \".\" }\n";
    let twice = format!("{}{entry}", lock("1.2.0", EDITABLE));
    let repo = project(&twice);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    // `uv lock` refuses such a lock itself ("Found duplicate package").
    assert!(!err.contains("run `uv lock`"), "{err}");
    assert!(err.contains("remove"), "{err}");
    repo.write("uv.lock", lock("1.2.0", EDITABLE));
    repo.git(&["add", "uv.lock"]);
    repo.commit_hooked("build: one entry of the project");
    ok(repo.relhook(&["release"]));
}
