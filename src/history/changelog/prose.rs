//! Prose written in Unreleased on both sides of a merge (a paragraph each, or the same one
//! edited two ways), and new entries on both: the driver cannot combine the prose, and git's
//! line merge, given the files as they are, conflicts on the new entries too (both sides add
//! lines after the same last entry). So the three versions are line-merged with the union of
//! both sides' new entries put into each of them the same way: those lines are then the same
//! in all three, and only the prose is left to merge, or to be marked.

use std::collections::HashSet;

use super::{Changelog, Entry, normalize};

/// The base, ours and theirs to line-merge instead of the files: each with both sides' new
/// Unreleased entries (ours' first, each once) added as post-commit adds them. `None` when
/// neither side added an entry, or making them common would not be safe: a side reworded or removed an
/// entry the base has (then a new entry may be a rewording, which the line merge must show
/// next to the other side's), or a new entry is released on either side.
pub(super) fn common_entries(
    base: &Changelog,
    ours: &Changelog,
    theirs: &Changelog,
) -> Option<[String; 3]> {
    let keys = |log: &Changelog| -> HashSet<String> {
        log.unreleased_entries()
            .iter()
            .map(|e| normalize(&e.text))
            .collect()
    };
    let before = keys(base);
    if !before.is_subset(&keys(ours)) || !before.is_subset(&keys(theirs)) {
        return None;
    }
    let new = |log: &Changelog| -> Vec<Entry> {
        log.unreleased_entries()
            .into_iter()
            .filter(|e| !before.contains(&normalize(&e.text)))
            .collect()
    };
    let (o_new, t_new) = (new(ours), new(theirs));
    if o_new.is_empty() && t_new.is_empty() {
        return None;
    }
    let mut released = ours.released_texts();
    released.extend(theirs.released_texts());
    let mut seen = HashSet::new();
    let mut union = Vec::new();
    for e in o_new.iter().chain(&t_new) {
        let k = normalize(&e.text);
        if released.contains(&k) {
            return None;
        }
        if seen.insert(k) {
            union.push(e.clone());
        }
    }
    let common = |log: &Changelog, own: &[Entry]| -> String {
        let mut log = log.clone();
        for e in own {
            log.remove_entry(&e.section, &e.text);
        }
        log.ensure_unreleased();
        for e in &union {
            log.add_entry(&e.section, &e.text, super::weight::is_breaking(&e.text));
        }
        log.render()
    };
    Some([
        common(base, &[]),
        common(ours, &o_new),
        common(theirs, &t_new),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- base\n";

    fn cl(text: &str) -> Changelog {
        Changelog::parse(text).unwrap()
    }

    #[test]
    fn new_entries_become_common_and_prose_stays_each_sides() {
        let ours = cl(&BASE
            .replace("## [Unreleased]\n", "## [Unreleased]\n\nOurs.\n")
            .replace("- base\n", "- base\n- o1\n"));
        let theirs = cl(&format!("{BASE}- t1\n\nTheirs.\n"));
        let [b, o, t] = common_entries(&cl(BASE), &ours, &theirs).expect("made common");
        for text in [&b, &o, &t] {
            assert!(text.contains("- base\n- o1\n- t1\n"), "{text}");
        }
        assert!(o.contains("Ours.") && !o.contains("Theirs."), "{o}");
        assert!(t.contains("Theirs.") && !t.contains("Ours."), "{t}");
        assert!(!b.contains("Ours.") && !b.contains("Theirs."), "{b}");
    }

    #[test]
    fn a_reworded_or_released_entry_is_left_to_the_line_merge_whole() {
        let theirs = cl(&format!("{BASE}- t1\n\nTheirs.\n"));
        let reworded = cl(&BASE.replace("- base\n", "- base, reworded\n- o1\n"));
        assert!(common_entries(&cl(BASE), &reworded, &theirs).is_none());
        let released = cl(&format!(
            "{BASE}- t1\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- o1\n"
        ));
        let ours = cl(&BASE.replace("- base\n", "- base\n- o1\n"));
        assert!(common_entries(&cl(BASE), &ours, &released).is_none());
        // Prose alone: nothing to make common.
        let prose = cl(&format!("{BASE}\nProse.\n"));
        assert!(common_entries(&cl(BASE), &prose, &prose.clone()).is_none());
    }
}
