//! A release tag whose name no commit of its line can take: its version at or below the
//! release tag it descends from (versions only go up), or with build metadata (which would
//! stand for its plain version and block it for good). Neither a test record nor a release
//! of that name makes it pass, so the fix deletes it and names the release to make instead.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::release::channel::Here;
use crate::tag::rules::{self, HandTags};

/// Why release tag `name` on `commit` can be made on no commit of its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Past {
    /// At or below the release tag it descends from: the next release is the commits' own.
    Below,
    /// With build metadata: the release is its plain version.
    Build(Version),
    /// With build metadata, its plain version released already by the tag named: a build
    /// tag is no release, so there is nothing to make instead.
    BuildOf(String),
}

/// [`Past`] for tag `name` on `commit`, or `None` when a tag of that name can pass.
pub(super) fn past(repo: &Repo, config: &Config, name: &str, commit: Oid) -> Option<Past> {
    let prefix = config.version.tag_prefix.as_str();
    let version = Version::parse(name.strip_prefix(prefix)?).ok()?;
    let below = repo
        .latest_release_tag_except(commit, prefix, Some(name))
        .and_then(|(n, _)| Version::parse(n.get(prefix.len()..)?).ok())
        .is_some_and(|g| version.cmp_precedence(&g).is_le());
    if below {
        return Some(Past::Below);
    }
    if version.build.is_empty() {
        return None;
    }
    let mut plain = version;
    plain.build = semver::BuildMetadata::EMPTY;
    let released = (repo.release_tag_candidates(prefix).into_iter())
        .find(|t| t.version == plain)
        .map(|t| Past::BuildOf(t.name));
    Some(released.unwrap_or(Past::Build(plain)))
}

/// The way to a release instead of tag `name`: deleted, then the release the commits call
/// for, or for build metadata the plain version's (by hand too, where a hand tag is one); on
/// a channel's branch (`here`), each one it takes; held by a stable branch while HEAD is on a
/// channel's (`there`: `on its branch main (…)`), made on that branch.
pub(super) fn fix(
    config: &Config,
    name: &str,
    past: &Past,
    (hand, here, there): (HandTags, Option<&Here>, Option<&str>),
) -> String {
    // The stable branch's advice, not that of HEAD's channel.
    let here = here.filter(|_| there.is_none());
    let on = there.map(|t| format!("{t}, ")).unwrap_or_default();
    let release = rules::release_command(config);
    let delete = format!(
        "delete the tag (`git tag -d {}`)",
        crate::shellword::quote(name)
    );
    match past {
        Past::Below => match here {
            Some(Here {
                next: (next, what), ..
            }) => format!("{delete}, then `{next}` for {what}"),
            None => format!("{delete}, then {on}`{release}` (the version the commits call for)"),
        },
        Past::BuildOf(release) => format!(
            "{delete}: {release} is released already, and a build tag is no release (a line of the tag message can carry the build)"
        ),
        Past::Build(plain) => {
            let tag = format!("{}{plain}", config.version.tag_prefix);
            // A stable one on a channel's branch: only on purpose, and said; no hand tag.
            let refused = here.filter(|h| h.refuses(plain));
            let by_hand = match (hand, refused) {
                (_, Some(here)) => format!(" ({})", here.only_on_purpose()),
                (HandTags::Released, None) => format!(
                    ", or `{}` on a commit that passes",
                    config.hand_tag_command(&tag)
                ),
                (HandTags::Plain, None) => String::new(),
            };
            let makes = match here {
                Some(here) => here.makes(config, plain),
                None => format!("{release} {plain}"),
            };
            format!(
                "{delete}, then {on}release {tag} with the build in its notes: `{makes}`{by_hand}"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// QA50: a too-low version is deleted and the commits' release made; one with build
    /// metadata is released as its plain version, never under its own name.
    #[test]
    fn a_past_name_goes_and_the_release_is_named() {
        let config = Config::default();
        assert_eq!(
            fix(
                &config,
                "v0.0.9",
                &Past::Below,
                (HandTags::Released, None, None)
            ),
            "delete the tag (`git tag -d v0.0.9`), then `relhook release` (the version the commits call for)"
        );
        let plain = Version::new(0, 1, 1);
        assert_eq!(
            fix(
                &config,
                "v0.1.1+build.5",
                &Past::Build(plain.clone()),
                (HandTags::Released, None, None)
            ),
            "delete the tag (`git tag -d v0.1.1+build.5`), then release v0.1.1 with the build in its notes: `relhook release 0.1.1`, or `git tag -a v0.1.1 -m v0.1.1` on a commit that passes"
        );
        let unhooked = fix(
            &config,
            "v0.1.1+b",
            &Past::Build(plain),
            (HandTags::Plain, None, None),
        );
        assert!(unhooked.ends_with("`relhook release 0.1.1`"), "{unhooked}");
        // QA51: its version released already, nothing is made instead.
        let released = fix(
            &config,
            "v0.1.1+b",
            &Past::BuildOf("v0.1.1".into()),
            (HandTags::Plain, None, None),
        );
        assert!(
            released
                .starts_with("delete the tag (`git tag -d v0.1.1+b`): v0.1.1 is released already"),
            "{released}"
        );
    }

    /// QA273: held by a stable branch while HEAD is on a channel's, the release is made on
    /// that branch, by its advice (the channel's own is not given).
    #[test]
    fn a_past_name_held_by_a_stable_branch_is_released_there() {
        let config = Config::default();
        let there = Some("on its branch main (`git switch main`)");
        assert_eq!(
            fix(
                &config,
                "v0.0.9",
                &Past::Below,
                (HandTags::Plain, None, there)
            ),
            "delete the tag (`git tag -d v0.0.9`), then on its branch main (`git switch main`), `relhook release` (the version the commits call for)"
        );
        let build = fix(
            &config,
            "v0.1.1+b",
            &Past::Build(Version::new(0, 1, 1)),
            (HandTags::Plain, None, there),
        );
        assert!(
            build.contains("then on its branch main (`git switch main`), release v0.1.1"),
            "{build}"
        );
    }
}
