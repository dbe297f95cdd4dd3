//! A shallow clone that holds the last release tag but not every commit since: a branch
//! merged after the release, cut below its newest commits (`git clone --depth N`, as CI
//! makes them). The version and changelog made from the rest would be wrong; refused.

use git2::Oid;

use crate::git::{Range, Repo};
use crate::{Error, Result};

/// Refuses `range` (since the last release: it hides that release's commit), whose walked
/// `commits` meet the clone's boundary: the history below the cut was not fetched, so commits
/// of the release may be missing. Nothing in a complete clone.
pub fn refuse(repo: &Repo, range: &Range, mut commits: impl Iterator<Item = Oid>) -> Result<()> {
    if range.hidden.is_empty() {
        return Ok(());
    }
    let cuts = repo.shallow_cuts();
    if cuts.is_empty() {
        return Ok(());
    }
    let Some(cut) = commits.find(|c| cuts.contains_key(c)) else {
        return Ok(());
    };
    Err(Error::IncompleteHistory {
        message: format!(
            "this clone is shallow and its history stops at {} before the last release tag, so commits since that release may be missing: relhook cannot tell what is unreleased",
            crate::git::short_id(cut)
        ),
        fix: crate::history::tags::UNSHALLOW_FIX.into(),
    })
}
