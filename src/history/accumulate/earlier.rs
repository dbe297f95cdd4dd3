//! A monorepo changelog created by post-commit: whether the commits before it, since its
//! package's last release, call for entries it lacks. Told by the rule every reader of
//! history shares (`packages::Filter`: the packages as the configuration committed with each
//! commit has them), so that a new package on another's former folder is not sent to a sync
//! for the older package's commits, which would add none of them.

use std::path::Path;

use git2::Oid;

use super::entries::entry_of;
use crate::config::Config;
use crate::git::Repo;
use crate::history::packages;

/// How many commits below HEAD are looked at; past them, a long range all but certainly holds
/// a commit that calls for an entry.
const LIMIT: usize = 500;

/// Whether a commit below `head` on its first-parent line, since the last release, calls for
/// an entry in one of `files` (each read with its package's view, else the root's).
pub(super) fn earlier_entries(repo: &Repo, config: &Config, head: Oid, files: &[&Path]) -> bool {
    files.iter().any(|file| {
        let package = config.packages.iter().find(|p| p.changelog == *file);
        let view = package.map(|p| {
            repo.work_tree()
                .and_then(|root| packages::view(config, &p.name, &root).ok())
        });
        match view {
            Some(None) => true,
            Some(Some(view)) => earlier_for(repo, &view, head),
            None => earlier_for(repo, config, head),
        }
    })
}

/// [`earlier_entries`] for the changelog `config` (a package's view or the root's) reads.
fn earlier_for(repo: &Repo, config: &Config, head: Oid) -> bool {
    let released = repo
        .latest_release_tag(head, &config.version.tag_prefix)
        .map(|(_, at)| at);
    let mut filter = packages::Filter::new(repo, config);
    let forge = std::cell::OnceCell::new();
    let mut at = repo.first_parent(head);
    for _ in 0..LIMIT {
        match at {
            Some(c) if Some(c) != released => {
                // The message again, for the scope: read only for a commit with an entry.
                if entry_of(repo, c, config, &forge).is_some() {
                    let message = crate::history::fixup_chain::message(repo, c);
                    let message = message.as_deref().unwrap_or_default();
                    if filter.counts(c, message).unwrap_or(true) {
                        return true;
                    }
                }
                at = repo.first_parent(c);
            }
            _ => return false,
        }
    }
    true
}
