//! The name a release is tagged under: SemVer's (`v1.2.0-rc.2`), or where a hand tag in PEP
//! 440's spelling of a pre-release (poetry's `1.2.0rc2`) stands for the version, that tag's.
//! Its release commit reads history up to that tag, and heads its section as the changelog
//! spells its pre-releases (`## [1.2.0rc2]` below `## [1.2.0rc1]`).

use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::{Changelog, release_version};

/// The tag of release `version`: SemVer's name, unless only its PEP 440 spelling is tagged
/// (a hand tag, made before its release commit).
pub(super) fn tag_name(repo: &Repo, config: &Config, version: &Version) -> String {
    let prefix = &config.version.tag_prefix;
    repo.release_tag_of(prefix, version)
        .unwrap_or_else(|| format!("{prefix}{version}"))
}

/// The label of release `version`'s heading in `log`, tagged `tag`: the tag's spelling, unless
/// the newest pre-release heading spells it otherwise (`1.2.0-rc.1` beside a tag `1.2.0rc2`).
pub(super) fn heading_label(
    log: &Changelog,
    config: &Config,
    tag: &str,
    version: &Version,
) -> String {
    let semver = version.to_string();
    let tagged = tag.strip_prefix(config.version.tag_prefix.as_str());
    let Some(label) = tagged.filter(|l| *l != semver) else {
        return semver;
    };
    let versions = log.versions();
    let newest_pre =
        (versions.iter()).find(|l| release_version(l).is_some_and(|v| !v.pre.is_empty()));
    match newest_pre.is_some_and(|l| Version::parse(l.strip_prefix('v').unwrap_or(l)).is_ok()) {
        true => semver,
        false => label.to_owned(),
    }
}
