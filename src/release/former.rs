//! A release tagged under the other usual prefix (`v1.2.0`, then `tag_prefix = "app-v"`): how
//! a release going on from it names it, and the version a refusal advises above it, the one
//! the commits since it call for, so that the command pasted releases what they ask (`relhook
//! release 2.0.0` after a breaking change), not a patch that a warning then says is below them.

use std::path::Path;

use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::history::version::bump::Requested;

/// How a release tag under `prefix`, not `tag_prefix`, was made: said beside its name.
pub(super) fn made_under(prefix: &str) -> String {
    match prefix {
        "" => "made without a tag prefix".to_owned(),
        p => format!("made under tag_prefix {p:?}"),
    }
}

/// The version to name above the other prefix's newest release (given): what the commits
/// since it call for, else its patch (a pre-release's own release). `None` when that cannot
/// be told (the patch is named).
pub fn advise<'a>(
    repo: &'a Repo,
    config: &'a Config,
    root: &'a Path,
) -> impl Fn(&Version) -> Option<Version> + 'a {
    move |other| {
        // After a pre-release (`release-1.0.0-rc.1`), its own release, never `1.0.1`.
        let patch = crate::history::version::above::next_patch(other);
        // Named, the version goes on from `other`: what a release of it says is below the
        // commits is what they call for.
        let asked = Requested::Exact(patch.clone());
        let info = super::version_info(repo, config, root, &asked, None).ok()?;
        Some(info.below_commits.unwrap_or(patch))
    }
}

/// [`crate::history::tags::check_history`] with what its refusals name: the version above
/// the other prefix's release ([`advise`]) and the one a first release starts at.
pub(super) fn check_history(
    repo: &Repo,
    (config, root): (&Config, &Path),
    tags: &crate::history::tags::Tags,
    named: Option<&Version>,
) -> crate::Result<()> {
    let (above, first) = (advise(repo, config, root), || {
        super::first_version(config, root)
    });
    let advice = crate::history::tags::Advise {
        above: &above,
        first: &first,
    };
    crate::history::tags::check_history(repo, config, tags, named, &advice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_under_another_prefix_is_said_with_that_prefix() {
        assert_eq!(made_under("v"), "made under tag_prefix \"v\"");
        assert_eq!(made_under(""), "made without a tag prefix");
    }
}
