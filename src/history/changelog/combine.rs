//! The merge driver's combination of two Unreleased sections, once [`Changelog::merge_keeping`]
//! chose the side whose text stands (`kept`) and the side whose changes go into it (`into`):
//! entries one side took out go, new ones come in, and an entry a release since the merge base
//! holds is not listed again. That last rule reads words only, and the same words are not the
//! same change (`fix: typo` twice; a fix released on a maintenance line and picked onto main,
//! which main's line never released): the caller names the entries history says are still
//! unreleased (`keep`), and every entry a side added that the merge leaves out for a release's
//! words is given back (`Merged::dropped`), to be said.

use std::collections::HashSet;

use super::weight::is_breaking;
use super::{Changelog, Entry, normalize};

/// A merged file, and the entries a side added since the merge base that it leaves out because
/// a release holds the same words.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged file.
    pub text: String,
    /// The entries left out for a release's same words, each once.
    pub dropped: Vec<Entry>,
    /// The entries left out because a squash commit on the other side carries the commits
    /// that wrote them (or a cherry-pick copies one), each with what does, as said before
    /// "the commit that wrote it" (``the squash merge <id> `<header>` on the other side
    /// carries``).
    pub carried: Vec<(Entry, String)>,
    /// The entries left out because the other side's rewording of them stands for them: a
    /// commit and its cherry-pick each wrote the entry, and one side polished its copy.
    pub reworded: Vec<Entry>,
}

/// `kept`'s text with `into`'s changes (see the module); `pre` and `post` are the merged
/// title and released part. `into_first`: `into` is git's first side ("ours"), whose new
/// entries go above the entries below them there and above `kept`'s new ones (see `ahead`).
pub(super) fn combine(
    base: &Changelog,
    (kept, into, into_first): (&Changelog, &Changelog, bool),
    (pre, post): (&str, &str),
    keep: &HashSet<String>,
) -> Merged {
    let key = |e: &Entry| normalize(&e.text);
    let base_set: HashSet<String> = base.unreleased_entries().iter().map(key).collect();
    let into_entries = into.unreleased_entries();
    let into_set: HashSet<String> = into_entries.iter().map(key).collect();
    // Released: what the merged releases hold. A release the merge takes out (`git revert`
    // of a release commit) gives its entries back to Unreleased rather than losing them.
    let released = Changelog::parse(&format!("## [Unreleased]\n\n{post}"))
        .map(|c| c.released_texts())
        .unwrap_or_else(|_| {
            let mut both = kept.released_texts();
            both.extend(into.released_texts());
            both
        });

    // What either side released since the base (a cherry-picked fix main has just
    // released) leaves Unreleased, whichever way the merge goes.
    let base_released = base.released_texts();
    let newly_released: HashSet<String> = released
        .difference(&base_released)
        .filter(|k| !keep.contains(*k))
        .cloned()
        .collect();
    // An entry a side released since the base and lists in Unreleased again is another
    // change of the same wording (`fix: typo` once more): the base's entry is the
    // released one, and a revert of it (the other side's removal) leaves this one be.
    let renewed = |side: &Changelog| -> HashSet<String> {
        let released = side.released_texts();
        side.unreleased_entries()
            .iter()
            .map(key)
            .filter(|k| released.contains(k) && !base_released.contains(k))
            .collect()
    };
    let (kept_renewed, into_renewed) = (renewed(kept), renewed(into));
    let mut dropped: Vec<Entry> = Vec::new();
    let mut merged = kept.clone();
    merged.ensure_unreleased();
    for e in merged.unreleased_entries() {
        let k = key(&e);
        let taken_out = base_set.contains(&k) && !into_set.contains(&k);
        let gone = taken_out || newly_released.contains(&k);
        if gone && !kept_renewed.contains(&k) {
            merged.remove_entry(&e.section, &e.text);
            // Listed since the base by this side alone: its own entry, out for the words.
            if !taken_out && !base_set.contains(&k) {
                dropped.push(e);
            }
        }
    }
    let mut have: HashSet<String> = merged.unreleased_entries().iter().map(key).collect();
    // The kept side's own new entries, which the first side's go above; not its rewording of
    // an entry it took out (a hand edit in place).
    let later: HashSet<String> = match into_first {
        true => {
            let kept_keys: HashSet<String> = kept.unreleased_entries().iter().map(key).collect();
            let reworded: Vec<String> = base_set.difference(&kept_keys).cloned().collect();
            (have.difference(&base_set))
                .filter(|t| !super::replaced::replaces(t, &reworded))
                .cloned()
                .collect()
        }
        false => HashSet::new(),
    };
    let into_keys: Vec<String> = into_entries.iter().map(key).collect();
    for (i, (e, k)) in into_entries
        .iter()
        .zip(into_keys.iter().cloned())
        .enumerate()
    {
        // A stale side re-adds what was released since it forked; an entry released
        // before the base that a side adds anew is new there (a released change
        // reapplied after its revert, another change of the same wording), and stays.
        let renewed = into_renewed.contains(&k);
        let stale = newly_released.contains(&k) && !renewed;
        if (!base_set.contains(&k) || renewed) && !have.contains(&k) && stale {
            dropped.push(e.clone());
        } else if (!base_set.contains(&k) || renewed) && have.insert(k) {
            // The first side's where it had them (see `ahead`); the second's at the end
            // (breaking changes first in their sub-section, as post-commit puts them).
            if into_first {
                let after = into_entries[i + 1..].iter().zip(&into_keys[i + 1..]);
                let below: Vec<String> = (after.filter(|(b, _)| b.section == e.section))
                    .map(|(_, k)| k.clone())
                    .collect();
                merged.add_entry_before(&e.section, &e.text, (&below, &later));
            } else {
                merged.add_entry(&e.section, &e.text, is_breaking(&e.text));
            }
        }
    }
    let mut seen = HashSet::new();
    dropped.retain(|e| !have.contains(&key(e)) && seen.insert(key(e)));
    let (_, mut unreleased, _) = merged.split_around_unreleased();
    // The released part follows after a blank line, whichever side's text ended where.
    if !post.is_empty() && !unreleased.is_empty() {
        let eol = if unreleased.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        while !(unreleased.ends_with("\n\n") || unreleased.ends_with("\n\r\n")) {
            unreleased.push_str(eol);
        }
    }
    Merged {
        text: format!("{pre}{unreleased}{post}"),
        dropped,
        carried: Vec::new(),
        reworded: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(text: &str) -> Changelog {
        Changelog::parse(text).expect("parses")
    }

    /// Main released a `fix: typo` since the base; the branch adds another one.
    #[test]
    fn an_entry_left_out_for_a_releases_words_is_said_and_kept_when_asked() {
        let base = log("# C\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n- a\n");
        let ours = log(
            "# C\n\n## [Unreleased]\n\n## [1.1.0] - 2026-02-01\n\n### Fixed\n\n- typo\n\n\
             ## [1.0.0] - 2026-01-01\n\n- a\n",
        );
        let theirs = log(
            "# C\n\n## [Unreleased]\n\n### Fixed\n\n- typo\n\n## [1.0.0] - 2026-01-01\n\n- a\n",
        );
        let unreleased = |m: &Merged| log(&m.text).unreleased_entries().len();
        for (o, t) in [(&ours, &theirs), (&theirs, &ours)] {
            let words = Changelog::merge_keeping(&base, o, t, &HashSet::new()).expect("merges");
            assert_eq!(unreleased(&words), 0, "{}", words.text);
            let dropped: Vec<&str> = words.dropped.iter().map(|e| e.text.as_str()).collect();
            assert_eq!(dropped, ["typo"]);
            let keep = HashSet::from([normalize("typo")]);
            let kept = Changelog::merge_keeping(&base, o, t, &keep).expect("merges");
            assert_eq!(unreleased(&kept), 1, "{}", kept.text);
            assert!(kept.dropped.is_empty());
        }
    }
}
