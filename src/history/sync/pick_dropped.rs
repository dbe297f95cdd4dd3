//! Entries a pick's conflict resolution dropped. A `git cherry-pick` or `git rebase` stopped
//! on the changelog (both sides reworded an entry: the driver marks the conflict) and settled
//! by taking the picked commit's copy leaves out every entry the commit it is picked onto had
//! unreleased. The commits that wrote those entries added them to the file themselves, so
//! their own change would account for them as for an entry a person deleted, and `--sync`,
//! doctor and a release would never miss them. git's reflog tells a concluded pick (`rebase
//! (continue)`, `commit (cherry-pick)`) from a commit of one's own: what such a pick drops is
//! the resolution's, not a hand edit, unless a commit after it wrote the entry again.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use git2::Oid;

use super::{Seen, changelog_at};
use crate::git::Repo;
use crate::history::changelog::vocab::same_section;
use crate::history::changelog::{Entry, normalize, rewords};

/// How far back HEAD's reflog is read for the picks of the unreleased range.
const LOOK_BACK: usize = 2000;

/// Whether a reflog action (`rebase (continue)`, the message before its `: `) made a pick
/// git stopped on a conflict and the user concluded.
pub fn concluded_pick(action: &str) -> bool {
    action == "commit (cherry-pick)"
        || (action.starts_with("rebase") && action.ends_with("(continue)"))
}

/// The entries `parent`'s Unreleased in `path` lists and `pick`'s lacks, but for those an
/// entry new in `pick` rewords (the resolution polished it: it is there, in other words).
pub fn lacked(repo: &Repo, (pick, parent): (Oid, Oid), path: &Path) -> Vec<Entry> {
    let (Some(now), Some(was)) = (
        changelog_at(repo, pick, path),
        changelog_at(repo, parent, path),
    ) else {
        return Vec::new();
    };
    let have: HashSet<String> = now
        .unreleased_entries()
        .iter()
        .map(|e| normalize(&e.text))
        .collect();
    let before = was.all_entry_texts();
    let mut new: Vec<(String, String)> = now
        .unreleased_entries()
        .into_iter()
        .map(|e| (e.section, normalize(&e.text)))
        .filter(|(_, t)| !before.contains(t))
        .collect();
    let mut out: Vec<Entry> = Vec::new();
    for e in was.unreleased_entries() {
        let key = normalize(&e.text);
        if have.contains(&key) || out.iter().any(|o| normalize(&o.text) == key) {
            continue;
        }
        let rewording = new
            .iter()
            .position(|(s, t)| same_section(s, &e.section) && rewords(t, &key));
        match rewording {
            Some(at) => {
                new.remove(at);
            }
            None => out.push(e),
        }
    }
    out
}

/// Of the range's `commits`, the entries (normalised) of `path` that a concluded pick among
/// them dropped and no later commit wrote again (`added`: what each commit added to the
/// file itself); whether a commit of the range makes them is the caller's to check.
pub(super) fn dropped_by_picks(
    repo: &Repo,
    path: &Path,
    commits: &[Seen],
    added: &HashMap<Oid, HashSet<String>>,
) -> HashSet<String> {
    let singles: Vec<Oid> = commits
        .iter()
        .filter(|c| c.parents.len() == 1)
        .map(|c| c.id)
        .collect();
    let mut dropped = HashSet::new();
    if singles.is_empty() {
        return dropped;
    }
    let made = repo.made_by(&singles, LOOK_BACK);
    for c in commits.iter().filter(|c| c.parents.len() == 1) {
        if !made.get(&c.id).is_some_and(|a| concluded_pick(a)) {
            continue;
        }
        let lost = lacked(repo, (c.id, c.parents[0]), path);
        dropped.extend(lost.iter().map(|e| normalize(&e.text)).filter(|k| {
            // Written again since, by a commit after the pick: gone by hand since.
            !added
                .iter()
                .any(|(a, texts)| texts.contains(k) && *a != c.id && repo.reaches(*a, c.id))
        }));
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::concluded_pick;

    #[test]
    fn only_a_concluded_pick_is_one() {
        assert!(concluded_pick("rebase (continue)"));
        assert!(concluded_pick("rebase -i (continue)"));
        assert!(concluded_pick("commit (cherry-pick)"));
        assert!(!concluded_pick("rebase (pick)"));
        assert!(!concluded_pick("cherry-pick"));
        assert!(!concluded_pick("commit (amend)"));
        assert!(!concluded_pick("commit"));
    }
}
