//! A tag that names a release under a slip of the release tags' prefix (`0.1.1` where they
//! are `v0.1.1`), made where the tag hook did not act (another clone, `RELHOOK_SKIP`): above
//! every release, it would stop every clone's `relhook version` and release once published
//! ("the release tags here are mixed"). Refused with the tag hook's reason. One at or below
//! the releases (a former `tag_prefix`'s, the project's history) goes as any other tag.
//! A build-metadata tag (`v0.1.1+b.1`) is no release (see [`crate::git::release_version`]),
//! so it hides no slip above it, nor stops the release the fix names.

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
            fix(config, name, &version, hand)
        ),
    })
}

/// Deleted, and the release made under the release tags' prefix (by hand too, where a hand
/// tag is a release).
fn fix(config: &Config, name: &str, version: &semver::Version, hand: HandTags) -> String {
    let tag = format!("{}{version}", config.version.tag_prefix);
    let by_hand = match hand {
        HandTags::Released => format!(
            ", or `git tag -a {}` on a commit that passes",
            crate::shellword::quote(&tag)
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
            fix(&config, "0.1.1", &v, HandTags::Released),
            "delete it (`git tag -d 0.1.1`), then release v0.1.1: `relhook release 0.1.1`, or `git tag -a v0.1.1` on a commit that passes"
        );
        assert!(!fix(&config, "0.1.1", &v, HandTags::Plain).contains("git tag -a"));
    }
}
