//! The check `relhook version --next`, `relhook notes` and `relhook doctor` make before any
//! read of the changelog: one over [`crate::fsx::CHANGELOG_CAP`] is refused by its size, in the
//! words post-commit, a release and a hand tag use (a 200 MB one cost `version --next` 8 s and
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
