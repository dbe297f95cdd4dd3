//! `--sync` while another relhook's transaction is open (a release writing its commit, say):
//! the work tree is half written, so "up to date" would be said of a file about to change,
//! and the transaction the user then sees is left in place without a word.

use crate::cli::args::ChangelogArgs;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

/// Refused, in one line, while a live relhook's transaction is pending; the command to run
/// again is the one given (a rebuild is no sync).
pub(super) fn refuse_while_written(repo: &Repo, args: &ChangelogArgs) -> Result<()> {
    let Some(p) = crate::git::txn::pending(repo).filter(|p| p.running) else {
        return Ok(());
    };
    let (mode, nothing) = match args.rebuild {
        true => ("--rebuild", "nothing rebuilt"),
        false => ("--sync", "nothing synced"),
    };
    let mut again = format!("relhook changelog {mode}");
    if args.all {
        again.push_str(" --all");
    }
    if let Some(package) = &args.package {
        again.push_str(&format!(" --package {}", crate::shellword::quote(package)));
    }
    if args.force {
        again.push_str(" --force");
    }
    Err(Error::Refused(Refusal::new(
        Reason::Changelog,
        format!(
            "{} and is still writing its changes (or undoing them); {nothing}",
            p.said
        ),
        format!(
            "wait for it to end, then run `{again}` again: it finishes or undoes what that left, then {}",
            if args.rebuild { "rebuilds" } else { "syncs" }
        ),
    )))
}
