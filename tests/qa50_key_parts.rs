//! QA50: `key = "package."` in `[version] files` passed the configuration check, and doctor
//! printed "INVALID version: Cargo.toml: TOML key `package.` not found" with no `fix:` line,
//! then "see `fix:` above". A key with an empty part is refused at its line, as `key = ""`
//! is, and a version file's key that finds nothing gets a fix line.

use crate::support::{Repo, ok, stderr, stdout};

/// A Cargo project whose `[version] files` entry for Cargo.toml has `key`, with relhook
/// installed.
fn cargo_with_key(key: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\n",
    );
    repo.write(
        ".relconfig.toml",
        format!("[version]\nfiles = [{{ path = \"Cargo.toml\", key = \"{key}\" }}]\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_dotted_key_with_an_empty_part_is_refused_at_its_line() {
    for (key, what) in [
        ("package.", "ends with a dot"),
        (".", "is only dots"),
        (".package.version", "starts with a dot"),
        ("package..version", "has two dots in a row"),
    ] {
        let repo = cargo_with_key(key);
        let out = repo.relhook(&["version"]);
        assert_eq!(out.status.code(), Some(2), "{key}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(".relconfig.toml:2:10: `version.files`"),
            "{key}: {err}"
        );
        assert!(
            err.contains(&format!("`key = \"{key}\"` {what}")),
            "{key}: {err}"
        );
        assert!(err.contains("(e.g. `key = \"package.version\"`)"), "{err}");
        let doctor = stdout(&repo.relhook(&["doctor"]));
        assert!(!doctor.contains("not found"), "{key}: {doctor}");
        assert!(doctor.contains("fix: edit "), "{key}: {doctor}");
    }
}

#[test]
fn every_invalid_version_row_has_a_fix_line() {
    let repo = cargo_with_key("package.vers");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let lines: Vec<&str> = doctor.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("INVALID  version: Cargo.toml: TOML key `package.vers` not found"))
        .unwrap_or_else(|| panic!("{doctor}"));
    let fix = lines.get(at + 1).copied().unwrap_or_default();
    assert!(
        fix.trim_start().starts_with("fix: name what holds the version in the entry of Cargo.toml in `[version] files` of .relconfig.toml (e.g. `key = \"package.version\"`)"),
        "{doctor}"
    );
    for (i, l) in lines.iter().enumerate() {
        if l.contains("INVALID") {
            let next = lines.get(i + 1).copied().unwrap_or_default();
            assert!(next.trim_start().starts_with("fix:"), "{doctor}");
        }
    }
}
