//! A release tag on a channel's branch (`[release] channels`) that is not one of the channel's
//! pre-releases: a stable `v2.0.0` on `beta`, which a forgotten `-beta.N` makes. A hand tag
//! is refused on such a branch (HEAD's, where its release commit goes); pre-push refuses one
//! whose commit only channel branches hold, unless its message says it departed on purpose
//! (`relhook release --allow-stable` writes that). Each names the release that makes it on
//! purpose.

use git2::Oid;
use semver::Version;

use super::rules::Depth;
use crate::config::Config;
use crate::git::Repo;
use crate::release::channel::{NOT_ON_PURPOSE, off_channel, on_purpose, overridden};

/// Why release tag `name` of `version` (at `target`, on `commit`) does not belong where it is.
pub(super) fn problem(
    repo: &Repo,
    config: &Config,
    (name, version): (&str, &Version),
    (target, commit): (Oid, Oid),
    depth: Depth,
) -> Option<String> {
    if config.release.channels.is_empty() {
        return None;
    }
    let message = repo.tag_message(target).unwrap_or_default();
    if overridden(&String::from_utf8_lossy(&message)) {
        return None;
    }
    let (branch, channel) = match depth {
        // Made here: its release commit goes on HEAD's branch.
        Depth::Create => {
            let branch = repo.branch()?;
            let channel = config.release.channel(&branch)?.clone();
            (branch, channel)
        }
        // Published: on a commit only channel branches hold.
        Depth::Publish(_) => {
            let stable = crate::release::release_branches(repo, config);
            let mut holders = Vec::new();
            for (branch, tip) in repo.branches_at("heads/*") {
                let Some(branch) = branch.strip_prefix("heads/") else {
                    continue;
                };
                let channel = config.release.channel(branch);
                let is_stable = channel.is_none()
                    && (stable.is_empty()
                        || (stable.iter()).any(|b| crate::config::branch_matches(b, branch)));
                if (channel.is_some() || is_stable) && repo.reaches(tip, commit) {
                    match channel {
                        Some(c) => holders.push((branch.to_owned(), c.clone())),
                        None => return None,
                    }
                }
            }
            if holders.iter().any(|(_, c)| c.holds(version)) {
                return None;
            }
            holders.into_iter().next()?
        }
    };
    if channel.holds(version) {
        return None;
    }
    let why = off_channel(name, version, &branch, &channel);
    let fix = on_purpose(config, version);
    Some(match depth {
        Depth::Create => format!("{why}; `{fix}` makes it there on purpose"),
        Depth::Publish(_) => format!("{why}, and {NOT_ON_PURPOSE} (`{fix}` does)"),
    })
}
