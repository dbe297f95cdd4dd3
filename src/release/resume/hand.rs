//! The tests of a hand tag's release commit that `relhook release --resume` finishes: the
//! hook itself runs none (a `git tag` must stay quick), but a resume is a release command, and
//! a resumed release is tested. The tag is the user's and already there, so a failure
//! leaves it in place, untested, as pre-push will then say; one still on the commit before
//! the release commit (its hook killed after that commit) stays there, for the next resume.

use std::path::Path;

use git2::Oid;

use super::HalfMade;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::release::Options;
use crate::{Error, Result};

/// Runs the configured test command on release commit `commit` (HEAD) and records the pass,
/// as a resumed release does. `Ok(false)`: no test command is set, or `--no-test`; a failing
/// run is refused (`TestsFailed`), with nothing recorded.
pub fn test_hand_release(
    repo: &Repo,
    config: &Config,
    root: &Path,
    commit: Oid,
    opts: &Options,
) -> Result<bool> {
    let Some(argv) = config.checks.test.as_ref().filter(|_| !opts.no_test) else {
        return Ok(false);
    };
    // Local changes (hidden ones too) are not the release commit's: its tests run on a clean checkout of it.
    let checkout = match repo.head() != Some(commit) || !repo.dirty_or_hidden_paths(1)?.is_empty() {
        true => Some(crate::testrun::Checkout::of(repo, commit)?),
        false => None,
    };
    let dir = checkout.as_ref().map_or(root, |c| c.path());
    let status = crate::testrun::run(argv, dir)
        .and_then(|s| crate::interrupt::check("testing").map(|()| s))
        .map_err(|e| crate::interrupt::instead(e, "testing"))?;
    if !status.success() {
        return Err(Error::Refused(Refusal::bare(
            Reason::TestsFailed,
            format!(
                "the tests failed on its release commit {} ({status})",
                crate::git::short_id(commit)
            ),
        )));
    }
    crate::testrun::record_for(repo, config, commit, argv)?;
    Ok(true)
}

/// Finishes hand tag `half.tag`, left at `old` on the commit before its release commit: the
/// release commit tested as [`test_hand_release`] tests it (unless a pass is recorded for it
/// already), then the tag moved onto it with its tagger and message. Failing tests leave the
/// tag where it was.
pub(super) fn tested_then_moved(
    repo: &Repo,
    config: &Config,
    root: &Path,
    half: &HalfMade,
    old: Oid,
    opts: &Options,
) -> Result<bool> {
    let tested = match crate::testrun::find_for(repo, config, half.commit) {
        Some(_) => true,
        None => test_hand_release(repo, config, root, half.commit, opts)?,
    };
    let target = repo
        .tag_object_like(old, &half.tag, half.commit)?
        .unwrap_or(half.commit);
    repo.cas_ref(
        &format!("refs/tags/{}", half.tag),
        Some(old),
        Some(target),
        "relhook: release commit",
    )?;
    Ok(tested)
}
