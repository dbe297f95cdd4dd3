//! QA51: `key` on a version file without an extension (`VERSION`) was refused with "works for
//! TOML and JSON files, not ``", an empty name; the file is named now.

use crate::support::{Repo, stdout};

#[test]
fn a_key_on_a_file_without_an_extension_names_the_file() {
    let repo = Repo::new();
    repo.write("VERSION", "version = \"0.1.0\"\n");
    repo.write(
        ".relconfig.toml",
        "[version]\nfiles = [{ path = \"VERSION\", key = \"version\" }]\n",
    );
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let line = said
        .lines()
        .find(|l| l.contains("INVALID"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        line.ends_with(".relconfig.toml:2:10: `version.files`: `VERSION`: `key` works for TOML and JSON files, not `VERSION`, which has no extension; use `pattern = '...{version}...'` or `format = \"toml\"`"),
        "{line}"
    );
    assert!(!line.contains("not ``"), "{line}");
}
