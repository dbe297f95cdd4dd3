//! The entry an amended commit carries in its changelog: its own message's, unless it was
//! itself made by an amend (or a rebase's reword) that post-commit did not rewrite (skipped,
//! killed), whose file still lists the entry of the commit that chain of amends began with.
//! The next amend replaces that one, not an entry the file never listed.

use std::collections::HashSet;

use git2::Oid;

use super::entries::entry_of;
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::{Forge, NewEntry};
use crate::history::changelog::normalize;

/// How far back HEAD's reflog is read for the amends that made the amended commit.
const AMENDS_READ: usize = 200;

/// The entry `amended` (the commit an amend replaced) carries: see the module.
pub(super) fn carried_entry(
    repo: &Repo,
    config: &Config,
    amended: Oid,
    forge: &std::cell::OnceCell<Option<Forge>>,
) -> Option<NewEntry> {
    let own = entry_of(repo, amended, config, forge);
    let paths =
        std::iter::once(&config.changelog.path).chain(config.packages.iter().map(|p| &p.changelog));
    let added: HashSet<String> = paths
        .flat_map(|p| crate::history::sync::added_by(repo, amended, p))
        .map(|e| normalize(&e))
        .collect();
    let carries = |e: &NewEntry| added.contains(&normalize(&e.text));
    // Its own entry in its file: post-commit made it (the usual amend of an amend).
    if own.as_ref().is_some_and(carries) {
        return own;
    }
    let amends = repo.amends(AMENDS_READ);
    crate::git::amend_chain(&amends, amended)
        .iter()
        .find_map(|a| entry_of(repo, a.old, config, forge).filter(carries))
        .or(own)
}
