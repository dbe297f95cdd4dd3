//! A commit a release above it already holds: a release tag on a later commit, whose
//! changelog there has its section (a release made there), reaches it. Released from there
//! again (a branch at an old commit, a hand tag on it), it would be a "first release" of
//! shipped code, and its changes listed under two versions once merged.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::{Repo, short_id};
use crate::{Error, Result};

/// The lowest release (name, version) whose tag is on a commit above `commit` that reaches
/// it, `except` tag `except` (the one being made).
pub fn released_in(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    except: Option<&str>,
) -> Option<(String, Version)> {
    let mut above: Vec<_> = repo
        .release_tag_candidates(&config.version.tag_prefix)
        .into_iter()
        .filter(|t| t.commit != commit && except != Some(t.name.as_str()))
        .collect();
    above.sort_by(|a, b| a.version.cmp_precedence(&b.version));
    let path = &config.changelog.path;
    // Sections first: a history whose tags have none (made without relhook) walks nothing.
    above
        .into_iter()
        .filter(|t| crate::history::sync::has_section_at(repo, t.commit, path, &t.version))
        .find(|t| repo.reaches(t.commit, commit))
        .map(|t| (t.name, t.version))
}

/// `relhook release` (or `version --next`) where no release tag is below HEAD but one above
/// it holds it: nothing here is unreleased.
pub(super) fn head_released(repo: &Repo, config: &Config, head: Option<Oid>) -> Result<()> {
    let Some((head, (name, _))) = head.and_then(|h| Some((h, released_in(repo, config, h, None)?)))
    else {
        return Ok(());
    };
    Err(Error::Refused(Refusal::new(
        Reason::NothingToRelease,
        format!(
            "nothing to release: HEAD ({}) was released in {name} already (that release tag is on a commit above it, which holds it)",
            short_id(head)
        ),
        format!(
            "release the commits made since on a branch that holds {name} (`git branch --contains {}` lists them): `{}` there",
            crate::shellword::quote(&name),
            config.release_command()
        ),
    )))
}
