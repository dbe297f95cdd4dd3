//! QA241: the cost of a release tag made by hand, its `prepared` run. Its checks each parsed
//! the project's Cargo.toml with toml_edit on their own (its package, its path dependencies,
//! its workspace, its version key: seven parses of one text, 0.84M instructions of a debug
//! build's 13.9M); the version key's parse was already kept for the next reader, and now
//! every reader of a manifest shares it. Guarded by counting work, never by timing:
//! `RELHOOK_TEST_TOML_PARSES` makes each hook run say how many TOML texts it parsed.

use std::path::Path;

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// A hand tag of a Rust project: `prepared` parses its one Cargo.toml once; `committed` that
/// text and the bumped one.
#[test]
fn hand_release_tag_parses_its_manifest_once_per_text() {
    let manifest = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    let repo = released_with_fixes(&[("Cargo.toml", manifest)]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_TOML_PARSES"]);
    let shown = repo.git(&["show", "v0.2.0:Cargo.toml"]);
    assert!(shown.contains("version = \"0.2.0\""), "{shown}");
    let parses = counts(&err, "toml parses");
    let (prepared, committed) = (parses[0], parses[1]);
    assert_eq!(prepared, 1, "prepared parsed TOML {prepared} times:\n{err}");
    assert!(
        committed <= 2,
        "committed parsed TOML {committed} times:\n{err}"
    );
}

/// The count above holds only while every parse of a manifest goes through the one shared
/// (and counted) parser: no source parses TOML with toml_edit on its own.
#[test]
fn every_manifest_parse_goes_through_the_shared_parser() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut own = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("history/version/files/toml.rs")
                && std::fs::read_to_string(&path)
                    .expect("read a source file")
                    .contains("ImDocument::parse")
            {
                own.push(path.strip_prefix(&src).unwrap().display().to_string());
            }
        }
    }
    assert!(
        own.is_empty(),
        "these parse TOML themselves instead of through history::version::files::parsed_toml: {own:?}"
    );
}
