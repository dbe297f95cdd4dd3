//! Entries drafted under Unreleased and not committed, which `--allow-dirty` keeps out of the
//! release, told apart from committed entries reworded in the work tree, which belong to it.

use std::collections::HashSet;

use crate::history::changelog::vocab::same_section;
use crate::history::changelog::{Changelog, Entry, normalize};

/// The entries `now` lists under Unreleased that `at_head` does not and that reword none of
/// its entries. An entry of `at_head` gone from `now` was reworded into the new one of its
/// sub-section that shares the most words with it, or else the one standing in its place.
pub(super) fn drafted(at_head: &Changelog, now: &Changelog) -> Vec<Entry> {
    let then = placed(at_head.unreleased_entries());
    let now = placed(now.unreleased_entries());
    let texts = |es: &[(usize, Entry)]| -> HashSet<String> {
        es.iter().map(|(_, e)| normalize(&e.text)).collect()
    };
    let (in_then, in_now) = (texts(&then), texts(&now));
    let mut added: Vec<Option<(usize, Entry)>> = (now.into_iter())
        .filter(|(_, e)| !in_then.contains(&normalize(&e.text)))
        .map(Some)
        .collect();
    for (at, gone) in then
        .iter()
        .filter(|(_, e)| !in_now.contains(&normalize(&e.text)))
    {
        let words = words(&gone.text);
        let reworded = (added.iter().enumerate())
            .filter_map(|(i, a)| Some((i, a.as_ref()?)))
            .filter(|(_, (_, a))| same_section(&a.section, &gone.section))
            .map(|(i, (pos, a))| {
                (
                    i,
                    words.intersection(&self::words(&a.text)).count(),
                    pos == at,
                )
            })
            .filter(|&(_, shared, in_place)| shared > 0 || in_place)
            .max_by_key(|&(i, shared, in_place)| (shared, in_place, std::cmp::Reverse(i)));
        if let Some((i, _, _)) = reworded {
            added[i] = None;
        }
    }
    added.into_iter().flatten().map(|(_, e)| e).collect()
}

/// Each entry with its place among the entries of its sub-section.
fn placed(entries: Vec<Entry>) -> Vec<(usize, Entry)> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    (entries.into_iter())
        .map(|e| {
            let at = match seen.iter_mut().find(|(s, _)| same_section(s, &e.section)) {
                Some((_, n)) => {
                    *n += 1;
                    *n - 1
                }
                None => {
                    seen.push((e.section.clone(), 1));
                    0
                }
            };
            (at, e)
        })
        .collect()
}

/// The words of an entry that say something (three letters or more), lower-cased.
fn words(text: &str) -> HashSet<String> {
    (text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- crash on d\n- slow e\n\n## [1.0.0] - 2026-01-01\n\n- a\n";

    fn drafts(now: &str) -> Vec<String> {
        let (head, now) = (Changelog::parse(HEAD), Changelog::parse(now));
        let found = drafted(&head.expect("head"), &now.expect("now"));
        found.into_iter().map(|e| e.text).collect::<Vec<_>>()
    }

    #[test]
    fn a_new_entry_is_a_draft_and_a_reworded_one_is_not() {
        let now = HEAD.replace("- crash on d\n", "- drafting\n- no more crash on d\n");
        assert_eq!(drafts(&now), ["drafting"]);
        let now = HEAD.replace(
            "## [Unreleased]\n",
            "## [Unreleased]\n\n### Security\n\n- e\n",
        );
        let now = now.replace("- slow e\n", "- slow e (reworded)\n");
        assert_eq!(drafts(&now), ["e"]);
    }

    #[test]
    fn an_entry_written_anew_in_place_is_a_rewording() {
        let now = HEAD.replace("- crash on d\n", "- d works now\n");
        assert!(drafts(&now).is_empty());
        // Removed, and another written elsewhere: a draft.
        let now = HEAD
            .replace("- crash on d\n", "")
            .replace("- slow e\n", "- slow e\n- new\n");
        assert_eq!(drafts(&now), ["new"]);
        assert!(drafts(HEAD).is_empty());
    }
}
