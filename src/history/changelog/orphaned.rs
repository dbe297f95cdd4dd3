//! The text that continued an entry whose bullet a change took out alone (git's line merge,
//! reverting the commit that added the bullet, keeps the text a later commit wrote below it):
//! left, it reads as more of the entry above. Found only when that is certain, so a hand edit
//! is never taken for it.

use super::Changelog;

impl Changelog {
    /// The lines that continued the Unreleased entry `taken` (under `section`) in `before`,
    /// the copy this one was made from, when this copy lacks that entry and the entry that
    /// stood above it now continues with exactly its own lines from `before` and then those:
    /// (the entry above's text, the lines). `None` when anything else differs.
    pub fn orphaned_lines(
        &self,
        before: &Changelog,
        section: &str,
        taken: &str,
    ) -> Option<(String, Vec<String>)> {
        if self.find_unreleased(section, taken).is_some() {
            return None;
        }
        let (si, bi, ei) = before.find_unreleased(section, taken)?;
        let carried = before.continuation((si, bi, ei));
        if carried.iter().all(|l| l.trim().is_empty()) {
            return None;
        }
        let prev = ei.checked_sub(1)?;
        let a = *before
            .doc
            .sections
            .get(si)?
            .subs
            .get(bi)?
            .entries
            .get(prev)?;
        let above = before.entry_text(a.start, a.end);
        let mut expected = before.continuation((si, bi, prev));
        expected.extend(carried.iter().cloned());
        let here = self.continuation(self.find_unreleased(section, &above)?);
        (here == expected).then_some((above, carried))
    }

    /// Takes `lines` out from the end of the text continuing the Unreleased entry `above`
    /// (see [`Changelog::orphaned_lines`]); `false` (nothing changed) when it does not end so.
    pub fn drop_orphaned(&mut self, section: &str, above: &str, lines: &[String]) -> bool {
        let Some(found) = self.find_unreleased(section, above) else {
            return false;
        };
        let here = self.continuation(found);
        let (si, bi, ei) = found;
        let Some(e) = self.doc.sections[si].subs[bi].entries.get(ei).copied() else {
            return false;
        };
        if lines.is_empty() || !here.ends_with(lines) {
            return false;
        }
        let end = e.end + here.len();
        self.lines.drain(end - lines.len()..end);
        self.reindex();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::Changelog;

    fn log(t: &str) -> Changelog {
        Changelog::parse(t).expect("valid changelog")
    }

    const BEFORE: &str =
        "## [Unreleased]\n\n### Added\n\n- a\n- export\n\n  more about it\n\n### Fixed\n\n- c\n";

    #[test]
    fn the_text_left_below_the_entry_above_is_found_and_dropped() {
        let after =
            log("## [Unreleased]\n\n### Added\n\n- a\n\n  more about it\n\n### Fixed\n\n- c\n");
        let (above, lines) = after
            .orphaned_lines(&log(BEFORE), "Added", "export")
            .unwrap();
        assert_eq!(above, "a");
        assert_eq!(lines, vec!["".to_owned(), "  more about it".to_owned()]);
        let mut after = after;
        assert!(after.drop_orphaned("Added", &above, &lines));
        assert_eq!(
            after.render(),
            "## [Unreleased]\n\n### Added\n\n- a\n\n### Fixed\n\n- c\n"
        );
    }

    #[test]
    fn text_that_is_not_clearly_the_continuation_is_left() {
        let before = log(BEFORE);
        // Reworded by hand since: not the lines that continued the entry.
        let edited =
            log("## [Unreleased]\n\n### Added\n\n- a\n\n  more about a\n\n### Fixed\n\n- c\n");
        assert_eq!(edited.orphaned_lines(&before, "Added", "export"), None);
        // The entry is still there: nothing is orphaned.
        assert_eq!(log(BEFORE).orphaned_lines(&before, "Added", "export"), None);
        // The entry was first under its heading: no entry above reads the text as its own.
        let first = log("## [Unreleased]\n\n### Added\n\n- export\n\n  more\n- b\n");
        let gone = log("## [Unreleased]\n\n### Added\n\n  more\n- b\n");
        assert_eq!(gone.orphaned_lines(&first, "Added", "export"), None);
        // An entry with no text below it leaves none.
        let bare = log("## [Unreleased]\n\n### Added\n\n- a\n- export\n");
        let taken = log("## [Unreleased]\n\n### Added\n\n- a\n");
        assert_eq!(taken.orphaned_lines(&bare, "Added", "export"), None);
    }
}
