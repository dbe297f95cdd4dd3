//! Version files (TOML key, JSON key, pattern): never a panic on any text, and a bump changes
//! the version's bytes and nothing else.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use relhook::history::version::files::{Locator, VersionFile, plan_bump, read_version};

const NEW: &str = "97531.86420.1";

fn dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"))
        .path()
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let locator = match selector % 6 {
        0 => Locator::TomlKey("package.version".into()),
        1 => Locator::TomlKey("tool.poetry.version".into()),
        2 => Locator::JsonKey("version".into()),
        3 => Locator::JsonKey("a.version".into()),
        4 => Locator::Pattern("__version__ = \"{version}\"".into()),
        _ => Locator::Pattern("v{version}".into()),
    };
    std::fs::write(dir().join("f"), text).expect("write");
    let file = VersionFile {
        path: Path::new("f").into(),
        locator,
    };
    let Ok(old) = read_version(dir(), &file) else {
        return;
    };
    let edit = plan_bump(dir(), &file, &old, NEW).expect("a read version bumps");
    let after = String::from_utf8(edit.after).expect("UTF-8");
    if !text.contains(NEW) {
        assert_eq!(after.replace(NEW, &old), text, "only the version changes");
    }
});
