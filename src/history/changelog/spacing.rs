//! The blank lines a file sets its sections apart by (poetry's two, most files' one): a
//! section relhook adds (`## [Unreleased]`, a release it cuts) is set apart by as many, as
//! every section the file has already is.

use super::Changelog;
use super::separator::is_rule;

impl Changelog {
    /// The blank lines between the newest release and the section after it, counted above a
    /// rule that closes the release (cocogitto's `- - -`); else between an Unreleased with
    /// entries and the section after it. 1 where no two sections say (an empty section's
    /// blank lines are no style: relhook may have written them).
    pub(super) fn section_gap(&self) -> usize {
        let sections = &self.doc.sections;
        let gap_after = |i: usize| {
            let next = sections.get(i + 1)?.lead;
            let body = sections.get(i)?.heading + 1..next;
            let mut last = body.clone().rev().find(|&j| self.is_content(j))?;
            let mut end = next;
            if self.lines.get(last).is_some_and(|l| is_rule(&l.text)) {
                end = last;
                last = (body.start..last).rev().find(|&j| self.is_content(j))?;
            }
            Some(end - last - 1)
        };
        let releases = (0..sections.len()).filter(|&i| !self.is_unreleased_at(i));
        let gap = releases
            .filter_map(gap_after)
            .next()
            .or_else(|| (0..sections.len()).find_map(gap_after));
        gap.unwrap_or(1).max(1)
    }

    fn is_unreleased_at(&self, i: usize) -> bool {
        self.doc
            .sections
            .get(i)
            .is_some_and(|s| matches!(s.kind, super::parse::SectionKind::Unreleased))
    }
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;

    /// poetry's CHANGELOG.md: two blank lines after each release.
    const TWO: &str = "# Change Log\n\n## [2.4.1] - 2026-05-09\n\n### Fixed\n\n- b\n\n\n## [2.4.0] - 2026-05-03\n\n### Added\n\n- a\n\n\n[2.4.1]: https://github.com/o/r/releases/tag/2.4.1\n[2.4.0]: https://github.com/o/r/releases/tag/2.4.0\n";

    #[test]
    fn the_gap_is_the_newest_releases() {
        let gap = |t: &str| Changelog::parse(t).unwrap().section_gap();
        assert_eq!(gap(TWO), 2);
        assert_eq!(gap("## [1.0.0]\n\n- a\n\n## [0.1.0]\n\n- b\n"), 1);
        // One release: an Unreleased with entries says; an empty one does not.
        assert_eq!(gap("## [Unreleased]\n\n- x\n\n\n\n## [1.0.0]\n\n- a\n"), 3);
        assert_eq!(gap("## [Unreleased]\n\n\n\n## [1.0.0]\n\n- a\n"), 1);
        // Counted above a rule that closes the release.
        assert_eq!(gap("## 2.0.0\n- a\n\n\n- - -\n\n## 1.0.0\n- b\n"), 2);
        assert_eq!(gap("## [1.0.0]\n- a\n"), 1);
    }

    #[test]
    fn an_unreleased_section_added_is_set_apart_as_the_file_sets_its_sections() {
        let mut log = Changelog::parse(TWO).unwrap();
        log.add_entry("Fixed", "c", false);
        let out = log.render();
        assert_eq!(
            out,
            TWO.replace(
                "## [2.4.1]",
                "## [Unreleased]\n\n### Fixed\n\n- c\n\n\n## [2.4.1]"
            )
        );
        // A second entry, another sub-section: the gap stays.
        let mut log = Changelog::parse(&out).unwrap();
        log.add_entry("Added", "d", false);
        assert!(
            log.render().contains(
                "## [Unreleased]\n\n### Added\n\n- d\n\n### Fixed\n\n- c\n\n\n## [2.4.1]"
            ),
            "{}",
            log.render()
        );
        // The release cut from it: the empty Unreleased above it too.
        log.release("2.4.2", "2026-06-01", "", None).unwrap();
        let out = log.render();
        assert!(
            out.contains("## [Unreleased]\n\n\n## [2.4.2] - 2026-06-01\n\n### Added\n\n- d\n\n### Fixed\n\n- c\n\n\n## [2.4.1]"),
            "{out}"
        );
        // An entry into that empty Unreleased keeps its two blank lines below.
        let mut log = Changelog::parse(&out).unwrap();
        log.add_entry("Fixed", "e", false);
        assert!(
            log.render()
                .contains("## [Unreleased]\n\n### Fixed\n\n- e\n\n\n## [2.4.2]"),
            "{}",
            log.render()
        );
    }
}
