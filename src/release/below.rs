//! A release asked for below what the commits call for (a breaking change released as a
//! patch, by `relhook release patch` or a hand tag): made as asked, and said in one line.

use std::path::Path;

use semver::Version;

use super::VersionInfo;
use crate::config::Config;
use crate::git::Repo;
use crate::history::version::bump::{self, BumpPolicy, CommitKind, Requested};

/// What the commits call for, when it is above `next` (the version asked for).
pub(super) fn called_for(
    stable: Option<&Version>,
    latest_pre: Option<&Version>,
    kinds: &[CommitKind],
    pre: Option<&str>,
    policy: &BumpPolicy,
    next: &Version,
) -> Option<Version> {
    let core = |v: &Version| (v.major, v.minor, v.patch);
    bump::next_from(
        stable,
        latest_pre,
        kinds,
        &Requested::Auto,
        pre,
        &[],
        policy,
    )
    .ok()
    .filter(|auto| core(auto) > core(next))
}

impl VersionInfo {
    /// One line when the release asked for is below what the commits call for (a breaking
    /// change released as a patch): released as asked, and said.
    pub fn below_commits_note(&self) -> Option<String> {
        let called = self.below_commits.as_ref()?;
        let level = self.level();
        let why = self.commits.iter().find(|c| c.calls_for == level).map(|c| {
            let what = match level {
                "major" => "a breaking change",
                "minor" => "a new feature",
                _ => "a fix",
            };
            format!(" (`{}` is {what})", c.header)
        });
        Some(format!(
            "the commits since {} call for {called}{}; releasing {} as asked",
            self.since(),
            why.unwrap_or_default(),
            self.next
        ))
    }
}

/// [`VersionInfo::below_commits_note`] for release tag `tag` made by hand.
/// The history is walked only when a release tag is below it and the tag is no major bump
/// of it (nothing is above a major; the first release has nothing to be below).
pub fn tag_below_commits(repo: &Repo, config: &Config, root: &Path, tag: &str) -> Option<String> {
    let version = Version::parse(tag.strip_prefix(config.version.tag_prefix.as_str())?).ok()?;
    let prefix = &config.version.tag_prefix;
    let below = repo
        .release_tags(repo.head()?, prefix)
        .ok()?
        .into_iter()
        .filter(|t| t.name != tag && t.version.cmp_precedence(&version).is_lt())
        .max_by(|a, b| a.version.cmp_precedence(&b.version))?;
    if version.major > below.version.major && below.version.major > 0 {
        return None;
    }
    let requested = Requested::Exact(version);
    super::version_info(repo, config, root, &requested, None)
        .ok()?
        .below_commits_note()
}
