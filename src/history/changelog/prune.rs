//! A release leaves out the Unreleased sub-sections that hold nothing: a `### Fixed` whose
//! only entry was deleted by hand would otherwise be released, and printed in the notes, as
//! an empty heading.

use super::Changelog;
use super::parse::SectionKind;

impl Changelog {
    /// Removes each `### ` heading of Unreleased with nothing but blank lines under it, with
    /// those lines. Said by the caller's diff only: nothing else changes.
    pub(super) fn drop_empty_subsections(&mut self) {
        let Some(section) = self
            .doc
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::Unreleased)
        else {
            return;
        };
        let empty: Vec<(usize, usize)> = section
            .subs
            .iter()
            .filter(|sub| sub.entries.is_empty())
            .filter_map(|sub| Some((sub.heading?, sub.end)))
            .filter(|&(h, end)| h < end && (h + 1..end).all(|i| self.is_blank(i)))
            // A `### Global changes` over cocogitto's `#### Features` holds those.
            .filter(|&(h, end)| !self.deeper_heading_at(end, h))
            .collect();
        if empty.is_empty() {
            return;
        }
        // From the last, so that the earlier ranges stay where they are.
        for &(h, end) in empty.iter().rev() {
            self.lines.drain(h..end.min(self.lines.len()));
        }
        self.reindex();
    }
}

impl Changelog {
    /// Whether line `at` is a heading deeper than heading line `than`.
    fn deeper_heading_at(&self, at: usize, than: usize) -> bool {
        let level = |i: usize| {
            let l = self.lines.get(i)?;
            super::parse::heading_level(&l.text)
        };
        level(at).zip(level(than)).is_some_and(|(a, t)| a > t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_subsections_of_unreleased_go_and_nothing_else_changes() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n\n### Fixed\n\n### Changed\n\n- c\n\n### Removed\n\n## [0.1.0] - 2026-01-01\n\n### Fixed\n\n";
        let mut log = Changelog::parse(text).unwrap();
        log.drop_empty_subsections();
        assert_eq!(
            log.render(),
            "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n\n### Changed\n\n- c\n\n## [0.1.0] - 2026-01-01\n\n### Fixed\n\n"
        );
        // Prose under a heading is content: kept.
        let text = "## [Unreleased]\n\n### Notes\n\nSome words.\n";
        let mut log = Changelog::parse(text).unwrap();
        log.drop_empty_subsections();
        assert_eq!(log.render(), text);
    }

    /// QA41: a `### Global changes` over cocogitto's level-4 sub-sections holds them.
    #[test]
    fn a_heading_over_level_4_parts_stays() {
        let text = "## [Unreleased]\n\n### Global changes\n\n#### Features\n\n- a\n\n#### Bug Fixes\n\n## [1.0.0] - 2026-01-01\n";
        let mut log = Changelog::parse(text).unwrap();
        log.drop_empty_subsections();
        assert_eq!(
            log.render(),
            "## [Unreleased]\n\n### Global changes\n\n#### Features\n\n- a\n\n## [1.0.0] - 2026-01-01\n"
        );
    }
}
