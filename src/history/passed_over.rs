//! Release tags relhook cannot read as SemVer though they name a release (PEP 440's
//! `v1.0.0b1`, as Python tools spell versions): history is read without them, so the current
//! version is an older tag's and the next one may go below them. `version`, `release`, a
//! hand tag and doctor each say so in one line, with the SemVer spelling relhook reads.
//! A tag with build metadata (`v0.1.1+b.1`) is passed over too: it is no release anywhere
//! (see [`crate::git::release_version`]), and where it stands above the last release the
//! same line says it is ignored.

use git2::Oid;
use semver::Version;

use super::version::above::advice;
use super::version::files::semver_spelling;
use crate::config::Config;
use crate::git::Repo;

/// A release tag passed over (see the module).
#[derive(Debug, Clone)]
pub struct PassedOver {
    /// Its name (`v1.0.0b1`).
    pub name: String,
    /// Its version in SemVer's spelling (`1.0.0-b.1`).
    pub version: Version,
    /// The tag read as the last release instead, if any.
    pub last: Option<String>,
    /// Whether it is passed over for its build metadata (`version` then has the build).
    pub build: bool,
}

/// The greatest tag in HEAD's history passed over above every release tag read there: one
/// below them (a project that moved to SemVer spellings since) changes nothing.
pub fn passed_over(repo: &Repo, config: &Config) -> Option<PassedOver> {
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    let last = super::tags::reachable_tags(repo, head, prefix).latest;
    let mut found: Vec<(String, Version, Oid)> = (repo.tags_under(prefix).into_iter())
        .filter_map(|(name, commit)| {
            let rest = name.get(prefix.len()..)?;
            // `None` for SemVer's own spellings, which are read, but for a build's.
            let build = Version::parse(rest).ok().filter(|v| !v.build.is_empty());
            let version = build.or_else(|| semver_spelling(rest))?;
            Some((name, version, commit))
        })
        .filter(|(_, v, _)| (last.as_ref()).is_none_or(|t| v.cmp_precedence(&t.version).is_gt()))
        .collect();
    found.sort_by(|a, b| b.1.cmp_precedence(&a.1));
    let (name, version, _) =
        (found.into_iter()).find(|(_, _, c)| *c == head || repo.reaches(head, *c))?;
    Some(PassedOver {
        name,
        build: !version.build.is_empty(),
        version,
        last: last.map(|t| t.name),
    })
}

impl PassedOver {
    /// What was passed over, and what is read instead.
    pub fn what(&self, config: &Config) -> String {
        let read = match &self.last {
            Some(t) => format!("{t} is taken for the last release"),
            None => "no release is taken to be made yet".to_owned(),
        };
        if self.build {
            return format!(
                "tag {} is passed over: its build metadata (`+{}`) makes it no release, as SemVer precedence ignores the build, so {read}",
                self.name, self.version.build
            );
        }
        format!(
            "tag {} is passed over: relhook reads release tags as SemVer, and it is PEP 440's spelling of {}{}, so {read}",
            self.name, config.version.tag_prefix, self.version
        )
    }

    /// The way on: the next version named above it, in SemVer's spelling.
    pub fn fix(&self, config: &Config) -> String {
        if self.build {
            let mut plain = self.version.clone();
            plain.build = semver::BuildMetadata::EMPTY;
            return format!(
                "the release of its version is `{} {plain}` (the tag message can carry the build)",
                config.release_command()
            );
        }
        let command = advice(&config.release_command(), &self.version, true);
        format!("name the next version above it in SemVer: {command}")
    }

    /// [`Self::what`] and [`Self::fix`] in one line.
    pub fn note(&self, config: &Config) -> String {
        format!("{}; {}", self.what(config), self.fix(config))
    }
}
