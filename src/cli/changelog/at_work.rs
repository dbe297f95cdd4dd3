//! `--sync` while another relhook's transaction is open (a release writing its commit, say):
//! the work tree is half written, so "up to date" would be said of a file about to change,
//! and the transaction the user then sees is left in place without a word.

use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

/// Refused, in one line, while a live relhook's transaction is pending.
pub(super) fn refuse_while_written(repo: &Repo) -> Result<()> {
    let Some(p) = crate::git::txn::pending(repo).filter(|p| p.running) else {
        return Ok(());
    };
    Err(Error::Refused(Refusal::new(
        Reason::Changelog,
        format!(
            "{} and is still writing its changes (or undoing them); nothing synced",
            p.said
        ),
        "once it ends, run `relhook changelog --sync` again: it finishes or undoes what that left, then syncs",
    )))
}
