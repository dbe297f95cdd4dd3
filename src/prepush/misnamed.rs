//! A tag that names a release under a slip of the release tags' prefix (`0.1.1` where they
//! are `v0.1.1`), made where the tag hook did not act (another clone, `RELHOOK_SKIP`): above
//! every release, it would stop every clone's `relhook version` and release once published
//! ("the release tags here are mixed"). Refused with the tag hook's reason. One at or below
//! the releases (a former `tag_prefix`'s, the project's history) goes as any other tag.
//! A build-metadata tag (`v0.1.1+b.1`) is no release (see [`crate::git::release_version`]),
//! so it hides no slip above it, nor stops the release the fix names.

use std::collections::HashSet;

use git2::Oid;

use super::asked::Asked;
use super::{Kind, Refusal, Update};
use crate::config::Config;
use crate::git::Repo;
use crate::tag::rules::{self, HandTags};

/// The refusal of tag `name` (`u`, new to `remote`), or `None` when it is no slip of the
/// release tags' prefix, or names no version above theirs.
pub(super) fn misnamed(
    repo: &Repo,
    config: &Config,
    remote: &str,
    u: &Update,
    name: &str,
    hand: HandTags,
) -> Option<Refusal> {
    if u.is_delete() || !u.remote.is_zero() {
        return None;
    }
    let version = rules::slipped_prefix(config, name)?;
    let prefix = config.version.tag_prefix.as_str();
    let tags = repo.release_tag_candidates(prefix);
    if !(tags.iter()).all(|t| version.cmp_precedence(&t.version).is_gt()) {
        return None;
    }
    // The tag hook's own reason, as it would refuse the tag here.
    let Some(Err(why)) = rules::not_a_release(repo, config, name, u.local) else {
        return None;
    };
    Some(Refusal {
        kind: Kind::ReleaseTag,
        refs: vec![u.remote_ref.clone()],
        commit: repo.peel_to_commit(u.local),
        subject: format!("tag {name}"),
        problems: vec![why],
        fix: format!(
            "{remote} does not have it yet, so fix it here: {}, and push again",
            fix(repo, config, (name, u.local), &version, hand)
        ),
    })
}

/// One line for each slip of the prefix (as [`misnamed`] refuses) on commits a branch push
/// sends (`new`) that stays behind: it makes no release, and every later `relhook version`
/// and release here would stop at it, so it is named with its fix before the push is done.
/// One `remote` has already (pushed alone) is published, and `git tag -d` would leave it
/// there: its line keeps it (see [`on_remote`]).
pub(super) fn left_behind(
    repo: &Repo,
    config: &Config,
    (asked, remote, updates): (&Asked<'_>, &str, &[Update]),
    new: &HashSet<Oid>,
    hand: HandTags,
) -> Vec<String> {
    let branch_push =
        (updates.iter()).any(|u| !u.is_delete() && u.remote_ref.starts_with("refs/heads/"));
    if !branch_push || new.is_empty() {
        return Vec::new();
    }
    let pushed: Vec<&str> = updates.iter().filter_map(Update::tag_name).collect();
    let releases = repo.release_tag_candidates(&config.version.tag_prefix);
    let mut slips: Vec<_> = (repo.version_suffixed_tags().into_iter())
        .map(|(_, t)| t)
        .filter(|t| new.contains(&t.commit) && !pushed.contains(&t.name.as_str()))
        .filter_map(|t| Some((rules::slipped_prefix(config, &t.name)?, t)))
        .filter(|(v, _)| (releases.iter()).all(|r| v.cmp_precedence(&r.version).is_gt()))
        .collect();
    slips.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    // Asked of the remote (a second connection) only when a slip is to be named.
    // Unasked (the remote unreachable): neither "stays behind" nor "on the remote" is said.
    let theirs = match slips.is_empty() {
        true => Some(Vec::new()),
        false => asked.tags(),
    };
    (slips.into_iter())
        .map(|(version, t)| {
            let target = repo
                .ref_target(&format!("refs/tags/{}", t.name))
                .unwrap_or(t.commit);
            let full = format!("refs/tags/{}", t.name);
            let Some(theirs) = &theirs else {
                return unasked(remote, &t.name, &version, config, || {
                    fix(repo, config, (&t.name, target), &version, hand)
                });
            };
            if theirs.iter().any(|(n, id)| *n == full && *id == target) {
                return on_remote(repo, config, remote, &t.name, &version);
            }
            format!(
                "tag {} on commits this push sends stays behind, and is a slip of the release tags' name ({}{version}): it makes no release, and every later `relhook version` and release here would stop at it; {}",
                t.name,
                config.version.tag_prefix,
                fix(repo, config, (&t.name, target), &version, hand)
            )
        })
        .collect()
}

/// The line for slip `name` of `version` when `remote` could not be asked whether it has it
/// (`git ls-remote` failed): the way to tell, and what to do either way (`fix`: its fix here).
fn unasked(
    remote: &str,
    name: &str,
    version: &semver::Version,
    config: &Config,
    fix: impl FnOnce() -> String,
) -> String {
    let q = crate::shellword::quote;
    format!(
        "tag {name} on commits this push sends is a slip of the release tags' name ({}{version}) that this push does not send, and {remote} could not be asked whether it has it already (`git ls-remote` failed): if `git ls-remote --tags {} {}` lists it, keep it (`git tag -d` would delete it here only; `relhook doctor` gives the way on once this push is done); if not, it makes no release and every later `relhook version` and release here would stop at it: {}",
        config.version.tag_prefix,
        q(remote),
        q(&format!("refs/tags/{name}")),
        fix()
    )
}

/// The line for slip `name` of `version` that `remote` has already, pushed alone: published
/// once this push lands its commits on the branch, so kept, and the way on is the one doctor
/// then gives (its version released beside it, or its release commit tagged under the prefix).
fn on_remote(
    repo: &Repo,
    config: &Config,
    remote: &str,
    name: &str,
    version: &semver::Version,
) -> String {
    let keep = crate::history::slip::Slip::new(repo, name, version)
        .map(|s| s.keep(repo, config, None))
        .unwrap_or_default();
    format!(
        "tag {name} on commits this push sends is on {remote} already (pushed alone), a slip of the release tags' name ({}{}): keep it (`git tag -d` would delete it here only, and a clone may have fetched it); once this push is done, {keep}",
        config.version.tag_prefix,
        crate::history::slip::released_as(version)
    )
}

/// Tag `name` (on `target`) deleted, and its commit tagged under the release tags' prefix
/// where it carries the version's section (its release commit); else the release made under
/// that prefix (by hand too, where a hand tag is a release).
fn fix(
    repo: &Repo,
    config: &Config,
    (name, target): (&str, Oid),
    version: &semver::Version,
    hand: HandTags,
) -> String {
    if let Some(retag) = crate::history::slip::retag(repo, config, name, target, version) {
        return retag;
    }
    let version = &crate::history::slip::released_as(version);
    let tag = format!("{}{version}", config.version.tag_prefix);
    plain_fix(config, name, &tag, version, hand)
}

/// [`fix`] where no commit is tagged again: the release of `version` as `tag`.
fn plain_fix(
    config: &Config,
    name: &str,
    tag: &str,
    version: &semver::Version,
    hand: HandTags,
) -> String {
    let by_hand = match hand {
        HandTags::Released => format!(
            ", or `{}` on a commit that passes",
            config.hand_tag_command(tag)
        ),
        HandTags::Plain => String::new(),
    };
    format!(
        "delete it (`git tag -d {}`), then release {tag}: `{} {version}`{by_hand}",
        crate::shellword::quote(name),
        rules::release_command(config)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// QA50: a bare version where release tags are `v` ones is made again under `v`.
    #[test]
    fn a_slipped_prefix_is_released_under_the_project_s() {
        let config = Config::default();
        let v = semver::Version::new(0, 1, 1);
        assert_eq!(
            plain_fix(&config, "0.1.1", "v0.1.1", &v, HandTags::Released),
            "delete it (`git tag -d 0.1.1`), then release v0.1.1: `relhook release 0.1.1`, or `git tag -a v0.1.1 -m v0.1.1` on a commit that passes"
        );
        assert!(!plain_fix(&config, "0.1.1", "v0.1.1", &v, HandTags::Plain).contains("git tag -a"));
    }
}
