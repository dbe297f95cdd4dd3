//! A pre-release line that already shipped what calls for more than it (Vue's 3.6.0-rc.5
//! with breaking changes since 3.5): the next version still leaves the line, as SemVer and
//! the other release tools say (a final 3.6.0 reaches every `^3.5.0` user a pre-release never
//! reached), and one line names the release that finishes the line instead.

use semver::Version;

use super::Unlogged;
use super::next::Decider;
use crate::config::VersionConfig;
use crate::git::Repo;
use crate::history::version::bump::{self, BumpPolicy, CommitKind, Requested};

/// What calls for more than the latest pre-release's line, all of it shipped in that
/// pre-release, and the release that stays on the line.
#[derive(Debug, Clone)]
pub struct ShippedInLine {
    /// The latest pre-release's tag (`v1.1.0-rc.1`).
    pub tag: String,
    /// Its version.
    pub line: Version,
    /// The release that finishes the line (`1.1.0`) or goes on with it (`1.1.0-rc.2`).
    pub instead: Version,
    /// The headers of the commits that call for more, all shipped in `tag`.
    pub headers: Vec<String>,
    /// `major` or `minor`: what they call for.
    pub level: &'static str,
}

/// The release that stays on the line of the latest pre-release `latest_pre`, when only the
/// commits and entries since it count (what it shipped was already released under its
/// line): `None` when those alone call for more than the line.
pub(super) fn on_line(
    (stable, latest_pre): (Option<&Version>, Option<&Version>),
    commits: &[Decider],
    unlogged: &[Unlogged],
    pre: Option<&str>,
    policy: &BumpPolicy,
) -> Option<Version> {
    let (stable, line) = (stable?, latest_pre?);
    // A pre-release of nothing new would have empty notes, which a release refuses.
    let news = commits.iter().any(|c| c.after_latest && c.in_changelog) || !unlogged.is_empty();
    if pre.is_some() && !news {
        return None;
    }
    // Entries no commit wrote were written since: a pre-release's section took them in.
    let kinds: Vec<CommitKind> = (commits.iter().filter(|c| c.after_latest))
        .map(|c| c.calls_for)
        .chain(unlogged.iter().map(|e| e.calls_for))
        .map(|l| CommitKind {
            breaking: l == "major",
            feat: l == "minor",
        })
        .collect();
    let next = bump::next_from(
        Some(stable),
        Some(line),
        &kinds,
        &Requested::Auto,
        pre,
        &[],
        policy,
    )
    .ok()?;
    (core(&next) == core(line)).then_some(next)
}

/// [`ShippedInLine`] when `next` leaves the line of the latest pre-release `tag` for what
/// the commits it shipped call for, and `instead` (from [`on_line`]) stays on it.
pub(super) fn shipped(
    tag: Option<&(String, Version, git2::Oid)>,
    commits: &[Decider],
    instead: Option<Version>,
    next: &Version,
) -> Option<ShippedInLine> {
    let (name, line, _) = tag.filter(|t| !t.1.pre.is_empty())?;
    let instead = instead?;
    if core(next) <= core(line) {
        return None;
    }
    // What the shipped commits call for at most (below 1.0.0 a breaking change makes a minor).
    let shipped = || commits.iter().filter(|c| !c.after_latest);
    let level = ["major", "minor"]
        .into_iter()
        .find(|l| shipped().any(|c| c.calls_for == *l))?;
    let headers: Vec<String> = shipped()
        .filter(|c| c.calls_for == level)
        .map(|c| crate::printable::visible(&c.header))
        .collect();
    (!headers.is_empty()).then(|| ShippedInLine {
        tag: name.clone(),
        line: line.clone(),
        instead,
        headers,
        level,
    })
}

impl ShippedInLine {
    /// This, where the release that stays on the line is not tagged already on another branch
    /// (the line finished there, `v1.1.0` on a release branch), which the release would refuse:
    /// a pre-release's taken number moves to the next free one of the line, and a line
    /// finished elsewhere is no line to stay on.
    pub(super) fn untaken(mut self, repo: &Repo, version_config: &VersionConfig) -> Option<Self> {
        if super::taken_by(repo, version_config, &self.instead).is_some() {
            let free = super::first_untaken(repo, version_config, &self.instead)?;
            if core(&free) != core(&self.instead) {
                return None;
            }
            self.instead = free;
        }
        Some(self)
    }

    /// "the breaking change that calls for 2.0.0 (`feat!: b`) already shipped in
    /// v1.1.0-rc.1: `relhook release 1.1.0` finishes the 1.1.0-rc line instead"; `command`:
    /// the command that releases (`relhook release --package api`).
    pub fn note(&self, next: &Version, command: &str) -> String {
        let n = self.headers.len();
        let what = match (self.level, n) {
            ("major", 1) => "the breaking change that calls",
            ("major", _) => "the breaking changes that call",
            (_, 1) => "the new feature that calls",
            _ => "the new features that call",
        };
        let more = match n {
            1 => String::new(),
            k => format!(" and {} more", k - 1),
        };
        let how = match self.instead.pre.is_empty() {
            true => "finishes",
            false => "goes on with",
        };
        format!(
            "{what} for {} (`{}`{more}) already shipped in {}: `{command} {}` {how} the {} line instead",
            Version::new(next.major, next.minor, next.patch),
            self.headers[0],
            self.tag,
            self.instead,
            super::below::line_of(&self.line)
        )
    }
}

fn core(v: &Version) -> (u64, u64, u64) {
    (v.major, v.minor, v.patch)
}
