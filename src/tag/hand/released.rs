//! A hand tag without its section on a commit a release already holds: below another
//! release's tag (`git tag -a v0.2.0 <commit below v0.1.0>`), or carrying one itself (its
//! release commit, given by name, at a detached HEAD or on a branch of its own). A release of
//! it would be a "first release" of shipped code, or one with nothing new, its changes listed
//! again under the new version once merged. The release is of the commits made since, from
//! HEAD; where HEAD is a release commit with nothing since, there is none to make. A
//! lightweight tag there is refused for that reason first: made annotated, it would be
//! refused again.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::{Repo, short_id};

/// Why tag `tag` of `version` on `commit` makes no release, with the one to make instead;
/// `None` when no release holds the commit. A branch's own HEAD is `relhook release`'s to
/// judge (the usual hand tag reads no tag's changelog for it), unless it is a release commit
/// already and no pull would bring anything to release.
pub(super) fn already(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    tag: &str,
    version: &Version,
) -> Option<String> {
    let head = repo.head();
    let on_branch = head == Some(commit) && repo.branch().is_some();
    // Its own release commit: another release tag on the commit itself.
    let own = crate::tag::nothing_since::release_on(repo, config, commit, tag, version);
    if head == Some(commit) {
        let behind = repo.behind_upstream().is_some_and(|(_, n)| n > 0);
        return match own {
            Some(other) if !behind => Some(super::marker::released_or_unfinished(
                repo, config, &other, version,
            )),
            _ if on_branch => None,
            _ => above(repo, config, commit, tag, version),
        };
    }
    match own {
        Some(other) => {
            let released = super::version_of(config, &other)?;
            Some(format!(
                "commit {} is release {other}'s own (its tag is on it), so a release of it as {version} would have nothing new; {}",
                short_id(commit),
                instead(repo, config, tag, version, (&other, &released))
            ))
        }
        None => above(repo, config, commit, tag, version),
    }
}

/// [`already`] for a commit below another release's tag.
fn above(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    tag: &str,
    version: &Version,
) -> Option<String> {
    let (name, released) = crate::release::released_in(repo, config, commit, Some(tag))?;
    Some(format!(
        "commit {} is already released in {name} (that release tag is on a commit above it, which holds it), so a release of it would ship released changes as new; {}",
        short_id(commit),
        instead(repo, config, tag, version, (&name, &released))
    ))
}

/// The release to make instead of tag `tag` of `version` on a commit release `name` (of
/// `released`) holds.
fn instead(
    repo: &Repo,
    config: &Config,
    tag: &str,
    version: &Version,
    (name, released): (&str, &Version),
) -> String {
    let release = config.release_command();
    let head_too = repo
        .head()
        .is_some_and(|h| crate::release::released_in(repo, config, h, Some(tag)).is_some());
    // HEAD is a release commit with nothing since: neither a tag of it nor a release passes.
    let at_head = repo
        .head()
        .and_then(|h| crate::tag::nothing_since::release_on(repo, config, h, tag, version));
    // HEAD holds nothing new either: the commits since are on another branch.
    if head_too {
        format!(
            "release the commits made since on a branch that holds {name} (`git branch --contains {}` lists them): `{release}` there",
            crate::shellword::quote(name)
        )
    } else if let Some(other) = at_head {
        format!(
            "HEAD is release {other}'s and nothing was committed since, so there is nothing new to release since {other}"
        )
    } else if repo.branch().is_none() {
        // A tag of a detached HEAD would be refused for that: the branch to release from.
        format!(
            "to release the commits made since, switch to the branch that holds them, then `{release}`"
        )
    } else if version.cmp_precedence(released).is_gt() {
        format!(
            "to release the commits made since, tag HEAD (`{}`), or let relhook choose the version: `{release}`",
            config.hand_tag_command(tag)
        )
    } else {
        format!("to release the commits made since: `{release}` (the version they call for)")
    }
}

/// `problems` of hand tag `u`, or where its one problem is being lightweight on a commit a
/// release already holds, that instead (see the module).
pub(super) fn lightweight(
    repo: &Repo,
    config: &Config,
    u: &super::Update,
    problems: Vec<String>,
) -> Vec<String> {
    let light = repo.object_kind(u.new) == Some(crate::git::ObjectKind::Commit);
    let why = (problems.len() == 1 && light)
        .then(|| super::version_of(config, &u.tag))
        .flatten()
        .filter(|v| super::needs_section(repo, config, v, u.new))
        .and_then(|v| already(repo, config, u.new, &u.tag, &v));
    match why {
        Some(why) => vec![format!("`{}` is a lightweight tag, and {why}", u.tag)],
        None => problems,
    }
}
