//! The blank lines a file sets its sections apart by (poetry's two, most files' one): a
//! section relhook adds (`## [Unreleased]`, a release it cuts) is set apart by as many, as
//! every section the file has already is. And whether a blank line follows its headings:
//! Keep a Changelog's does, cocogitto's `## 1.0.0 - …` / `#### Features` / `- a` does not;
//! the headings and entries relhook writes are spaced as the file spaces its own.

use super::Changelog;
use super::parse::Section;
use super::separator::is_rule;

/// Where a file has blank lines around its headings (`true`: one blank line there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingSpacing {
    /// Below a release's (or Unreleased's) heading, above its first sub-section or entry.
    pub section: bool,
    /// Below a sub-section's heading, above its first entry.
    pub sub: bool,
    /// Above a sub-section's heading, below the entries of the one before it.
    pub before_sub: bool,
}

/// One blank line where `blank`, else none.
pub(super) fn blank(blank: bool) -> Vec<String> {
    if blank { vec![String::new()] } else { vec![] }
}

/// Most of `votes` (`true`: a blank line), a tie as Markdown's usual blank line; `None`
/// without any.
fn most(votes: impl Iterator<Item = bool>) -> Option<bool> {
    let (mut loose, mut tight) = (0, 0);
    for v in votes {
        if v { loose += 1 } else { tight += 1 }
    }
    (loose + tight > 0).then_some(loose >= tight)
}

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

    /// How the file spaces its headings, read from the section at index `near` (where the new
    /// lines go: Unreleased), else from the nearest one that says, the older ones below it
    /// first. A file whose spacing changed over the years (a tool replaced by another) is
    /// written as its newest sections are, and new lines in a section match that section's
    /// own, whatever the majority of the file does. What no section says is Keep a
    /// Changelog's blank line (the sub-sections' spacing and the sections' stand in for
    /// each other).
    pub fn heading_spacing(&self, near: usize) -> HeadingSpacing {
        let sections = &self.doc.sections;
        let order = (near..sections.len()).chain((0..near.min(sections.len())).rev());
        let votes: Vec<[Option<bool>; 3]> = order
            .filter_map(|i| sections.get(i))
            .map(|s| self.section_spacing(s))
            .collect();
        let nearest = |k: usize| votes.iter().find_map(|v| v[k]);
        let (section, sub) = (nearest(0), nearest(1));
        HeadingSpacing {
            section: section.or(sub).unwrap_or(true),
            sub: sub.or(section).unwrap_or(true),
            before_sub: nearest(2).unwrap_or(true),
        }
    }

    /// How the file spaces the headings of its releases, as [`Self::heading_spacing`] reads
    /// them from its newest release (Unreleased's only where no release says): what
    /// `--rebuild` writes every section in, which a tool's style sets, not a hand's Unreleased.
    pub fn release_spacing(&self) -> HeadingSpacing {
        let sections = self.doc.sections.len();
        let newest = (0..sections).find(|&i| !self.is_unreleased_at(i));
        self.heading_spacing(newest.unwrap_or(0))
    }

    /// What section `s` says of the three measures of [`HeadingSpacing`] (`None`: nothing,
    /// as an empty section, or text that is no entry or sub-section right below a heading).
    fn section_spacing(&self, s: &Section) -> [Option<bool>; 3] {
        // `Some(blank)`: only blank lines, and at least one (`true`) or none, from `from` to `to`.
        let gap =
            |from: usize, to: usize| (from..to).all(|i| self.is_blank(i)).then_some(to > from);
        let first = (s.heading + 1..s.end).find(|&i| self.is_content(i));
        let opens = |i: usize| {
            s.subs
                .iter()
                .any(|b| b.heading == Some(i) || b.entries.first().is_some_and(|e| e.start == i))
        };
        let section = first
            .filter(|&i| opens(i))
            .and_then(|i| gap(s.heading + 1, i));
        let sub = most(s.subs.iter().filter_map(|b| {
            let h = b.heading?;
            gap(h + 1, b.entries.first()?.start)
        }));
        let before_sub = most(s.subs.windows(2).filter_map(|w| {
            let end = w[0].entries.last()?.end;
            gap(end, w[1].heading?)
        }));
        [section, sub, before_sub]
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

    /// cocogitto's releases: no blank line below any heading, nor above a sub-section's.
    const COCO: &str = "# Changelog\nIntro.\n\n- - -\n## [7.0.0](https://g/o/r/compare/6.5.0..7.0.0) - 2026-03-04\n### Package updates\n- a bumped\n### Global changes\n#### Features\n- seven\n#### Bug Fixes\n- fix\n\n- - -\n\n\n## [6.5.0](https://g/o/r/compare/6.4.0..6.5.0) - 2025-11-02\n#### Features\n- six\n\n- - -\n";

    #[test]
    fn heading_spacing_is_read_from_the_files_headings() {
        let spacing = |t: &str| {
            let log = Changelog::parse(t).unwrap();
            let s = log.heading_spacing(0);
            [s.section, s.sub, s.before_sub]
        };
        assert_eq!(spacing(COCO), [false; 3]);
        assert_eq!(spacing(TWO), [true; 3]);
        assert_eq!(spacing("# C\n"), [true; 3], "none says: Keep a Changelog's");
        // A hand's: the sub-sections set apart, their entries right below them.
        let hand = "## [1.0.0]\n### Added\n- a\n\n### Fixed\n- b\n";
        assert_eq!(spacing(hand), [false, false, true]);
        // Bullets right below the releases: the sub-sections relhook adds are spaced so too.
        assert_eq!(
            spacing("## 1.0.0\n- a\n\n## 0.1.0\n- b\n"),
            [false, false, true]
        );
        // A comment or an empty Unreleased says nothing: the release below does.
        let commented =
            format!("## [Unreleased]\n<!-- new entries below -->\n\n### Added\n\n- x\n\n{hand}");
        assert_eq!(spacing(&commented), [false, true, true]);
        let empty = format!("## [Unreleased]\n\n{hand}");
        assert_eq!(spacing(&empty), [false, false, true]);
    }

    /// A file whose sections are spaced both ways: the section the new lines go into says,
    /// else the nearest below it (the newest style), not the majority of the file.
    #[test]
    fn a_mixed_file_is_spaced_as_the_section_nearest_the_new_lines() {
        let spacing = |t: &str| {
            let log = Changelog::parse(t).unwrap();
            let s = log.heading_spacing(0);
            [s.section, s.sub, s.before_sub]
        };
        let tight = "## [1.0.0]\n### Added\n- a\n### Fixed\n- b\n\n";
        let loose = "## [0.9.0]\n\n### Added\n\n- a\n\n### Fixed\n\n- b\n\n";
        let older = loose.replace("0.9.0", "0.8.0");
        assert_eq!(spacing(&format!("{tight}{loose}{older}")), [false; 3]);
        assert_eq!(spacing(&format!("{loose}{tight}{tight}")), [true; 3]);
        let unreleased = "## [Unreleased]\n\n### Added\n\n- x\n\n### Fixed\n\n- y\n\n";
        assert_eq!(spacing(&format!("{unreleased}{tight}")), [true; 3]);
        // Each from the nearest section that shows it: one sub-section shows none above one.
        let unreleased = "## [Unreleased]\n\n### Added\n\n- x\n\n";
        assert_eq!(
            spacing(&format!("{unreleased}{tight}")),
            [true, true, false]
        );
    }

    /// An entry under a heading that has none yet, in a tight file: right below it, and no
    /// blank line between it and the sub-section after it.
    #[test]
    fn an_entry_under_an_empty_heading_of_a_tight_file_is_right_below_it() {
        let file = "## [Unreleased]\n#### Features\n#### Bug Fixes\n- z\n\n## 1.0.0\n#### Features\n- a\n#### Bug Fixes\n- b\n";
        let mut log = Changelog::parse(file).unwrap();
        log.add_entry_as_named("Features", "y", false);
        assert_eq!(
            log.render(),
            file.replacen("Features\n", "Features\n- y\n", 1)
        );
        let file = "## [Unreleased]\n\n## 1.0.0\n- a\n";
        let mut log = Changelog::parse(file).unwrap();
        log.add_entry("", "x", false);
        assert_eq!(log.render(), "## [Unreleased]\n- x\n\n## 1.0.0\n- a\n");
    }
}
