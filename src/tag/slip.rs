//! A tag whose prefix misses the release tags' own (`0.1.0` or `V0.1.0` beside `v0.1.0`,
//! `v0.1.0` where they have none): told apart here, refused by the hand tag and pre-push.

use semver::Version;

use crate::config::Config;

/// How a tag's prefix misses the release tags' own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slip {
    /// None where they carry one (`0.1.0` beside `v0.1.0`).
    Bare,
    /// A `v` where they carry none (`v0.1.0` beside `0.1.0`).
    V,
    /// Their prefix misspelled (`V0.1.0`, `v-0.1.0`, `v.0.1.0`).
    Spelled,
}

pub(super) fn slip(ours: &str, prefix: &str) -> Option<Slip> {
    let bare = |p: &str| {
        p.to_ascii_lowercase()
            .trim_end_matches(['.', '-', '_'])
            .to_owned()
    };
    if !ours.is_empty() && prefix.is_empty() {
        Some(Slip::Bare)
    } else if ours.is_empty() && bare(prefix) == "v" {
        Some(Slip::V)
    } else if !ours.is_empty() && prefix != ours && bare(prefix) == bare(ours) {
        Some(Slip::Spelled)
    } else {
        None
    }
}

/// The prefix and version tag `name` ends in: a version after the prefix and a stray
/// separator that no version suffix reads (a prefix ending in a digit: `r2.0.1.0`);
/// `v.0.2.0` is read as `v.` and `0.2.0`.
pub(super) fn prefix_and_version<'n>(config: &Config, name: &'n str) -> Option<(&'n str, Version)> {
    if let Some(found) = crate::git::version_suffix(name) {
        return Some(found);
    }
    let rest = name.strip_prefix(config.version.tag_prefix.as_str())?;
    let version = Version::parse(rest.trim_start_matches(['.', '-', '_'])).ok()?;
    Some((&name[..name.len() - version.to_string().len()], version))
}

/// The version tag `name` names under a slip of the release tags' prefix (`0.1.0` or
/// `V0.1.0` where they are `v0.1.0`, `v0.1.0` where they have none): the tag hook refuses
/// it, as it would stop every later `relhook version` and release.
pub fn slipped_prefix(config: &Config, name: &str) -> Option<Version> {
    let (prefix, version) = prefix_and_version(config, name)?;
    slip(&config.version.tag_prefix, prefix).map(|_| version)
}
