//! A release leaves out the Unreleased sub-sections that hold nothing: a `### Fixed` whose
//! only entry was deleted by hand would otherwise be released, and printed in the notes, as
//! an empty heading. And, where the file keeps none between releases (git-cliff renders
//! Unreleased only when it holds commits), the empty Unreleased it leaves above the release.

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

/// Whether `text`, a changelog as a release left it, has a release heading (`## [1.0.0]`,
/// `## v1.0.0`) and no Unreleased heading: read line by line, unparsed (a release asks this of
/// the file its previous tag holds, which nothing else parses).
pub fn keeps_no_unreleased(text: &str) -> bool {
    let labels = text.lines().filter_map(|l| {
        let label = l.strip_prefix('#')?.trim_start_matches('#');
        label
            .starts_with(' ')
            .then(|| label.trim_start().trim_start_matches('['))
    });
    let mut released = false;
    for label in labels {
        if label
            .get(..10)
            .is_some_and(|w| w.eq_ignore_ascii_case("unreleased"))
        {
            return false;
        }
        let digits = label.strip_prefix('v').unwrap_or(label);
        released |= digits.starts_with(|c: char| c.is_ascii_digit());
    }
    released
}

impl Changelog {
    /// Removes the Unreleased section when nothing but blank lines is under its heading and
    /// no `[unreleased]:` link definition refers to it (git-cliff's file after a release).
    pub fn drop_empty_unreleased(&mut self) {
        let Some(section) = (self.doc.sections.iter()).find(|s| s.kind == SectionKind::Unreleased)
        else {
            return;
        };
        let (lead, h, end) = (section.lead, section.heading, section.end);
        let linked = (self.doc.links.iter()).any(|l| l.label.eq_ignore_ascii_case("unreleased"));
        if linked || lead != h || !(h + 1..end).all(|i| self.is_blank(i)) {
            return;
        }
        self.lines.drain(h..end.min(self.lines.len()));
        self.reindex();
    }

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

    #[test]
    fn an_empty_unreleased_goes_with_its_blank_lines_and_nothing_else() {
        let text = "# C\n\n## [unreleased]\n\n## [1.0.1] - 2026-01-02\n\n- a\n";
        let mut log = Changelog::parse(text).unwrap();
        log.drop_empty_unreleased();
        assert_eq!(log.render(), "# C\n\n## [1.0.1] - 2026-01-02\n\n- a\n");
        assert!(!log.has_unreleased());
        // Something under it, or a link definition naming it: it stays.
        for text in [
            "## [Unreleased]\n\n- b\n\n## [1.0.1] - 2026-01-02\n",
            "## [Unreleased]\n\n## [1.0.1] - 2026-01-02\n\n[unreleased]: https://x/compare/v1.0.1...HEAD\n",
        ] {
            let mut log = Changelog::parse(text).unwrap();
            log.drop_empty_unreleased();
            assert_eq!(log.render(), text);
        }
    }

    #[test]
    fn a_file_keeps_no_unreleased_where_releases_alone_are_headed() {
        assert!(keeps_no_unreleased(
            "# C\n\n## [1.0.0] - 2024-01-01\n\n- a\n"
        ));
        assert!(keeps_no_unreleased("## v1.0.0\n"));
        for text in [
            "# C\n\n## [unreleased]\n\n## [1.0.0] - 2024-01-01\n",
            "## Unreleased\n\n## 1.0.0\n",
            "# C\n\nNothing released yet.\n",
            "#1.0.0 is no heading\n",
        ] {
            assert!(!keeps_no_unreleased(text), "{text}");
        }
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
