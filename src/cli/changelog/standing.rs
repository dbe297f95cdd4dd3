//! What `changelog --sync` and `--rebuild` refuse before reading history: a changelog path
//! the work tree holds as no file (a FIFO, a directory), and a project whose changelog HEAD
//! keeps under the name in another letter case (`changelog.md`), beside which post-commit
//! makes no second one, and neither does `--sync`.

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

/// Refuses, in the words post-commit, a release and a hand tag use, when the changelog at
/// `config`'s path is no file or would be a second one beside its case twin.
pub(super) fn refuse_unkept_path(
    repo: &Repo,
    root: &std::path::Path,
    config: &Config,
) -> Result<()> {
    let rel = &config.changelog.path;
    if let Some((what, fix)) = crate::history::sync::changelog_not_a_file(repo, config, rel) {
        return Err(Error::Refused(Refusal::new(
            Reason::Changelog,
            format!("{what}, so relhook wrote no changelog"),
            format!("{fix}, then run this again"),
        )));
    }
    let Some((what, fix)) = crate::tag::hand::changelog_case_twin(repo, config) else {
        return Ok(());
    };
    // A file the work tree has under the configured name is the user's own (post-commit says
    // to commit it), unless it is the twin itself, opened by a case-insensitive file system.
    let here = root.join(rel);
    if here.symlink_metadata().is_ok() {
        let twin = repo
            .head()
            .and_then(|h| repo.case_twin(h, rel).ok().flatten())
            .map(|t| root.join(t));
        let same = twin.is_some_and(|t| {
            crate::fsx::file_id(&t).is_some()
                && crate::fsx::file_id(&t) == crate::fsx::file_id(&here)
        });
        if !same {
            return Ok(());
        }
    }
    Err(Error::Refused(Refusal::new(
        Reason::Changelog,
        what,
        format!("{fix}, then run this again"),
    )))
}
