//! Commits' entries added among those Unreleased lists already in history's order, the order
//! `--rebuild` writes them in: `--sync` adding the entry of a commit made with post-commit
//! skipped puts it above the entries of the commits made after it (post-commit's entries,
//! each added at the end when its commit was made), not below them.

use super::entry::NewEntry;
use super::{Changelog, normalize};

/// Where git-cliff's template that sorts a group by scope (`sort(attribute="scope")`, as
/// git-cliff's own `cliff.toml` does) lists an entry, in any scope style: those with a scope
/// first, by scope (byte order, as Tera compares), then those without one. A stable sort by
/// it is that order; `--rebuild` writes it, post-commit and `--sync` add entries by it.
pub fn cliff_rank(text: &str) -> (bool, &str) {
    match super::scoped(text) {
        Some((scope, _)) => (false, scope),
        None => (true, ""),
    }
}

impl Changelog {
    /// New entries go where a group sorted by scope ([`cliff_rank`]) lists them, in a
    /// project whose git-cliff configuration sorts so: into a sub-section already in that
    /// order, after the entries that come before or beside them; one in another order (a
    /// hand's) gets them at its end, as ever.
    pub fn set_sorted_by_scope(&mut self, yes: bool) {
        self.by_scope = yes;
    }

    /// The first line of the entry a new entry `text` goes above in Unreleased's
    /// sub-section `name` by [`cliff_rank`], the line past its last entry where it goes
    /// last; `None` where no entries go by scope here (not asked for, no such sub-section
    /// with entries, or one whose entries are in another order). Among the entries of its
    /// scope it goes above the first that `later` says comes after it in history (by its
    /// text in the file), as `--rebuild` lists a scope's entries: after them all for the
    /// newest commit's.
    pub(super) fn by_scope_place(
        &self,
        name: &str,
        text: &str,
        later: &dyn Fn(&str) -> bool,
    ) -> Option<usize> {
        if !self.by_scope {
            return None;
        }
        let sec = self.doc.sections.get(self.unreleased_index()?)?;
        let sub = sec.subs.iter().find(|s| Self::same_sub(s, name))?;
        let last = sub.entries.last()?;
        let texts: Vec<String> = (sub.entries.iter())
            .map(|e| self.entry_text(e.start, e.end))
            .collect();
        let ranks: Vec<_> = texts.iter().map(|t| cliff_rank(t)).collect();
        if !ranks.is_sorted() {
            return None;
        }
        let rank = cliff_rank(text);
        let above = (sub.entries.iter().zip(&ranks).zip(&texts))
            .find(|((_, r), t)| **r > rank || (**r == rank && later(t)));
        Some(above.map_or_else(
            || self.past_paragraphs(last.end, sec.end),
            |((e, _), _)| e.start,
        ))
    }

    /// Whether Unreleased's entry `old` under `section`, reworded to `new` (an amend's new
    /// message), leaves the place its sub-section sorted by scope gives it: its scope
    /// changed ([`cliff_rank`]), so it goes where a new entry of its scope goes.
    pub fn reword_moves(&self, section: &str, old: &str, new: &str, breaking: bool) -> bool {
        if cliff_rank(old) == cliff_rank(new) {
            return false;
        }
        let name = super::vocab::spoken(
            &super::edit::heading_name(section),
            breaking,
            self.vocabulary(),
        );
        self.by_scope_place(&name, new, &|_| false).is_some()
    }

    /// [`Changelog::add_commit_entries`] of `entries` (full id, entry, the commit's place in
    /// history's order), each above the first entry of its sub-section (among the breaking
    /// changes first for a breaking one, else among the rest) whose commit comes after its
    /// own in that order (`place`: an entry's place by its normalised text; `None`, one no
    /// commit of the range wrote, such as a hand-written line, is passed over); after them
    /// where none does.
    pub fn add_commit_entries_in_order(
        &mut self,
        entries: &[(String, NewEntry, usize)],
        place: &dyn Fn(&str) -> Option<usize>,
    ) {
        let mut entries: Vec<&(String, NewEntry, usize)> = entries.iter().collect();
        entries.sort_by_key(|(_, _, rank)| *rank);
        let vocabulary = self.vocabulary();
        let marker = self.marker();
        let style = self.entry_style();
        // (the line a run goes above, its lines), found in the file as it is now.
        let mut runs: Vec<(usize, Vec<String>)> = Vec::new();
        let mut rest = Vec::new();
        // Those a sub-section sorted by scope takes where that order puts them, once the
        // runs are in: (sub-section, text, rank, id, entry), in history's order.
        let mut scoped = Vec::new();
        for (id, e, rank) in entries {
            let name = super::vocab::spoken(
                &super::edit::heading_name(&e.section),
                e.breaking,
                vocabulary,
            );
            let text = style.apply(&style.with_commit(&e.text, id));
            if self.by_scope_place(&name, &text, &|_| false).is_some() {
                scoped.push((name, text, *rank, id, e));
                continue;
            }
            let later = self.above_later(&name, e.breaking, *rank, place);
            match later {
                Some(at) => {
                    let bullets = Self::bullet_lines(marker, &text);
                    match runs.iter_mut().find(|(line, _)| *line == at) {
                        Some((_, lines)) => lines.extend(bullets),
                        None => runs.push((at, bullets)),
                    }
                }
                None => rest.push((
                    e.section.clone(),
                    style.with_commit(&e.text, id),
                    e.breaking,
                )),
            }
        }
        // From the bottom up, so that the lines found above stay where they were.
        runs.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        for (at, lines) in runs {
            self.insert_lines(at, lines);
        }
        // Each among its scope's entries by history's order, as `--rebuild` lists them.
        for (name, text, rank, id, e) in scoped {
            let later = |t: &str| place(&normalize(t)).is_some_and(|r| r > rank);
            match self.by_scope_place(&name, &text, &later) {
                Some(at) => self.insert_lines(at, Self::bullet_lines(marker, &text)),
                None => rest.push((
                    e.section.clone(),
                    style.with_commit(&e.text, id),
                    e.breaking,
                )),
            }
        }
        self.add_entries(&rest);
    }

    /// The first line of the entry that an entry of the commit at `rank` in history's order
    /// goes above, in Unreleased's sub-section `name`: the first of its breaking changes
    /// first (a `breaking` entry) or of the entries after them whose commit comes later.
    fn above_later(
        &self,
        name: &str,
        breaking: bool,
        rank: usize,
        place: &dyn Fn(&str) -> Option<usize>,
    ) -> Option<usize> {
        let sec = self.doc.sections.get(self.unreleased_index()?)?;
        let sub = sec.subs.iter().find(|s| Self::same_sub(s, name))?;
        let text = |e: &super::parse::EntrySpan| self.entry_text(e.start, e.end);
        let lead = (sub.entries.iter())
            .take_while(|e| super::weight::is_breaking(&text(e)))
            .count();
        let among = match breaking {
            true => &sub.entries[..lead],
            false => &sub.entries[lead..],
        };
        let later =
            |e: &&super::parse::EntrySpan| place(&normalize(&text(e))).is_some_and(|r| r > rank);
        among.iter().find(later).map(|e| e.start)
    }
}
