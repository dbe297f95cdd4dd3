//! The way out of a release tag that slipped the release tags' prefix (`0.1.1` where they are
//! `v0.1.1`): its commit tagged under the prefix where it is that version's release commit,
//! else the tag deleted and its version released under the prefix. Said alike by pre-push
//! (`prepush::misnamed`) and by `relhook version`, releases and doctor (`tags`), so the
//! advice for one tag is the same wherever it is met.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;

/// `version` as its release names it: a slip with build metadata (`0.1.1+b.1`) is released as
/// its plain version, as neither `relhook release` nor the tag hook takes a version with a
/// build.
pub fn released_as(version: &Version) -> Version {
    Version {
        build: semver::BuildMetadata::EMPTY,
        ..version.clone()
    }
}

/// Where slipped tag `name` (on `target`, a tag object or a commit) is on `version`'s release
/// commit (its changelog holds the version's section): the clause that tags that commit under
/// the prefix instead, as one command.
pub fn retag(
    repo: &Repo,
    config: &Config,
    name: &str,
    target: Oid,
    version: &Version,
) -> Option<String> {
    let version = released_as(version);
    let tag = format!("{}{version}", config.version.tag_prefix);
    let commit = repo
        .peel_to_commit(target)
        .filter(|c| super::sync::has_section_at(repo, *c, &config.changelog.path, &version))?;
    let q = crate::shellword::quote(&tag);
    Some(format!(
        "its commit is {version}'s release commit: tag it under the prefix: `git tag -d {} && git tag -a {q} {} -m {q}`",
        crate::shellword::quote(name),
        crate::git::short_id(commit)
    ))
}

/// The fix for slipped tag `name` (on `target`) that no remote-tracking branch holds (so most
/// likely this clone's own, which deleting undoes): [`retag`], else the tag deleted and
/// `version` released under the prefix, as one command.
pub fn delete_fix(
    repo: &Repo,
    config: &Config,
    name: &str,
    target: Oid,
    version: &Version,
) -> String {
    if let Some(retag) = retag(repo, config, name, target, version) {
        return retag;
    }
    let version = released_as(version);
    format!(
        "delete it and release {}{version} instead: `git tag -d {} && {} {version}`",
        config.version.tag_prefix,
        crate::shellword::quote(name),
        config.release_command()
    )
}

/// Whether tag `name` is on no remote-tracking branch here: no remote's branch holds its
/// commit, so it is most likely this clone's own (a tag pushed alone is the exception, which
/// local refs cannot tell).
pub fn unpublished(repo: &Repo, name: &str) -> Option<Oid> {
    let target = repo.tag_target(name)?;
    let commit = repo.peel_to_commit(target)?;
    (!repo.held_by_any(&repo.remote_tracking_commits("*"), commit)).then_some(target)
}

/// The fix for `name` (with `version`), a slip of the release tags' prefix above every release
/// under it, when no remote's branch holds it: [`delete_fix`] first, then `published`, the ways
/// that still apply if a remote has the tag after all. `None` where a remote's branch holds it.
pub fn lead_with_delete(
    repo: &Repo,
    config: &Config,
    (name, version): (&str, &Version),
    published: &[String],
) -> Option<String> {
    let target = unpublished(repo, name)?;
    let lead = delete_fix(repo, config, name, target, version);
    let rest = match published.is_empty() {
        true => String::new(),
        false => format!(
            "; if a remote has `{name}` already: {}",
            published.join(", or ")
        ),
    };
    Some(format!(
        "`{name}` is on no remote's branch here (this clone's own, unless it was pushed alone), so {lead}{rest}"
    ))
}
