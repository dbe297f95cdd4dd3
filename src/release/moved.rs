//! The release's test command must leave HEAD on the release commit it tests.

use git2::Oid;

use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

/// A test command that moved HEAD (`git reset`, a checkout of another commit; HEAD was
/// `before` it ran) would have the tag on a commit no branch holds: refused, and the release
/// undone where it can be.
pub(super) fn by_tests(repo: &Repo, before: Option<Oid>, commit: Oid, tag: &str) -> Result<()> {
    match repo.head().filter(|h| Some(*h) != before) {
        Some(now) => Err(Error::Refused(Refusal::new(
            Reason::ChangedSincePlan,
            format!(
                "the test command moved HEAD off the release commit {} (to {}), so {tag} was not made",
                crate::git::short_id(commit),
                crate::git::short_id(now)
            ),
            "make `[checks] test` in .relconfig.toml leave HEAD where it found it, then release again",
        ))),
        None => Ok(()),
    }
}
