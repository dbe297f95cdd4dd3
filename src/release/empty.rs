//! Nothing to release is no release: the refusals of `version --next` and `release` when the
//! commits since the last release tag call for none (no commit at all, only changes and their
//! reverts, or none with a changelog entry), each with what would make one.

use std::path::Path;

use git2::Oid;
use semver::Version;

use super::next::Decider;
use crate::error::{Reason, Refusal};
use crate::history::version::bump::Requested;
use crate::{Error, Result};

/// Nothing to release is no release: no commit since the latest tag (finishing a
/// pre-release line aside), or, for an automatic version, no commit with a changelog entry.
pub(super) fn refuse_empty(
    tag: &Option<(String, Version, Oid)>,
    stable: Option<&(String, Version, Oid)>,
    (since_latest, cancelled, head): (&[&Decider], usize, Option<Oid>),
    requested: &Requested,
    pre: Option<&str>,
    changelog: &Path,
) -> Result<()> {
    let Some((name, version, at)) = tag else {
        return Ok(());
    };
    // `1.3.0-rc.2` → `1.3.0` with nothing new is a release: it finishes the line.
    if !version.pre.is_empty() && pre.is_none() {
        return Ok(());
    }
    if since_latest.is_empty() {
        // After a pre-release, what the last stable release already shipped is not new (main
        // merged into a pre-release branch): say so, as `git log` shows those commits.
        // HEAD on the tag itself: nothing was merged in, there is simply nothing since.
        let merged_in = stable.filter(|s| s.0 != *name && head != Some(*at));
        let (new, shipped) = match merged_in {
            Some(s) => (
                "new ",
                format!("; those merged in were released in {} already", s.0),
            ),
            None => ("", String::new()),
        };
        // A change and its revert leave nothing, though `git log` shows both.
        let cancelled = match cancelled {
            0 => String::new(),
            n => format!(" but {n} that cancel out (changes and their reverts)"),
        };
        return Err(Error::Refused(Refusal::new(
            Reason::NothingToRelease,
            format!("nothing to release: no {new}commits since {name}{cancelled}{shipped}"),
            "a `feat:` or `fix:` commit (anything with a changelog entry) makes one",
        )));
    }
    if matches!(requested, Requested::Auto) && !since_latest.iter().any(|c| c.in_changelog) {
        let sample: Vec<String> = since_latest
            .iter()
            .take(3)
            .map(|c| format!("`{}`", c.header))
            .collect();
        let more = if since_latest.len() > 3 { ", …" } else { "" };
        return Err(Error::Refused(Refusal::new(
            Reason::NothingForChangelog,
            format!(
                "nothing for the changelog: none of the {} since {name} ({}{more}) maps to a changelog section, so no version follows from them",
                crate::commit::report::plural(since_latest.len(), "commit"),
                sample.join(", ")
            ),
            format!(
                "to release anyway, write what it changes under `## [Unreleased]` in {} and commit it, then name the version: `relhook release patch` (or minor, major, X.Y.Z); a release never has empty notes",
                changelog.display()
            ),
        )));
    }
    Ok(())
}
