//! The commits of the unreleased range `--sync` writes no entry for because their header is
//! not a Conventional Commit: taken from the commits the plan walked already, for whichever
//! changelog it plans (the root's, a package's), not from a walk of their own.

use std::collections::HashSet;

use git2::Oid;

use super::release_text::Wants;
use super::seen::Seen;
use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::packages::Filter;

/// The commits since the last release that are not Conventional Commits, as the changelog
/// planned counts them (a package's own, in a package's view).
#[derive(Debug, Clone, Default)]
pub struct NoEntry {
    /// The last release's version (`None`: no release yet), which its tag names.
    pub since: Option<semver::Version>,
    /// Each commit's id and header, newest first.
    pub commits: Vec<(Oid, String)>,
}

/// Of `commits` (oldest first), those `quiet` holds (they called for no entry) whose header
/// is not a Conventional Commit: not one `commit.ignore` waves through, nor git's revert of a
/// merge or its reapply (a change, but nothing lint refuses), and one `filter` counts. Only
/// `--sync` looks for them ([`Wants::Sync`]); `since`: the last release's version.
///
/// Counted as `relhook release` counts them, since the last *stable* release (DESIGN: the
/// next version comes from the commits since it, and a stable release's section carries its
/// pre-releases'): after a pre-release, the commits before it are named too, so that the
/// note and the release's warning name the same commits since the same tag.
pub(super) fn among(
    (repo, config, wants): (&Repo, &Config, Wants),
    (commits, quiet, since): (&[Seen], &[Oid], Option<&semver::Version>),
    filter: &mut Filter<'_, '_>,
) -> Result<NoEntry> {
    if wants != Wants::Sync {
        return Ok(NoEntry::default());
    }
    let quiet: HashSet<&Oid> = quiet.iter().collect();
    let mut out = Vec::new();
    for c in commits.iter().rev().filter(|c| quiet.contains(&c.id)) {
        if not_conventional(repo, config, c) && filter.counts(c.id, &c.message)? {
            out.push((c.id, c.header()));
        }
    }
    let mut since = since.cloned();
    let pre_release = since.as_ref().is_some_and(|v| !v.pre.is_empty());
    if let (true, Some(head)) = (pre_release, repo.head()) {
        let prefix = &config.version.tag_prefix;
        let stable = crate::history::tags::reachable_tags(repo, head, prefix).stable;
        let walked: HashSet<Oid> = commits.iter().map(|c| c.id).collect();
        let range = Range {
            tips: vec![head],
            hidden: stable.iter().map(|s| s.commit).collect(),
            ..Range::default()
        };
        // The commits since the stable release the unreleased range left out (the
        // pre-release's and those before it), newest first, after the range's own.
        let before = super::seen::collect(repo, &range)?;
        for c in before.iter().rev().filter(|c| !walked.contains(&c.id)) {
            if c.parents.len() < 2
                && !c.unreadable
                && not_conventional(repo, config, c)
                && filter.counts(c.id, &c.message)?
            {
                out.push((c.id, c.header()));
            }
        }
        since = stable.map(|s| s.version);
    }
    Ok(NoEntry {
        since,
        commits: out,
    })
}

/// Whether `c` is not a Conventional Commit, nor one `commit.ignore` waves through, nor git's
/// revert of a merge or its reapply.
fn not_conventional(repo: &Repo, config: &Config, c: &Seen) -> bool {
    let header = c.header();
    !(crate::commit::parse::commit(c.message.trim_end()).is_some()
        || config.commit.ignore.iter().any(|p| p.is_match(&header))
        || crate::history::reverts::merge_revert(c.id, &c.message).is_some()
        || crate::history::reverts::reapplied_merge_revert(repo, &c.message).is_some())
}
