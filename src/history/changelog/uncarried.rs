//! A stable release carries its pre-releases' entries (`Changelog::fold_prereleases`), not the
//! text written around them in their sections (a paragraph, a `### Migration` note): what is
//! left behind is named, so that the release's notes do not lose it unseen.

use std::collections::HashMap;
use std::ops::Range;

use super::Changelog;
use super::parse::{EntrySpan, SectionKind, Sub};

impl Changelog {
    /// For stable `version`, each pre-release section it folds (those above the last stable
    /// release, of a version up to it) whose text is more than its entries, with what that text
    /// starts with: `"2.0.0-rc.1's \"This release…\", `### Migration`"`. A pre-release that
    /// leaves another line (4.0.0-rc.1 over 3.6.0-rc.2) folds that line's sections as well;
    /// one that goes on its own line folds none. Empty when every folded section holds entries
    /// only.
    pub fn uncarried_text(&self, version: &str) -> Vec<String> {
        let Some(target) = super::release_version(version) else {
            return Vec::new();
        };
        let base = |v: &semver::Version| (v.major, v.minor, v.patch);
        let mut out = Vec::new();
        let (mut named, mut left_out) = (0, 0);
        for sec in &self.doc.sections {
            let SectionKind::Release { version: v } = &sec.kind else {
                continue;
            };
            let Some(pv) = super::release_version(v) else {
                continue;
            };
            // The release itself, when already written: the folded sections are below it.
            if pv == target {
                continue;
            }
            if pv.pre.is_empty() {
                break;
            }
            // As `fold_prereleases` does: a pre-release of its own line folds nothing.
            if !target.pre.is_empty() && base(&pv) == base(&target) {
                return Vec::new();
            }
            if !super::fold::carries(&target, &pv) {
                continue;
            }
            let mut said: Vec<String> = Vec::new();
            let from = sec.heading + 1;
            let in_entry = self.entry_lines(&sec.subs, from..sec.end);
            let headed: HashMap<usize, &Sub> = sec
                .subs
                .iter()
                .filter_map(|s| Some((s.heading?, s)))
                .collect();
            let mut fresh = true;
            let mut named_to = 0;
            for i in from..sec.end {
                let text = self.lines[i].text.trim();
                if i < named_to {
                    continue;
                }
                if text.is_empty() || in_entry[i - from] {
                    fresh = true;
                    continue;
                }
                let sub = headed.get(&i).copied();
                if let Some(s) = sub {
                    // A group heading is its entries' (carried); one without entries, or with
                    // text that says what its list is (not carried), is named, and stands for
                    // everything under it.
                    if !s.entries.is_empty() && !self.has_prose(s) {
                        continue;
                    }
                    said.push(format!("`{text}`"));
                    named_to = s.end;
                } else if fresh {
                    // A fence's opening line says nothing of what it holds.
                    said.push(if text.starts_with("```") || text.starts_with("~~~") {
                        "a code block".to_owned()
                    } else {
                        format!("{:?}", first_words(text))
                    });
                }
                fresh = false;
            }
            // vue's 3.6.0 pre-releases left dozens of pieces: the first few are named, the
            // rest counted.
            let room = NAMED_AT_MOST.saturating_sub(named);
            if said.len() > room {
                left_out += said.len() - room;
                said.truncate(room);
            }
            named += said.len();
            if !said.is_empty() {
                out.push(format!("{v}'s {}", said.join(", ")));
            }
        }
        if left_out > 0 {
            out.push(format!("and {left_out} more"));
        }
        out
    }
}

impl Changelog {
    /// Whether sub-section `s` holds text besides its entries (vue's `### About Vapor Mode`: a
    /// paragraph, then what does not work yet): its list means nothing without that text, so a
    /// stable release carries none of it (and names it).
    fn has_prose(&self, s: &Sub) -> bool {
        let Some(h) = s.heading else {
            return false;
        };
        let from = h + 1;
        let in_entry = self.entry_lines(std::slice::from_ref(s), from..s.end);
        (from..s.end).any(|i| !self.lines[i].text.trim().is_empty() && !in_entry[i - from])
    }

    /// For each line of `lines`, whether it belongs to an entry of `subs` (from its bullet to
    /// the end of its further paragraphs): one pass over the entries and one over the lines,
    /// not a pass over the entries per line (a section of 10,000 entries).
    fn entry_lines(&self, subs: &[Sub], lines: Range<usize>) -> Vec<bool> {
        let len = lines.end.saturating_sub(lines.start);
        // How many entries start (+1) and end (-1) at each line; a line is in one while the
        // running sum is above zero.
        let mut change = vec![0i64; len + 1];
        for s in subs {
            for e in &s.entries {
                let start = e.start.max(lines.start);
                let end = self.entry_reach(s, e).min(lines.end);
                if start < end {
                    change[start - lines.start] += 1;
                    change[end - lines.start] -= 1;
                }
            }
        }
        let mut open = 0;
        change[..len]
            .iter()
            .map(|c| {
                open += c;
                open > 0
            })
            .collect()
    }

    /// Where list item `e` of sub-section `s` ends, past the further paragraphs that belong to
    /// it (a blank line, then lines indented under it): vue's `- **vapor mode** …` and its
    /// `  Please see …` are one change.
    fn entry_reach(&self, s: &Sub, e: &EntrySpan) -> usize {
        self.past_paragraphs(e.end, s.end)
    }

    /// The further paragraphs of each list item of a release section that has some, by the
    /// line of its bullet (0-based), without the list indentation, a blank line as "": what a
    /// stable release carries with the item. Read once for the whole file, not once per item.
    pub(super) fn entry_paragraphs(&self) -> HashMap<usize, Vec<String>> {
        let mut out = HashMap::new();
        for s in self.doc.sections.iter().flat_map(|sec| sec.subs.iter()) {
            for e in &s.entries {
                let reach = self.entry_reach(s, e);
                if reach > e.end {
                    out.insert(e.start, self.paragraph_lines(e.end..reach));
                }
            }
        }
        out
    }

    /// Lines `range` as [`Changelog::entry_paragraphs`] gives them.
    fn paragraph_lines(&self, range: Range<usize>) -> Vec<String> {
        self.lines[range]
            .iter()
            .map(|l| {
                let t = l.text.as_str();
                let t = t
                    .strip_prefix("  ")
                    .or_else(|| t.strip_prefix('\t'))
                    .unwrap_or(t);
                if t.trim().is_empty() {
                    ""
                } else {
                    t.trim_end()
                }
                .to_owned()
            })
            .collect()
    }

    /// The lines of the sub-sections [`Changelog::has_prose`] keeps from a stable release, in
    /// the first `upto` sections (those a fold reads).
    pub(super) fn prose_sub_lines(&self, upto: usize) -> Vec<std::ops::Range<usize>> {
        self.doc
            .sections
            .iter()
            .take(upto)
            .flat_map(|sec| sec.subs.iter())
            .filter(|s| self.has_prose(s))
            .map(|s| s.heading.unwrap_or(0)..s.end)
            .collect()
    }
}

/// At most this many pieces of text are named; the rest are counted.
const NAMED_AT_MOST: usize = 8;

/// The start of a line of text, at most about 60 characters, cut at a word.
fn first_words(text: &str) -> String {
    if text.chars().count() <= 60 {
        return text.to_owned();
    }
    let cut: String = text.chars().take(60).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;

    #[test]
    fn the_text_around_pre_release_entries_is_named() {
        let text = "# Changelog\n\n## [Unreleased]\n\n## [2.0.0-rc.2] - 2026-01-03\n\n### Fixed\n\n- b\n  continued\n\n## [2.0.0-rc.1] - 2026-01-02\n\nA paragraph\nover two lines.\n\n### Added\n\n- a\n\n### Migration\n\nRun it.\n\n## [2.0.0-beta.1]\n\n```sh\ntool migrate\n```\n\n## [3.0.0-rc.1] - 2026-01-01\n\nNot folded into 2.0.0.\n\n## [1.0.0] - 2025-01-01\n\nOlder prose, below the last stable release.\n";
        let log = Changelog::parse(text).expect("kept");
        assert_eq!(
            log.uncarried_text("2.0.0"),
            [
                "2.0.0-rc.1's \"A paragraph\", `### Migration`",
                "2.0.0-beta.1's a code block"
            ]
        );
        assert!(log.uncarried_text("2.0.0-rc.3").is_empty());
        // Entries only: nothing to say.
        let plain = "## [Unreleased]\n\n## [1.1.0-rc.1]\n\n### Added\n\n- a\n\n## [1.0.0]\n\n- x\n";
        assert!(
            Changelog::parse(plain)
                .expect("kept")
                .uncarried_text("1.1.0")
                .is_empty()
        );
    }

    /// vue's 3.6.0 pre-releases: a list a paragraph explains ("Things that do not work yet:")
    /// is not carried as if it were changes; its sub-section is named instead.
    #[test]
    fn a_list_its_paragraph_explains_is_named_not_carried() {
        let text = "## [Unreleased]\n\n## [3.6.0-beta.1]\n\n### About Vapor Mode\n\nThings that do not work yet:\n\n- Suspense\n- SSR hydration\n\n### Bug Fixes\n\n- **vapor:** fix x\n\n## [3.5.0]\n\n- old\n";
        let mut log = Changelog::parse(text).expect("kept");
        assert_eq!(
            log.uncarried_text("3.6.0"),
            ["3.6.0-beta.1's `### About Vapor Mode`"]
        );
        log.fold_prereleases("3.6.0");
        let carried: Vec<String> = log
            .unreleased_entries()
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(carried, ["**vapor:** fix x"]);
    }

    /// vue's 4.0.0-rc.1 over its 3.6.0-rc line (QA34): a pre-release leaving another line
    /// folds it, so what it leaves behind is named as a stable release's is.
    #[test]
    fn a_pre_release_leaving_another_line_names_what_it_leaves() {
        let text = "## [Unreleased]\n\n## [3.6.0-rc.2]\n\n### Bug Fixes\n\n- b\n\n## [3.6.0-rc.1]\n\n### About Vapor Mode\n\nProse.\n\n### Features\n\n- f\n\n## [3.5.0]\n\n- old\n";
        let log = Changelog::parse(text).expect("kept");
        assert_eq!(
            log.uncarried_text("4.0.0-rc.1"),
            ["3.6.0-rc.1's `### About Vapor Mode`"]
        );
        assert!(log.uncarried_text("3.6.0-rc.3").is_empty());
    }

    /// Past a handful, the pieces left behind are counted, not listed.
    #[test]
    fn many_pieces_are_counted() {
        let mut text = String::from("## [Unreleased]\n\n");
        for n in (1..=12).rev() {
            text.push_str(&format!("## [2.0.0-rc.{n}]\n\nNote {n}.\n\n- e{n}\n\n"));
        }
        text.push_str("## [1.0.0]\n\n- x\n");
        let left = Changelog::parse(&text)
            .expect("kept")
            .uncarried_text("2.0.0");
        assert_eq!(left.len(), 9, "{left:?}");
        assert_eq!(left.last().map(String::as_str), Some("and 4 more"));
    }

    /// Which lines are an entry's, read in one pass: as asking of each line whether any
    /// entry of the section reaches over it (items with further paragraphs, nested items,
    /// text between the lists).
    #[test]
    fn entry_lines_are_the_lines_some_entry_reaches() {
        let text = "## [Unreleased]\n\n## [2.0.0-rc.1]\n\nIntro.\n\n### Added\n\n- a\n\n  a's paragraph\n  more\n\n- b\n  - nested\n- c\n\nNot c's.\n\n### Fixed\n\n- f\n\n\n  f's after two blank lines\n\n## [1.0.0]\n\n- x\n";
        let log = Changelog::parse(text).expect("kept");
        for sec in &log.doc.sections {
            let lines = sec.heading + 1..sec.end;
            let fast = log.entry_lines(&sec.subs, lines.clone());
            let slow: Vec<bool> = lines
                .map(|i| {
                    sec.subs.iter().any(|s| {
                        s.entries
                            .iter()
                            .any(|e| (e.start..log.entry_reach(s, e)).contains(&i))
                    })
                })
                .collect();
            assert_eq!(fast, slow);
        }
        let paragraphs = log.entry_paragraphs();
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert_eq!(paragraphs[&8], ["", "a's paragraph", "more"]);
        assert_eq!(paragraphs[&21], ["", "", "f's after two blank lines"]);
        assert_eq!(
            log.uncarried_text("2.0.0"),
            ["2.0.0-rc.1's \"Intro.\", `### Added`"]
        );
    }
}
