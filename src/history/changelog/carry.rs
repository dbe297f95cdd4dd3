//! An entry's continuation: the lines below its bullet that Markdown reads as more of the
//! same list item, written by hand (text at column 0 continuing its paragraph, further
//! indented paragraphs). Removing the entry takes them with it (`edit`); moving it, to
//! another heading or a reworded text, carries them to where it goes.

use super::Changelog;
use super::parse::EntrySpan;

impl Changelog {
    /// The end of the list item whose bullet lines are `e`, in a sub-section ending at `end`.
    pub(super) fn item_end(&self, e: EntrySpan, end: usize) -> usize {
        self.past_paragraphs(e.end, end).max(e.end)
    }

    /// The lines continuing the entry found at (section, sub-section, entry), as written.
    pub(super) fn continuation(&self, (si, bi, ei): (usize, usize, usize)) -> Vec<String> {
        let sub = self.doc.sections.get(si).and_then(|s| s.subs.get(bi));
        let Some((e, end)) = sub.and_then(|s| Some((*s.entries.get(ei)?, s.end))) else {
            return Vec::new();
        };
        let lines = self.lines.get(e.end..self.item_end(e, end));
        lines.map_or_else(Vec::new, |l| l.iter().map(|l| l.text.clone()).collect())
    }

    /// Removes an Unreleased entry, as [`Changelog::remove_entry`] does, and returns the
    /// lines that continued it; `None` when no such entry exists.
    pub fn take_entry(&mut self, section: &str, text: &str) -> Option<Vec<String>> {
        let found = self.find_unreleased(section, text)?;
        let carried = self.continuation(found);
        self.remove_found(Some(found)).then_some(carried)
    }

    /// [`Changelog::take_entry`] from the release section for `version`.
    pub fn take_release_entry(
        &mut self,
        version: &str,
        section: &str,
        text: &str,
    ) -> Option<Vec<String>> {
        let si = self.version_index(version)?;
        let found = self.find_in(si, section, text)?;
        let carried = self.continuation(found);
        self.remove_found(Some(found)).then_some(carried)
    }

    /// [`Changelog::add_entry`] followed by `carried`, lines that continued the entry where
    /// it was ([`Changelog::take_entry`]), as they were written.
    pub fn add_entry_carrying(
        &mut self,
        section: &str,
        entry_markdown: &str,
        first: bool,
        carried: &[String],
    ) {
        if carried.is_empty() {
            return self.add_entry(section, entry_markdown, first);
        }
        // Added, then its lines put below it: found again by its text, as it was written.
        self.add_entry(section, entry_markdown, first);
        let style = self.entry_style();
        let Some((si, bi, ei)) = self.find_unreleased(section, &style.apply(entry_markdown)) else {
            return;
        };
        let sub = self.doc.sections.get(si).and_then(|s| s.subs.get(bi));
        if let Some(e) = sub.and_then(|s| s.entries.get(ei)) {
            self.insert_lines(e.end, carried.to_vec());
        }
    }

    /// Moves an Unreleased entry to `new` (section, text), the lines that continue it with
    /// it; `false` (and nothing changed) when there is no entry `old`.
    pub fn move_entry(&mut self, old: (&str, &str), new: (&str, &str), first: bool) -> bool {
        let Some(carried) = self.take_entry(old.0, old.1) else {
            return false;
        };
        self.add_entry_carrying(new.0, new.1, first, &carried);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::Changelog;

    fn log(t: &str) -> Changelog {
        Changelog::parse(t).expect("valid changelog")
    }

    const LOG: &str = "## [Unreleased]\n\n### Added\n\n- a\n- export\nto CSV\n\n  more about it\n- b\n\n### Fixed\n\n- c\n";

    #[test]
    fn removing_an_entry_takes_the_lines_that_continue_it() {
        let mut c = log(LOG);
        assert!(c.remove_entry("Added", "export"));
        assert_eq!(
            c.render(),
            "## [Unreleased]\n\n### Added\n\n- a\n- b\n\n### Fixed\n\n- c\n"
        );
        let mut c = log("## [Unreleased]\n\n### Added\n\n- export\nto CSV\n\n### Fixed\n\n- c\n");
        assert!(c.remove_entry("Added", "export"));
        assert_eq!(c.render(), "## [Unreleased]\n\n### Fixed\n\n- c\n");
    }

    #[test]
    fn moving_an_entry_carries_the_lines_that_continue_it() {
        let mut c = log(LOG);
        assert!(c.move_entry(("Added", "export"), ("Fixed", "export fixed"), false));
        assert_eq!(
            c.render(),
            "## [Unreleased]\n\n### Added\n\n- a\n- b\n\n### Fixed\n\n- c\n- export fixed\nto CSV\n\n  more about it\n"
        );
        assert!(!c.move_entry(("Added", "export"), ("Fixed", "x"), false));
    }
}
