//! The check `relhook version --next`, `relhook notes` and `relhook doctor` make before any
//! read of the changelog: one over [`crate::fsx::CHANGELOG_CAP`] is refused by its size, in the
//! words post-commit, a release and a hand tag use; so is the one a release's commit holds,
//! which `relhook notes` reads from git (a 200 MB one cost `version --next` 8 s and
//! 640 MB, and doctor 51 s and 1 GB).

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

/// Refuses, with the fix, when the work tree's changelog is too large to read; `doing`
/// says what relhook then cannot do (`tell the next version`).
pub(super) fn refuse(repo: &Repo, config: &Config, doing: &str) -> Result<()> {
    let rel = &config.changelog.path;
    let Some(root) = repo.work_tree() else {
        return Ok(());
    };
    if crate::history::changelog::too_large(&root, rel).is_none() {
        return Ok(());
    }
    match crate::history::sync::changelog_not_a_file(repo, config, rel) {
        Some((what, fix)) => Err(Error::Refused(Refusal::new(
            Reason::Changelog,
            format!("{what}, so relhook cannot {doing}"),
            format!("{fix}, then run this again"),
        ))),
        None => Ok(()),
    }
}

/// Refuses, with the fix, when the changelog `commit` holds (the release `tag`'s) is too large
/// to read: told by its blob's size, before any of it is read; `doing` says what relhook then
/// cannot do, `by_hand` the way on without it.
pub(super) fn refuse_stored(
    repo: &Repo,
    config: &Config,
    (commit, tag): (git2::Oid, &str),
    doing: &str,
    by_hand: &str,
) -> Result<()> {
    let rel = &config.changelog.path;
    let Some(len) = repo.file_size_at(commit, rel) else {
        return Ok(());
    };
    if len <= crate::fsx::CHANGELOG_CAP {
        return Ok(());
    }
    let at = std::path::PathBuf::from(format!("{} at {tag}", rel.display()));
    let (what, fix) = crate::history::changelog::too_large_what_fix(&at, len, false);
    Err(Error::Refused(Refusal::new(
        Reason::Changelog,
        format!("{what}, so relhook cannot {doing}"),
        format!("{by_hand}, and for the releases to come, {fix}"),
    )))
}
