//! Whether commits between a release and a later commit hold anything a release would ship:
//! advice to "release the later work" (a release tag moved onto it) is no way on when they do
//! not, as `relhook release` would refuse with nothing to release.

use std::collections::HashSet;

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;

/// Whether the commits from `from` (a release's commit, left out) up to `to` that count for
/// `config` (in a monorepo, the package in view) hold a change with a changelog entry, or a
/// revert of one released: what a release made at `to` over `from` would ship. When history
/// cannot be read, `true`: the advice to release stays, as before.
pub fn work_since(repo: &Repo, config: &Config, from: Oid, to: Oid) -> bool {
    if from == to || !repo.reaches(to, from) && repo.reaches(from, to) {
        return false;
    }
    let none = HashSet::new();
    match super::deciders::deciders(repo, config, to, (Some(from), &none), Some(from)) {
        Ok(d) => d.commits.iter().any(|c| c.in_changelog) || !d.undone.is_empty(),
        Err(_) => true,
    }
}
