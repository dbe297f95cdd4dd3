//! The current version (the greatest release tag reachable from HEAD) and the next one,
//! decided by the commits since that tag. Only those commits are read.

use std::path::Path;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::{Range, Repo};
use crate::version::bump::{self, BumpPolicy, CommitKind, Level, Requested};
use crate::version::files;
use crate::{Error, Result};

/// A commit that counts towards the next version.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Decider {
    /// Abbreviated id.
    pub commit: String,
    /// Full id (for JSON).
    #[serde(skip)]
    pub id: String,
    /// Its header.
    pub header: String,
    /// `major`, `minor` or `patch`: what this commit alone calls for.
    pub calls_for: &'static str,
}

/// Where the version stands.
#[derive(Debug, Clone)]
pub struct VersionInfo {
    /// The greatest reachable release tag and its version, if any.
    pub tag: Option<(String, Version, Oid)>,
    /// The current version: the tag's, else the first version file's, else `version.initial`.
    pub current: Version,
    /// Where `current` came from, for `--explain`.
    pub current_from: String,
    /// The commits since the tag, newest first.
    pub commits: Vec<Decider>,
    /// The next version.
    pub next: Version,
}

impl VersionInfo {
    /// The level the commits call for.
    pub fn level(&self) -> &'static str {
        if self.commits.iter().any(|c| c.calls_for == "major") {
            "major"
        } else if self.commits.iter().any(|c| c.calls_for == "minor") {
            "minor"
        } else {
            "patch"
        }
    }
}

/// Computes the current and next version.
pub fn version_info(
    repo: &Repo,
    config: &Config,
    root: &Path,
    requested: &Requested,
    pre: Option<&str>,
) -> Result<VersionInfo> {
    let head = repo.head();
    let prefix = &config.version.tag_prefix;
    let tag = head
        .and_then(|h| repo.latest_release_tag(h, prefix))
        .and_then(|(name, oid)| {
            let v = Version::parse(&name[prefix.len()..]).ok()?;
            Some((name, v, oid))
        });
    let (current, current_from) = match &tag {
        Some((name, v, _)) => (v.clone(), format!("release tag {name}")),
        None => from_files_or_initial(config, root),
    };
    let commits = match head {
        Some(h) => deciders(repo, h, tag.as_ref().map(|t| t.2))?,
        None => Vec::new(),
    };
    let kinds: Vec<CommitKind> = commits
        .iter()
        .map(|c| CommitKind {
            breaking: c.calls_for == "major",
            feat: c.calls_for == "minor",
        })
        .collect();
    let policy = BumpPolicy {
        zero_major_breaking_bumps_minor: config.version.zero_major_breaking_bumps_minor,
        zero_major_feat_bumps_patch: config.version.zero_major_feat_bumps_patch,
        initial: current.clone(),
    };
    let existing: Vec<Version> = tag.iter().map(|t| t.1.clone()).collect();
    let next = bump::next_version(
        tag.as_ref().map(|t| &t.1),
        &kinds,
        requested,
        pre,
        &existing,
        &policy,
    )
    .map_err(|e| Error::Refused(e.to_string()))?;
    Ok(VersionInfo {
        tag,
        current,
        current_from,
        commits,
        next,
    })
}

/// With no release tag, the version already written in the project is where it starts.
fn from_files_or_initial(config: &Config, root: &Path) -> (Version, String) {
    for f in super::version_files(config, root) {
        if let Ok(text) = files::read_version(root, &f) {
            if let Ok(v) = Version::parse(&text) {
                return (
                    v,
                    format!("{} ({}), no release tag yet", f.path.display(), f.locator),
                );
            }
        }
    }
    (
        config.version.initial.clone(),
        "`version.initial`, no release tag or version file yet".into(),
    )
}

fn deciders(repo: &Repo, head: Oid, since: Option<Oid>) -> Result<Vec<Decider>> {
    let range = Range {
        tips: vec![head],
        hidden: since.into_iter().collect(),
        ..Range::default()
    };
    let mut out = Vec::new();
    repo.walk(&range, |c| {
        if c.parents < 2 {
            let message = String::from_utf8_lossy(&c.message);
            let header = message.lines().next().unwrap_or("").to_owned();
            let calls_for = match crate::parse::commit(message.trim_end()) {
                Some(p) if p.breaking => "major",
                Some(p) if p.ty == "feat" => "minor",
                _ => "patch",
            };
            out.push(Decider {
                id: c.id.to_string(),
                commit: c.short,
                header,
                calls_for,
            });
        }
        true
    })?;
    Ok(out)
}

/// Parses `auto|major|minor|patch|X.Y.Z`.
pub fn parse_requested(s: &str) -> Result<Requested> {
    Ok(match s {
        "auto" => Requested::Auto,
        "major" => Requested::Level(Level::Major),
        "minor" => Requested::Level(Level::Minor),
        "patch" => Requested::Level(Level::Patch),
        other => Requested::Exact(
            Version::parse(other.strip_prefix('v').unwrap_or(other)).map_err(|e| {
                Error::Usage(format!(
                    "`{other}` is not auto, major, minor, patch or a SemVer version ({e})"
                ))
            })?,
        ),
    })
}
