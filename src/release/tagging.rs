//! The release's last step: the tests on the release commit (when configured), the record of
//! their pass, then the annotated tag, in that order so that no tag names an untested commit.

use std::path::Path;

use git2::Oid;

use super::{Options, moved};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

/// The tag a release makes: its name and message, and the ref's value it replaces (see
/// `HalfMade::replaces`).
pub(super) struct NewTag<'a> {
    pub(super) name: &'a str,
    pub(super) message: &'a str,
    pub(super) replaces: Option<Oid>,
}

/// Tests `commit` (when configured), records the pass, and tags it. `Ok(true)`: tested.
pub(super) fn test_and_tag(
    repo: &Repo,
    config: &Config,
    root: &Path,
    commit: Oid,
    new: &NewTag<'_>,
    opts: &Options,
) -> Result<bool> {
    let tag = new.name;
    let before = repo.head();
    let tested = match (&config.checks.test, opts.no_test) {
        (Some(argv), false) => match crate::testrun::run(argv, root)
            .and_then(|s| crate::interrupt::check("testing").map(|()| s))
            .map_err(|e| crate::interrupt::instead(e, "testing"))?
        {
            s if s.success() => {
                moved::by_tests(repo, before, commit, tag)?;
                moved::edited_meanwhile(repo, root, commit, argv)?;
                crate::testrun::record(repo, commit, argv)?;
                true
            }
            s => {
                return Err(Error::Refused(Refusal::bare(
                    Reason::TestsFailed,
                    format!(
                        "the tests failed on the release candidate ({s}); nothing was released"
                    ),
                )));
            }
        },
        _ => false,
    };
    crate::git::txn::failpoint("release-tested")?;
    crate::interrupt::check("tagging")?;
    // The tag on the release commit as it was before a reword or rebase is replaced only now,
    // once the tests passed, in one ref update.
    let sign = opts.sign || config.release.sign;
    match new.replaces {
        Some(old) => repo.retag_annotated(tag, commit, new.message, sign, old),
        None => repo.tag_annotated(tag, commit, new.message, sign),
    }
    .map_err(|e| crate::interrupt::instead(e, "tagging"))?;
    Ok(tested)
}
