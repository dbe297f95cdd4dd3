//! The current version: the greatest release tag reachable from HEAD, or before the first
//! release tag what the version files say (else `version.initial`), and whether what stops it
//! is a version file rather than the tags.

use std::path::Path;

use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::history::tags::{Tags, reachable_tags};
use crate::{Error, Result};

use super::start::{from_files_or_initial_which, unreadable_file_version};

/// The current version alone (no history walked, no next version computed): what plain
/// `relhook version` prints.
pub fn current_version(repo: &Repo, config: &Config, root: &Path) -> Result<(Version, String)> {
    let head = repo.head();
    let prefix = &config.version.tag_prefix;
    let tags = match head {
        Some(h) => reachable_tags(repo, h, prefix),
        None => Tags::default(),
    };
    super::former::check_history(repo, (config, root), &tags, None)?;
    if tags.latest.is_none() {
        // No release below HEAD, one above it: HEAD's commits were released there.
        super::released::head_released(repo, config, head)?;
        if let Some(r) = unreadable_file_version(repo, config, root) {
            return Err(r.into());
        }
        super::start::version_files_readable(config, root)?;
    }
    Ok(match &tags.latest {
        Some(t) => (t.version.clone(), format!("release tag {}", t.name)),
        None => from_files_or_initial(config, root),
    })
}

/// Whether what stops [`current_version`] is a version file it cannot read (before the first
/// release tag the files say the version), not the tags or history: a problem of the files,
/// which doctor's files row says, where one of the tags needs a row of its own.
pub fn stopped_by_files(repo: &Repo, config: &Config, root: &Path) -> bool {
    let Err(stopped) = current_version(repo, config, root) else {
        return false;
    };
    let files = match unreadable_file_version(repo, config, root) {
        Some(r) => Error::from(r),
        None => match super::start::version_files_readable(config, root) {
            Err(e) => e,
            Ok(()) => return false,
        },
    };
    files.to_string() == stopped.to_string()
}

/// The version a first release starts at: the version files', else `version.initial` (what
/// a refusal names for a first release, which a release below the files would refuse).
pub fn first_version(config: &Config, root: &Path) -> Version {
    from_files_or_initial(config, root).0
}

/// With no release tag, the version already written in the project is where it starts.
fn from_files_or_initial(config: &Config, root: &Path) -> (Version, String) {
    let (v, from, _) = from_files_or_initial_which(config, root);
    (v, from)
}
