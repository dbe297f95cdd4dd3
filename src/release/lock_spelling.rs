//! A release to a version uv's lock cannot spell (PEP 440 has no `1.3.0-next.1`), refused
//! before anything is written with the nearest version it can (`1.3.0-rc.1`): the refusal
//! of `relhook release` names that release, a hand tag's names that tag.

use std::path::Path;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::{self, VersionFileError};

/// `e`, a lock that cannot hold the release's version refused with the release of the
/// nearest version it can hold; any other error as it is.
pub fn refusal(config: &Config, e: VersionFileError) -> crate::Error {
    match &e {
        VersionFileError::NoLockSpelling { instead, .. } => {
            let release = config.release_command();
            let fix = format!("release {instead} instead: `{release} {instead}`");
            crate::Error::Refused(Refusal::new(Reason::VersionFile, e.to_string(), fix))
        }
        _ => e.into(),
    }
}

/// For a hand tag of `version` (judged in `prepared`): why its release commit cannot be made
/// when a lock of a project the release bumps cannot spell it, with the tag to make instead.
/// Reads nothing for a version uv can spell, as nearly every one is.
pub fn hand_tag(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &semver::Version,
) -> Option<String> {
    let new = version.to_string();
    if files::uv_spells(&new) {
        return None;
    }
    let sorted = super::files::sorted(repo, config, root, version).ok()?;
    let Err(e) = files::uv_lock_edits(root, &sorted.bumped, &new) else {
        return None;
    };
    let VersionFileError::NoLockSpelling { instead, .. } = &e else {
        return None;
    };
    let tag = format!("{}{instead}", config.version.tag_prefix);
    Some(format!(
        "{e}, so its release commit cannot be made; tag {tag} instead: `git tag -a {tag} -m \"release {instead}\"` (or `{} {instead}`)",
        config.release_command()
    ))
}
