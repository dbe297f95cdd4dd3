//! A release tag on a channel's branch (`[release] channels`), judged by the rule `relhook
//! release` follows there ([`ruling`]): a stable `v2.0.0` on `beta`, which a forgotten
//! `-beta.N` makes, is refused; another identifier's pre-release (`v2.0.0-rc.1`, typed on
//! purpose as `--pre rc` is) is made, and said. A hand tag is judged on HEAD's branch, where
//! its release commit goes; pre-push judges a tag whose commit only channel branches of the
//! remote hold once the push is made, unless its message says it departed on purpose
//! (`relhook release --allow-stable` writes that). Each refusal names the release that makes
//! it on purpose.

use git2::Oid;
use semver::Version;

use super::rules::{Depth, RemoteBranches};
use crate::config::{Channel, Config};
use crate::git::Repo;
use crate::release::channel::{
    Here, NOT_ON_PURPOSE, Ruling, identifier, on_purpose, overridden, ruling,
};

/// Why release tag `name` of `version` (at `target`, on `commit`) does not belong where it is.
pub(super) fn problem(
    repo: &Repo,
    config: &Config,
    (name, version): (&str, &Version),
    (target, commit): (Oid, Oid),
    depth: Depth<'_>,
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
        Depth::Create => head_channel(repo, config)?,
        Depth::Publish(_, remote) => held_only_by_channels(repo, config, remote, commit)?,
    };
    let asked = format!("`{name}`");
    let Ruling::Refused(why) = ruling((&branch, &channel), &asked, identifier(version), false)
    else {
        return None;
    };
    let fix = on_purpose(config, version);
    Some(match depth {
        Depth::Create => format!("{why}; `{fix}` {MADE_ON_PURPOSE}"),
        Depth::Publish(..) => format!("{why}, and {NOT_ON_PURPOSE} (`{fix}` does)"),
    })
}

/// How a hand tag's refusal by the rule ends ([`problem`]), which [`is_refusal`] reads.
const MADE_ON_PURPOSE: &str = "makes it there on purpose";

/// Whether `why`, a hand tag's refusal, is the rule's: the tag made past the hook instead
/// (`RELHOOK_SKIP=1`) is one pre-push refuses in turn, so [`PAST_THE_HOOK`] is said instead.
pub fn is_refusal(why: &str) -> bool {
    why.contains(MADE_ON_PURPOSE) && why.contains("pre-releases (")
}

/// What a hand tag the rule refuses says in place of the way past the hook: none goes.
pub const PAST_THE_HOOK: &str = "a tag made past this hook (`RELHOOK_SKIP=1`) is one pre-push refuses to push from this branch: the `--allow-stable` release named above is the one made on purpose";

/// What release tag `name`, made by hand and let pass by the rule, says: another identifier's
/// pre-release on HEAD's channel branch, as `relhook release --pre` says it.
pub fn note(repo: &Repo, config: &Config, name: &str) -> Option<String> {
    if config.release.channels.is_empty() {
        return None;
    }
    let version = super::hand::version_of(config, name)?;
    let (branch, channel) = head_channel(repo, config)?;
    let asked = format!("`{name}`");
    match ruling((&branch, &channel), &asked, identifier(&version), false) {
        Ruling::Departs(line) => Some(line),
        _ => None,
    }
}

/// The releases that make release tag `name` of `version` (on `commit`) with the section it
/// lacks (`with …`), and whether they make it only on purpose (a stable one on a channel's branch, which
/// no hand tag makes there): those HEAD's branch takes, where it is a channel's; for a tag
/// pushed from elsewhere (`depth`), those of the channel's branch that judges it
/// ([`judging_elsewhere`]), with the way there.
pub(super) fn releases_taken(
    repo: &Repo,
    config: &Config,
    (name, version): (&str, &Version),
    (commit, depth): (Oid, Depth<'_>),
) -> (String, bool) {
    let elsewhere = match depth {
        Depth::Publish(_, remote) => judging_elsewhere(repo, config, remote, commit, Some(name)),
        Depth::Create => None,
    };
    if let Some(there) = elsewhere {
        let branch = there.branch();
        let release = format!(
            "on its channel's branch {branch} (`{}`) with {}",
            repo.switch_command(branch),
            there.again(config, version)
        );
        return (release, there.refuses(version));
    }
    if let Depth::Publish(_, remote) = depth
        && let Some(release) = stable_elsewhere(repo, config, remote, commit, version)
    {
        return (release, false);
    }
    match crate::release::channel::here(repo, config, Some(name)) {
        Some(here) => (
            format!("with {}", here.again(config, version)),
            here.refuses(version),
        ),
        None => (format!("with `{}`", config.release_command()), false),
    }
}

/// The channel branch of `remote` that judges a tag on `commit` ([`held_only_by_channels`]),
/// when HEAD is not on it, as advice given from HEAD sees it: its next pre-release judged at
/// its tip (the local branch's, else the remote's); `except`: a tag the advice deletes first.
pub fn judging_elsewhere(
    repo: &Repo,
    config: &Config,
    remote: RemoteBranches<'_>,
    commit: Oid,
    except: Option<&str>,
) -> Option<Here> {
    let (branch, channel) = held_only_by_channels(repo, config, remote, commit)?;
    if repo.branch().as_deref() == Some(branch.as_str()) {
        return None;
    }
    let tip = (repo.local_branch_tip(&branch))
        .or_else(|| (remote.iter()).find(|(b, _)| *b == branch).map(|(_, t)| *t));
    Some(crate::release::channel::at_tip(
        repo,
        config,
        (branch, channel),
        tip,
        except,
    ))
}

/// The release that makes stable release tag `version` on `commit` where a stable branch of
/// `remote` holds it and HEAD is on a channel's branch: made on that branch, named with the
/// way there (`on its branch main (`git switch main`) with `relhook release 1.0.1``), not the
/// channel's advice of HEAD's branch.
pub fn stable_elsewhere(
    repo: &Repo,
    config: &Config,
    remote: RemoteBranches<'_>,
    commit: Oid,
    version: &Version,
) -> Option<String> {
    let (_, there) = stable_there(repo, config, remote, commit, version)?;
    Some(format!(
        "{there} with `{} {version}`",
        config.release_command()
    ))
}

/// Where stable release tag `version` on `commit` is made when a stable branch of `remote`
/// holds it and HEAD is on a channel's branch: the branch, and `on its branch main (`git
/// switch main`)`.
/// Several holding it: the first of `remote` (the branches the push updates come first, then
/// the others by name), so that the branch named does not depend on the order refs are read.
pub fn stable_there(
    repo: &Repo,
    config: &Config,
    remote: RemoteBranches<'_>,
    commit: Oid,
    version: &Version,
) -> Option<(String, String)> {
    if !version.pre.is_empty() {
        return None;
    }
    head_channel(repo, config)?;
    let stable = crate::release::release_branches(repo, config);
    let (branch, _) = (remote.iter()).find(|(branch, tip)| {
        config.release.channel(branch).is_none()
            && (stable.is_empty()
                || (stable.iter()).any(|b| crate::config::branch_matches(b, branch)))
            && repo.reaches(*tip, commit)
    })?;
    let way = format!("on its branch {branch} (`{}`)", repo.switch_command(branch));
    Some((branch.clone(), way))
}

/// [`stable_there`] for release tag `name` (a name of `config`'s tag prefix) on `commit`.
pub fn stable_there_for(
    repo: &Repo,
    config: &Config,
    remote: RemoteBranches<'_>,
    commit: Oid,
    name: &str,
) -> Option<(String, String)> {
    let version = name.strip_prefix(config.version.tag_prefix.as_str())?;
    let version = Version::parse(version).ok()?;
    stable_there(repo, config, remote, commit, &version)
}

/// HEAD's branch and its channel, when it is one.
fn head_channel(repo: &Repo, config: &Config) -> Option<(String, Channel)> {
    let branch = repo.branch()?;
    let channel = config.release.channel(&branch)?.clone();
    Some((branch, channel))
}

/// The channel branch of `remote` (its branches once the push is made) that `commit` stands
/// on, when only channel branches hold it there (the first one's). `None`
/// too when no branch of the remote holds it as far as this clone can tell (a remote never
/// fetched, a tag pushed alone): nothing is guessed from this clone's own branches.
fn held_only_by_channels(
    repo: &Repo,
    config: &Config,
    remote: RemoteBranches<'_>,
    commit: Oid,
) -> Option<(String, Channel)> {
    let stable = crate::release::release_branches(repo, config);
    let mut holders = Vec::new();
    for (branch, tip) in remote {
        let channel = config.release.channel(branch);
        let is_stable = channel.is_none()
            && (stable.is_empty()
                || (stable.iter()).any(|b| crate::config::branch_matches(b, branch)));
        if (channel.is_some() || is_stable) && repo.reaches(*tip, commit) {
            match channel {
                Some(c) => holders.push((branch.clone(), c.clone())),
                None => return None,
            }
        }
    }
    holders.into_iter().next()
}
