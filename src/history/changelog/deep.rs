//! Headings below level 3 that are a release's sub-sections, as the parser reads them: those
//! of a release headed deeper than `## `, and cocogitto's `#### ` ones under a `## ` section.

use super::parse::{Line, Section, SectionKind, Sub, heading_level};

/// Whether heading `t` (level 4 to 6) is a part of the release section open, as Markdown
/// nests it: that section is headed at level 3 or 4 (electron/forge's `#### [2.0.0](…)`
/// over `##### New Features`), and `t` is below it.
pub(super) fn part_of_deep_release(section: Option<&Section>, lines: &[Line], t: &str) -> bool {
    let Some(s) = section else {
        return false;
    };
    let at = lines.get(s.heading).and_then(|l| heading_level(&l.text));
    matches!(s.kind, SectionKind::Release { .. })
        && at.is_some_and(|at| at >= 3 && heading_level(t).is_some_and(|l| l > at))
}

/// Whether heading `t` (line `at`) is a level-4 sub-section of the section open (`sub`: its
/// sub-section open), headed at level 2: one of the known names (cocogitto's `#### Features`),
/// or any once the section has one (its `#### Documentation` below), so each entry stays under
/// its own heading; or one of any name over a list in a section with no `### ` sub-section
/// (cocogitto's `#### Documentation` heading an Unreleased of docs alone, as relhook writes it
/// there: read as text, the next entry of its kind got a second heading, QA294). Any other
/// level-4 heading stays text (`#### Note` under `### Added`).
pub(super) fn level_4_part(
    section: Option<&Section>,
    sub: Option<&Sub>,
    lines: &[Line],
    (at, t): (usize, &str),
) -> bool {
    let level = |i: usize| lines.get(i).and_then(|l| heading_level(&l.text));
    let Some(s) = section.filter(|s| level(s.heading) == Some(2)) else {
        return false;
    };
    let deep = |sub: &Sub| sub.heading.is_some_and(|h| level(h) == Some(4));
    let shallow = |sub: &Sub| sub.heading.is_some_and(|h| level(h) == Some(3));
    heading_level(t) == Some(4)
        && (super::vocab::subsection_heading(t)
            || s.subs.iter().chain(sub).any(deep)
            || !s.subs.iter().chain(sub).any(shallow) && heads_a_list(lines, at))
}

/// Whether the first line after line `at` that is not blank is a list item.
fn heads_a_list(lines: &[Line], at: usize) -> bool {
    let next = lines
        .iter()
        .skip(at + 1)
        .find(|l| !l.text.trim().is_empty());
    next.is_some_and(|l| {
        super::parse::bullet_body(&l.text).is_some() && !super::separator::is_rule(&l.text)
    })
}
