//! A hand tag without its section on a commit a release above it already holds (`git tag -a
//! v0.2.0 <commit below v0.1.0>`): a release of it, on a branch of its own, would be a "first
//! release" of shipped code, its changes listed again under the new version once merged. The
//! release is of the commits made since, from HEAD; where HEAD is a release commit with nothing
//! since, there is none to make.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::{Repo, short_id};

/// Why tag `tag` of `version` on `commit` makes no release, with the one to make instead;
/// `None` when no release above holds the commit. Asked only of a tag off a branch's HEAD
/// (below it, or on a detached HEAD): a branch's own HEAD is `relhook release`'s to judge,
/// and the usual hand tag reads no tag's changelog for it.
pub(super) fn already(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    tag: &str,
    version: &Version,
) -> Option<String> {
    if repo.head() == Some(commit) && repo.branch().is_some() {
        return None;
    }
    let (name, released) = crate::release::released_in(repo, config, commit, Some(tag))?;
    let release = config.release_command();
    let head_too = repo
        .head()
        .is_some_and(|h| crate::release::released_in(repo, config, h, Some(tag)).is_some());
    // HEAD is a release commit with nothing since: neither a tag of it nor a release passes.
    let at_head = repo
        .head()
        .and_then(|h| crate::tag::nothing_since::release_on(repo, config, h, tag, version));
    // HEAD holds nothing new either: the commits since are on another branch.
    let instead = if head_too {
        format!(
            "release the commits made since on a branch that holds {name} (`git branch --contains {}` lists them): `{release}` there",
            crate::shellword::quote(&name)
        )
    } else if let Some(other) = at_head {
        format!(
            "HEAD is release {other}'s and nothing was committed since, so there is nothing new to release since {other}"
        )
    } else if version.cmp_precedence(&released).is_gt() {
        format!(
            "to release the commits made since, tag HEAD (`git tag -a {}`), or let relhook choose the version: `{release}`",
            crate::shellword::quote(tag)
        )
    } else {
        format!("to release the commits made since: `{release}` (the version they call for)")
    };
    Some(format!(
        "commit {} is already released in {name} (that release tag is on a commit above it, which holds it), so a release of it would ship released changes as new; {instead}",
        short_id(commit)
    ))
}
