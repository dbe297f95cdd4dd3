//! The version the commits below a release commit call for now, when it is above the
//! release's own only through commits the release was not made over: those a rebase put
//! under it (their entries left under Unreleased, which git's merge keeps there, or found by
//! the release commit as it was made, see `rebased`) and those that get no entry (which
//! history alone may not place). A release asked for below the commits its section tells
//! stays as asked.
//!
//! Every kind of release is judged the way `relhook release` would make it now: after a
//! stable release, the bump of its commits (a pre-release line continued or moved up, with
//! its identifier); a first release, the version its files said then, which a breaking change
//! made after them raises; a first line of pre-releases with no stable release before it,
//! never moved by its commits.

use std::collections::HashSet;

use git2::Oid;
use semver::{Prerelease, Version};

use super::super::next::Decider;
use crate::config::Config;
use crate::git::{ReleaseTag, Repo};
use crate::history::changelog::normalize;
use crate::history::version::bump::{self, BumpPolicy, CommitKind, Requested};

/// The version the commits below release commit `commit` of `version` (tag `tag`) call for,
/// above its own, with the header of the commit (one the release was not made over) that
/// calls for it. `left`: the entries its changelog still holds under Unreleased; `brought`:
/// the commits a rebase brought under it.
pub(super) fn called_for(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    version: &Version,
    tag: &str,
    left: &[String],
    brought: &HashSet<Oid>,
) -> Option<(Version, String)> {
    let pre = pre_id(version)?;
    let parent = repo.first_parent(commit)?;
    let prefix = &config.version.tag_prefix;
    let tags: Vec<ReleaseTag> = repo
        .release_tags(parent, prefix)
        .ok()?
        .into_iter()
        .filter(|t| t.name != tag)
        .collect();
    let stable = tags.iter().rev().find(|t| t.version.pre.is_empty());
    let latest = tags.last();
    // As `version --next` judges it: what an older line's release merged in brought is new.
    let top: Vec<Oid> = stable.map(|t| t.commit).into_iter().collect();
    let older =
        crate::history::older_line::older_lines(repo, config, parent, &top, Some(tag)).ok()?;
    let since = (stable.map(|t| t.commit), &older.not_new);
    let deciders =
        super::super::deciders::deciders(repo, config, parent, since, latest.map(|t| t.commit))
            .ok()?
            .commits;
    let left: HashSet<String> = left.iter().map(|e| normalize(e)).collect();
    let forge = crate::history::sync::forge(repo);
    // What the release was made over: the commits whose entries its section tells.
    let made_over = |d: &Decider| {
        d.in_changelog
            && Oid::from_str(&d.id).is_ok_and(|id| !brought.contains(&id))
            && (left.is_empty() || {
                let entry = Oid::from_str(&d.id)
                    .ok()
                    .and_then(|id| repo.commit_text(id))
                    .and_then(|m| {
                        crate::history::reverts::commit_entry(
                            repo,
                            &m,
                            &config.changelog,
                            forge.as_ref(),
                        )
                    });
                entry.is_none_or(|e| !left.contains(&normalize(&e.text)))
            })
    };
    let policy = BumpPolicy {
        zero_major_breaking_bumps_minor: config.version.zero_major_breaking_bumps_minor,
        zero_major_feat_bumps_patch: config.version.zero_major_feat_bumps_patch,
        initial: config.version.initial.clone(),
        pre_start: config.version.pre_release_start,
    };
    let first = match (stable, latest) {
        (None, None) => Some(FirstRelease::at(repo, config, parent)?),
        _ => None,
    };
    let latest_pre = latest.map(|t| &t.version).filter(|v| !v.pre.is_empty());
    let next = |commits: &[&Decider]| match &first {
        Some(f) => Some(f.version(repo, config, commits, pre.as_deref())),
        None => {
            let kinds: Vec<CommitKind> = commits.iter().map(|d| kind(d)).collect();
            bump::next_from(
                stable.map(|t| &t.version),
                latest_pre,
                &kinds,
                &Requested::Auto,
                pre.as_deref(),
                &[],
                &policy,
            )
            .ok()
        }
    };
    let core = |v: &Version| (v.major, v.minor, v.patch);
    let all: Vec<&Decider> = deciders.iter().collect();
    let now = next(&all)?;
    let over: Vec<&Decider> = deciders.iter().filter(|d| made_over(d)).collect();
    if core(&now) <= core(version) || core(&next(&over)?) > core(version) {
        return None;
    }
    let rank = |d: &&Decider| {
        ["patch", "minor", "major"]
            .iter()
            .position(|l| *l == d.calls_for)
    };
    let why = deciders.iter().filter(|d| !made_over(d)).max_by_key(rank)?;
    Some((now, why.header.clone()))
}

fn kind(d: &Decider) -> CommitKind {
    CommitKind {
        breaking: d.calls_for == "major",
        feat: d.calls_for == "minor",
    }
}

/// The identifier of a pre-release `version` (`rc` of `1.2.0-rc.3`), `Some(None)` for a
/// stable one, `None` when it has no identifier a release takes (`--pre ID` is one).
fn pre_id(version: &Version) -> Option<Option<String>> {
    if version.pre.is_empty() {
        return Some(None);
    }
    let text = version.pre.as_str();
    let id = match text.rsplit_once('.') {
        Some((id, n)) if n.bytes().all(|b| b.is_ascii_digit()) => id,
        _ => text,
    };
    let one = !id.contains('.') && !id.bytes().all(|b| b.is_ascii_digit());
    one.then(|| Some(id.to_owned()))
}

/// A first release (no release tag below it): the version the files said, raised by a
/// breaking change made after the commit that last set it.
struct FirstRelease {
    /// What the files said.
    current: Version,
    /// The commit that last changed the version the file says (none: not in history).
    set_by: Option<Oid>,
}

impl FirstRelease {
    /// The first release at `parent`, or `None` when no file says a version (the first
    /// release is `version.initial` then, whatever the commits).
    fn at(repo: &Repo, config: &Config, parent: Oid) -> Option<Self> {
        let root = repo.work_tree()?;
        let (file, current) = super::super::start::files_version_at(repo, config, &root, parent)?;
        let set_by = super::super::set_by::version_set_by(repo, &file, parent);
        Some(FirstRelease { current, set_by })
    }

    /// The first release `commits` call for, a pre-release of it with `pre`.
    fn version(
        &self,
        repo: &Repo,
        config: &Config,
        commits: &[&Decider],
        pre: Option<&str>,
    ) -> Version {
        let after_set = |d: &&&Decider| {
            let id = Oid::from_str(&d.id).ok();
            self.set_by
                .zip(id)
                .is_some_and(|(set, id)| id != set && !repo.reaches(set, id))
        };
        let current = &self.current;
        let mut out = if commits.iter().filter(after_set).any(|d| kind(d).breaking) {
            if current.major == 0 && config.version.zero_major_breaking_bumps_minor {
                Version::new(0, current.minor.saturating_add(1), 0)
            } else {
                Version::new(current.major.saturating_add(1), 0, 0)
            }
        } else {
            Version::new(current.major, current.minor, current.patch)
        };
        if let Some(id) = pre {
            let start = config.version.pre_release_start;
            out.pre = Prerelease::new(&format!("{id}.{start}")).unwrap_or_default();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pre_release_names_the_identifier_a_release_takes() {
        let id = |v: &str| pre_id(&Version::parse(v).unwrap());
        assert_eq!(id("1.2.0"), Some(None));
        assert_eq!(id("1.2.0-rc.3"), Some(Some("rc".into())));
        assert_eq!(id("1.2.0-rc"), Some(Some("rc".into())));
        assert_eq!(id("1.2.0-beta-2.0"), Some(Some("beta-2".into())));
        // Not one `--pre ID` makes: nothing is said of its version.
        assert_eq!(id("1.2.0-alpha.beta.1"), None);
        assert_eq!(id("1.2.0-1"), None);
    }
}
