//! The member crates of a virtual Cargo workspace as version files of the root project.

use std::path::Path;

use crate::config::Config;
use crate::history::version::files::{self, VersionFile};

/// A virtual Cargo workspace (a root `Cargo.toml` with no version of its own) whose member
/// crates state theirs, released together as cargo-release does: each member's
/// `package.version` is a found version file, bumped when it holds the version released
/// before and left alone, with a note, when it holds another (see `sort_version_files`). Not
/// in a monorepo, whose packages release their crates themselves.
pub(super) fn workspace_members(
    config: &Config,
    root: &Path,
    found: &[VersionFile],
) -> Vec<VersionFile> {
    let root_manifest = Path::new("Cargo.toml");
    if config.package.is_some()
        || !config.packages.is_empty()
        || found.iter().any(|f| f.path == root_manifest)
    {
        return Vec::new();
    }
    crate::history::packages::detect::cargo_members(root)
        .into_iter()
        .map(|dir| VersionFile {
            path: dir.join("Cargo.toml"),
            locator: files::Locator::TomlKey("package.version".into()),
        })
        .filter(|f| !found.iter().any(|o| o.path == f.path) && files::read_version(root, f).is_ok())
        .collect()
}
