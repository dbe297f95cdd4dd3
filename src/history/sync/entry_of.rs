//! A commit's changelog entry as `--sync` and its siblings write it, and the forge its links
//! point at.

use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::{Forge, NewEntry};

/// The entry a commit's message calls for (a revert's, a breaking change's), linked on `forge`.
pub(crate) fn commit_entry(
    repo: &Repo,
    message: &str,
    config: &Config,
    forge: Option<&Forge>,
) -> Option<NewEntry> {
    crate::history::reverts::commit_entry(repo, message, &config.changelog, forge)
}

/// [`commit_entry`] of the commit `id` (a git-cliff `sha` parser may name it).
pub(crate) fn commit_entry_at(
    repo: &Repo,
    id: git2::Oid,
    message: &str,
    config: &Config,
    forge: Option<&Forge>,
) -> Option<NewEntry> {
    crate::history::reverts::commit_entry_of(repo, Some(id), message, &config.changelog, forge)
}

/// The forge the repository's remote points at (for issue and commit links), if any.
pub fn forge(repo: &Repo) -> Option<Forge> {
    repo.remote_url().and_then(|u| Forge::from_remote_url(&u))
}
