//! The `[version] files` entries: the user's own word that a file holds the version, so a
//! release always bumps them (never down: see `downwards`), and cannot bump one not there.

use std::path::Path;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::history::version::files::VersionFile;

/// Whether `f` is the user's own word that it holds the version: listed in `[version] files`.
/// A package's files are all found in its directory (it has no `files` of its own).
pub(super) fn listed(config: &Config, f: &VersionFile) -> bool {
    config.package.is_none()
        && config
            .version
            .files
            .iter()
            .flatten()
            .any(|l| l.path == f.path)
}

/// A `[version] files` entry that is not there, refused with the two ways out: a release
/// bumps every listed file, and cannot bump one that does not exist.
pub fn check_listed_exist(config: &Config, root: &Path) -> crate::Result<()> {
    for f in config.version.files.iter().flatten() {
        let gone = root
            .join(&f.path)
            .symlink_metadata()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound);
        if gone {
            let path = f.path.display();
            return Err(crate::Error::Refused(Refusal::new(
                Reason::VersionFile,
                format!("{path} is listed in `[version] files` but does not exist"),
                format!("create {path} or remove it from `[version] files` in .relconfig.toml"),
            )));
        }
    }
    Ok(())
}
