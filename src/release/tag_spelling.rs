//! The name a release is tagged under: SemVer's (`v1.2.0-rc.2`), or where a hand tag in PEP
//! 440's spelling of a pre-release (poetry's `1.2.0rc2`) stands for the version, that tag's.
//! Its release commit reads history up to that tag, and heads its section as the changelog
//! spells its pre-releases (`## [1.2.0rc2]` below `## [1.2.0rc1]`).

use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::Changelog;

/// The tag of release `version`: SemVer's name, unless only its PEP 440 spelling is tagged
/// (a hand tag, made before its release commit).
pub(super) fn tag_name(repo: &Repo, config: &Config, version: &Version) -> String {
    let prefix = &config.version.tag_prefix;
    repo.release_tag_of(prefix, version)
        .unwrap_or_else(|| format!("{prefix}{version}"))
}

/// The label of release `version`'s heading in `log`, tagged `tag`
/// ([`Changelog::heading_label`], the rule a rebuild follows too).
pub(super) fn heading_label(
    log: &Changelog,
    config: &Config,
    tag: &str,
    version: &Version,
) -> String {
    let tagged = tag.strip_prefix(config.version.tag_prefix.as_str());
    match tagged {
        Some(label) => log.heading_label(label, version),
        None => version.to_string(),
    }
}
