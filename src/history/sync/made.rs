//! The entries the commits of a range call for, as Unreleased would list them (normalised,
//! linked to the forge where an entry names an issue): what a squash brought, what a merge
//! dropped, and which Unreleased entries no commit since a release wrote.

use std::cell::OnceCell;
use std::collections::HashSet;

use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::{Forge, entry_for_message};
use crate::history::changelog::normalize;

/// The entries (normalised) the messages of the commits of `range` call for; the walk stops
/// once it has found every entry of `wanted`, when given.
pub fn entries_made(
    repo: &Repo,
    config: &Config,
    range: &Range,
    forge: &OnceCell<Option<Forge>>,
    wanted: Option<&HashSet<String>>,
) -> Result<HashSet<String>> {
    entries_made_but(repo, config, range, (forge, wanted), &HashSet::new())
}

/// [`entries_made`], the commits of `copies` (released with their copies, see
/// [`crate::history::copies`]) left out.
pub fn entries_made_but(
    repo: &Repo,
    config: &Config,
    range: &Range,
    (forge, wanted): (&OnceCell<Option<Forge>>, Option<&HashSet<String>>),
    copies: &HashSet<git2::Oid>,
) -> Result<HashSet<String>> {
    let mut out = HashSet::new();
    let mut found = 0;
    repo.walk(range, |c| {
        if c.parents < 2 && !copies.contains(&c.id) {
            let message = c.text();
            if let Some(e) =
                crate::history::reverts::commit_entry(repo, &message, &config.changelog, None)
            {
                // Linked when the remote is a forge and the entry names an issue.
                let mut texts = vec![normalize(&e.text)];
                if e.text.contains('#') {
                    let forge = forge.get_or_init(|| crate::history::sync::forge(repo));
                    let linked = entry_for_message(&message, &config.changelog, forge.as_ref());
                    texts.extend(linked.map(|l| normalize(&l.text)));
                }
                for t in texts {
                    if wanted.is_some_and(|w| w.contains(&t)) && !out.contains(&t) {
                        found += 1;
                    }
                    out.insert(t);
                }
            }
        }
        wanted.is_none_or(|w| found < w.len())
    })?;
    Ok(out)
}
