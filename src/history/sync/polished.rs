//! An entry polished on one side, met again unpolished from the other side's copy of the
//! same change. `feature`'s `fix: crash on start` wrote `- crash on start`, which a later
//! commit of `feature` reworded to `- crash on start (when config is empty)`; the fix was
//! cherry-picked onto main (its entry `- crash on start`), then `feature` merged: both sides
//! added an entry since the merge base, and the merge listed the change twice. A rebase of
//! `feature` onto main gets it right, as its merge base for the rewording lists the plain
//! entry. Here the plain entry goes when the other side rewords it (starts with its words and
//! goes on, the pairing `--sync` uses) and the commits that wrote it on both sides are one
//! change: a commit and its pick (see [`crate::history::copies`]). Words alone decide nothing.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{MergeBase, Range, Repo};
use crate::history::changelog::vocab::same_section;
use crate::history::changelog::{Changelog, Entry, Merged, normalize, rewords};

/// `merged` (the merge of `sides`, whose changelogs are `logs`) without the entries one side
/// added that the other side's rewording of the same change stands for (see the module),
/// which it names in `merged.reworded`. On any doubt (history unreadable), as it was.
pub(super) fn leave_out_polished(
    repo: &Repo,
    config: &Config,
    sides: [Oid; 2],
    logs: [&Changelog; 2],
    merged: &mut Merged,
) {
    let Ok(mut log) = Changelog::parse(&merged.text) else {
        return;
    };
    let pairs = candidates(logs, &log.unreleased_entries());
    if pairs.is_empty() {
        return;
    }
    let Ok(plain) = polished_copies(repo, config, sides, &pairs) else {
        return;
    };
    for e in &plain {
        log.remove_entry(&e.section, &e.text);
    }
    if !plain.is_empty() {
        merged.text = log.render();
        merged.reworded = plain;
    }
}

/// The entries of `now` (the merged Unreleased) that only side `s` lists, each with `s`, when
/// another entry of `now` under the same heading, which only the other side lists, rewords it.
fn candidates(logs: [&Changelog; 2], now: &[Entry]) -> Vec<(Entry, usize)> {
    let listed = |s: usize| -> HashSet<String> {
        let log: &Changelog = logs[s];
        log.unreleased_entries()
            .iter()
            .map(|e| normalize(&e.text))
            .collect()
    };
    let listed = [listed(0), listed(1)];
    let only = |s: usize, key: &String| listed[s].contains(key) && !listed[1 - s].contains(key);
    let mut out = Vec::new();
    for e in now {
        let key = normalize(&e.text);
        let Some(s) = (0..2).find(|&s| only(s, &key)) else {
            continue;
        };
        let polished = now.iter().any(|p| {
            let other = normalize(&p.text);
            only(1 - s, &other) && same_section(&p.section, &e.section) && rewords(&other, &key)
        });
        if polished {
            out.push((e.clone(), s));
        }
    }
    out
}

/// Of `pairs` (an entry, the side that lists it plain), those a commit of that side wrote
/// that copies, or is copied by, a commit of the other side that wrote it too.
fn polished_copies(
    repo: &Repo,
    config: &Config,
    sides: [Oid; 2],
    pairs: &[(Entry, usize)],
) -> Result<Vec<Entry>> {
    let MergeBase::Found(base) = repo.merge_base_of(sides[0], sides[1])? else {
        return Ok(Vec::new());
    };
    let wanted: HashSet<String> = pairs.iter().map(|(e, _)| normalize(&e.text)).collect();
    let written = [0, 1].map(|s| writers(repo, config, (base, sides[s]), &wanted));
    let [Ok(w0), Ok(w1)] = written else {
        return Ok(Vec::new());
    };
    let written = [w0, w1];
    let mut out = Vec::new();
    for (e, s) in pairs {
        let key = normalize(&e.text);
        let of = |side: usize| -> HashMap<Oid, String> {
            written[side]
                .iter()
                .filter(|(_, (entry, _))| *entry == key)
                .map(|(id, (_, text))| (*id, text.clone()))
                .collect()
        };
        let (plain, polished) = (of(*s), of(1 - s));
        if polished.is_empty() {
            continue;
        }
        let mut changes = crate::history::copies::Changes::new(repo, config, polished);
        for (id, text) in &plain {
            if !changes.made(*id, text)?.is_empty() {
                out.push(e.clone());
                break;
            }
        }
    }
    Ok(out)
}

/// The commits of `base..tip` (no merges) whose message calls for an entry of `wanted`
/// (normalised), each with that entry and its message.
fn writers(
    repo: &Repo,
    config: &Config,
    (base, tip): (Oid, Oid),
    wanted: &HashSet<String>,
) -> Result<HashMap<Oid, (String, String)>> {
    let range = Range {
        tips: vec![tip],
        hidden: vec![base],
        ..Range::default()
    };
    let mut out = HashMap::new();
    repo.walk(&range, |c| {
        if c.parents < 2 {
            let message = c.text().into_owned();
            let entry =
                crate::history::reverts::commit_entry(repo, &message, &config.changelog, None);
            if let Some(key) = entry
                .map(|e| normalize(&e.text))
                .filter(|k| wanted.contains(k))
            {
                out.insert(c.id, (key, message));
            }
        }
        true
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(entries: &str) -> Changelog {
        Changelog::parse(&format!(
            "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n{entries}"
        ))
        .unwrap()
    }

    #[test]
    fn an_entry_one_side_lists_plain_and_the_other_polished_is_a_candidate() {
        let ours = log("- crash on start\n");
        let theirs = log("- crash on start (when config is empty)\n");
        let merged = log("- crash on start\n- crash on start (when config is empty)\n");
        let found = candidates([&ours, &theirs], &merged.unreleased_entries());
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].0.text.as_str(), found[0].1),
            ("crash on start", 0)
        );
        // The other way round: the plain one is theirs.
        let found = candidates([&theirs, &ours], &merged.unreleased_entries());
        assert_eq!(found[0].1, 1);
    }

    #[test]
    fn entries_both_sides_list_or_that_merely_share_words_are_not() {
        // Both sides list the plain entry: not one side's addition.
        let ours = log("- crash on start\n");
        let theirs = log("- crash on start\n- crash on start (when config is empty)\n");
        let merged = log("- crash on start\n- crash on start (when config is empty)\n");
        assert!(candidates([&ours, &theirs], &merged.unreleased_entries()).is_empty());
        // `crash on startup` does not go on from `crash on start` with a new word.
        let theirs = log("- crash on startup\n");
        let merged = log("- crash on start\n- crash on startup\n");
        assert!(candidates([&ours, &theirs], &merged.unreleased_entries()).is_empty());
    }
}
