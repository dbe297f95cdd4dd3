//! Which released entries HEAD's history has taken back since: a released fix that a later
//! `git revert` undid is no longer shipped, so a pick, rebase step or revert that applies it
//! again brings a change of its own, though a release lists the same words. The merge driver
//! reads it where git names no merged commit (a pick), pairing each entry's newest writer
//! with the reverts above it, as `--sync` and the next version pair a range's commits.

use std::collections::HashSet;

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::{RevertKey, revert_key, revert_partners};
use crate::history::changelog::normalize;

/// Of `wanted` (normalised entry texts), those whose newest writer below `head` a revert
/// above it took back, that revert not undone in turn (git's `Reapply`). The walk stops once
/// every wanted entry's writer is found.
pub fn taken_back_entries(
    repo: &Repo,
    config: &Config,
    head: Oid,
    wanted: &HashSet<String>,
) -> Result<HashSet<String>> {
    if wanted.is_empty() {
        return Ok(HashSet::new());
    }
    let range = Range {
        tips: vec![head],
        ..Range::default()
    };
    let mut commits: Vec<(Oid, RevertKey, Option<String>)> = Vec::new();
    let mut written: HashSet<String> = HashSet::new();
    repo.walk(&range, |c| {
        if c.parents < 2 {
            let message = c.text();
            let message = crate::history::reverts::untruncated(repo, &message);
            let key = revert_key(&message);
            let entry =
                crate::history::reverts::commit_entry(repo, &message, &config.changelog, None)
                    .map(|e| normalize(&e.text))
                    .filter(|t| key.reverts.is_none() && wanted.contains(t));
            written.extend(entry.clone());
            commits.push((c.id, key, entry));
        }
        written.len() < wanted.len()
    })?;
    Ok(taken_back_of(&commits, wanted))
}

/// [`taken_back_entries`] of the commits read, newest first, each with its [`RevertKey`] and
/// the wanted entry it writes (a change, not a revert), if any.
fn taken_back_of(
    newest_first: &[(Oid, RevertKey, Option<String>)],
    wanted: &HashSet<String>,
) -> HashSet<String> {
    let keys: Vec<(Oid, RevertKey)> = newest_first
        .iter()
        .map(|(id, key, _)| (*id, key.clone()))
        .collect();
    let reverted: HashSet<Oid> = revert_partners(&keys).into_iter().map(|p| p.1).collect();
    let mut decided = HashSet::new();
    let mut out = HashSet::new();
    for (id, _, entry) in newest_first {
        let Some(text) = entry.as_ref().filter(|t| wanted.contains(*t)) else {
            continue;
        };
        // The newest writer alone says it: an older one's revert is an older story.
        if decided.insert(text.clone()) && reverted.contains(id) {
            out.insert(text.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    fn commit(n: u8, message: &str, entry: Option<&str>) -> (Oid, RevertKey, Option<String>) {
        (id(n), revert_key(message), entry.map(normalize))
    }

    fn revert_of(n: u8, header: &str) -> String {
        format!("Revert \"{header}\"\n\nThis reverts commit {}.\n", id(n))
    }

    fn wanted() -> HashSet<String> {
        HashSet::from([normalize("the crash")])
    }

    #[test]
    fn a_fix_reverted_after_is_taken_back() {
        let commits = [
            commit(3, "feat: other", None),
            commit(2, &revert_of(1, "fix: the crash"), None),
            commit(1, "fix: the crash", Some("the crash")),
        ];
        assert_eq!(taken_back_of(&commits, &wanted()), wanted());
    }

    #[test]
    fn a_revert_undone_again_leaves_the_fix_standing() {
        let reapply = format!(
            "Reapply \"fix: the crash\"\n\nThis reverts commit {}.\n",
            id(2)
        );
        let commits = [
            commit(3, &reapply, None),
            commit(2, &revert_of(1, "fix: the crash"), None),
            commit(1, "fix: the crash", Some("the crash")),
        ];
        assert!(taken_back_of(&commits, &wanted()).is_empty());
    }

    #[test]
    fn only_the_newest_writer_counts() {
        // `fix: the crash` made again after the first one's revert: the newer stands.
        let commits = [
            commit(3, "fix: the crash", Some("the crash")),
            commit(2, &revert_of(1, "fix: the crash"), None),
            commit(1, "fix: the crash", Some("the crash")),
        ];
        assert!(taken_back_of(&commits, &wanted()).is_empty());
        // Never reverted, never taken back.
        let commits = [commit(1, "fix: the crash", Some("the crash"))];
        assert!(taken_back_of(&commits, &wanted()).is_empty());
    }
}
