//! QA41: a detected version file that does not parse (Cargo.toml with `edition = 2021"`) was
//! refused with advice to name other files in `[version] files`, which does not help: detection
//! still reads it. What does is `[version] detect = false`. A file the settings list is taken
//! out of the list instead. Either way it is a refusal (exit 1: a file to correct), as the
//! release gives it, not a breakdown (exit 2).

use crate::support::{Repo, stderr, text};

const BROKEN: &str = "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = 2021\"\n";

fn with_broken_manifest(settings: &str) -> Repo {
    let repo = Repo::new();
    repo.write("Cargo.toml", BROKEN);
    repo.write("VERSION", "0.1.0\n");
    if !settings.is_empty() {
        repo.write(".relconfig.toml", settings);
    }
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: x"]);
    repo
}

#[test]
fn a_detected_file_is_advised_detect_false() {
    let repo = with_broken_manifest("");
    let out = repo.relhook(&["version"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("correct Cargo.toml (or, if it does not hold the version, set `[version] detect = false` in .relconfig.toml")
            && !err.contains("(or name the files"),
        "{err}"
    );
    // What it says works.
    repo.write(
        ".relconfig.toml",
        "[version]\ndetect = false\nfiles = [{ path = \"VERSION\", pattern = \"{version}\" }]\n",
    );
    let out = repo.relhook(&["version"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn a_listed_file_is_advised_out_of_the_list() {
    let repo = with_broken_manifest(
        "[version]\ndetect = false\nfiles = [{ path = \"Cargo.toml\", key = \"package.version\" }]\n",
    );
    let out = repo.relhook(&["version"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("correct Cargo.toml (or take it out of `[version] files` in .relconfig.toml)"),
        "{err}"
    );
}
