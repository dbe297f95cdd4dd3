//! QA41: a Cargo.toml that does not parse, as a version file, was refused by `relhook release`
//! and `relhook check` in several lines (toml's caret drawing). Now one line: path:line:col
//! and the parser's short reason.

use crate::support::{Repo, ok, stderr, text};

fn broken_manifest() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write(
        "Cargo.toml",
        "[package\nname = \"x\"\nversion = \"0.1.0\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit("feat: one");
    repo
}

/// The error relhook printed: one line naming the place, and nothing drawn under it.
fn one_line(err: &str) -> &str {
    let line = err
        .lines()
        .find(|l| l.contains("Cargo.toml:1:9: cannot parse: invalid table header"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(!err.contains(" |"), "{err}");
    assert!(!err.lines().any(|l| l.trim() == "^"), "{err}");
    assert!(!err.lines().any(|l| l.starts_with("expected")), "{err}");
    line
}

#[test]
fn release_refuses_an_unparseable_cargo_toml_in_one_line() {
    let repo = broken_manifest();
    let out = repo.relhook(&["release"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let line = one_line(&err);
    assert!(line.contains("expected `.`, `]`"), "{line}");
}

#[test]
fn version_and_check_say_it_in_one_line_too() {
    let repo = broken_manifest();
    let out = repo.relhook(&["version"]);
    assert!(!out.status.success(), "{}", text(&out));
    one_line(&stderr(&out));
    // check lints messages; where it reads the version files, it says the same.
    let err = stderr(&repo.relhook(&["check"]));
    if err.contains("Cargo.toml") {
        one_line(&err);
    }
}
