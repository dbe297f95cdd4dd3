//! The merge driver's place for the first side's new entries (git's "ours": the branch merged
//! into, the commits a rebase or a revert is made on) when the merge keeps the other side's
//! text: above the entry that followed each there, and above the other side's new ones, else
//! at the end as post-commit adds them. That is history's order, the one post-commit wrote
//! them in and `--rebuild` writes; at the end of their list, a merge whose text came from the
//! second side (it took an entry out: a revert) turned them round.

use std::collections::{HashMap, HashSet};

use super::{Changelog, normalize};
use crate::history::changelog::weight::is_breaking;

impl Changelog {
    /// [`Changelog::add_entry`], then moved above the nearest of `below` (the normalised texts
    /// its own side listed below it in its sub-section, nearest first) that this file lists,
    /// and above the first entry of `later` (the other side's new ones) of its weight (breaking
    /// or not); never above a breaking change unless it is one.
    pub(super) fn add_entry_before(
        &mut self,
        section: &str,
        text: &str,
        (below, later): (&[String], &HashSet<String>),
    ) {
        let breaking = is_breaking(text);
        self.add_entry(section, text, breaking);
        if below.is_empty() && later.is_empty() {
            return;
        }
        let Some(sec) = self
            .unreleased_index()
            .and_then(|i| self.doc.sections.get(i))
        else {
            return;
        };
        let key = normalize(&self.entry_style().apply(text));
        let text_of = |e: &super::parse::EntrySpan| normalize(&self.entry_text(e.start, e.end));
        // The sub-section the entry went into, and its place there.
        let Some((sub, at)) = sec.subs.iter().find_map(|s| {
            let at = s.entries.iter().position(|e| text_of(e) == key)?;
            Some((s, at))
        }) else {
            return;
        };
        let others: Vec<(String, super::parse::EntrySpan)> = (sub.entries.iter().enumerate())
            .filter(|(i, _)| *i != at)
            .map(|(_, e)| (text_of(e), *e))
            .collect();
        // Each looked up once: a long list and a side whose entries it lacks cost no product.
        let listed: HashMap<&str, usize> =
            others.iter().map(|(t, e)| (t.as_str(), e.start)).collect();
        let next = below.iter().find_map(|t| listed.get(t.as_str()).copied());
        let newer = others
            .iter()
            .find(|(t, _)| later.contains(t) && is_breaking(t) == breaking)
            .map(|(_, e)| e.start);
        let Some(mut to) = next.into_iter().chain(newer).min() else {
            return;
        };
        // Breaking changes stay first, as post-commit keeps them.
        if !breaking {
            let first = others.iter().take_while(|(t, _)| is_breaking(t)).last();
            if let Some((_, b)) = first {
                to = to.max(self.item_end(*b, sub.end));
            }
        }
        let e = sub.entries[at];
        let item = e.start..self.item_end(e, sub.end);
        if to >= item.start {
            return;
        }
        let lines: Vec<_> = self.lines.drain(item).collect();
        self.lines.splice(to..to, lines);
        self.reindex();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(text: &str) -> Changelog {
        Changelog::parse(text).expect("parses")
    }

    const FILE: &str =
        "## [Unreleased]\n\n### Fixed\n\n- **BREAKING** b\n- old\n- theirs\n  more\n- after\n";

    fn keys(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| normalize(t)).collect()
    }

    #[test]
    fn an_entry_goes_above_the_one_below_it_on_its_side() {
        let mut c = log(FILE);
        let none = HashSet::new();
        c.add_entry_before("Fixed", "mine", (&keys(&["gone", "theirs\nmore"]), &none));
        let want = FILE.replace("- theirs\n", "- mine\n- theirs\n");
        assert_eq!(c.render(), want);
        c.add_entry_before("Fixed", "next", (&keys(&["theirs\nmore"]), &none));
        assert_eq!(c.render(), want.replace("- mine\n", "- mine\n- next\n"));
    }

    #[test]
    fn an_entry_goes_above_the_other_sides_new_ones_of_its_weight() {
        let mut c = log(FILE);
        let later = HashSet::from([normalize("after"), normalize("**BREAKING** b")]);
        c.add_entry_before("Fixed", "mine", (&[], &later));
        assert_eq!(c.render(), FILE.replace("- after\n", "- mine\n- after\n"));
        c.add_entry_before("Fixed", "**BREAKING** x", (&[], &later));
        assert!(
            c.render()
                .contains("### Fixed\n\n- **BREAKING** x\n- **BREAKING** b\n")
        );
        c.add_entry_before("Added", "new", (&[], &later));
        assert!(
            c.render().contains("### Added\n\n- new\n\n### Fixed\n"),
            "a new sub-section: {}",
            c.render()
        );
    }

    #[test]
    fn with_nothing_to_go_above_an_entry_goes_at_the_end() {
        let mut c = log(FILE);
        c.add_entry_before("Fixed", "mine", (&keys(&["gone"]), &HashSet::new()));
        assert_eq!(c.render(), format!("{FILE}- mine\n"));
    }
}
