//! Test fixtures shared by the package modules' unit tests.

use semver::Version;

use super::detect::Found;
use super::tag_forms::VersionTag;

/// A tag ending in a version, as `init` is given it: `api-v1.2.0` is (`api-v`, its name, 1.2.0).
pub fn tag(name: &str) -> VersionTag {
    let at = name.find(|c: char| c.is_ascii_digit()).unwrap();
    let version = Version::parse(&name[at..]).unwrap();
    (name[..at].to_owned(), name.to_owned(), version)
}

/// A Cargo workspace member `crates/<name>`, as `detect` finds it.
pub fn crate_found(name: &str) -> Found {
    Found {
        name: name.into(),
        path: format!("crates/{name}").into(),
        tag: None,
        from: "Cargo workspace",
        test: None,
    }
}
