//! The look of the file's own sections, which a section `--rebuild` writes afresh takes from
//! itself or from the sections nearest it: a file another tool reformatted part of keeps each
//! part as it is (commitlint's: `*` bullets and two blank lines between its newer releases,
//! `-` and one between its older ones), and a release that has no section yet gets the look of
//! those around it, not of the newest. So does its heading's anchor line (standard-version's
//! `<a name="7.5.0"></a>` above commitlint's 7.x sections), or its lack of one.

use crate::history::changelog::segments::Segment;

/// A section's bullet and the blank lines it sets under its heading, above a sub-heading that
/// follows entries, and under a sub-heading (`None`: the section does not show it); and the
/// lines above its heading, with [`VERSION`] where they name its version (`Some(vec![])`: a
/// release section without any; `None`: lines that are not its anchors alone).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Look {
    marker: Option<char>,
    under_heading: Option<usize>,
    above_sub: Option<usize>,
    under_sub: Option<usize>,
    anchors: Option<Vec<String>>,
}

/// Where an anchor line of [`Look`] names the section's version.
const VERSION: &str = "\u{0}";

fn bullet(line: &str) -> Option<char> {
    let mut chars = line.chars();
    let c = chars.next().filter(|c| matches!(c, '-' | '*' | '+'))?;
    (chars.next() == Some(' ')).then_some(c)
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn sub_heading(line: &str) -> bool {
    line.starts_with("###")
}

impl Look {
    /// The look `s`'s heading and body show.
    pub(super) fn of(s: &Segment) -> Look {
        let body = &s.body;
        let mut look = Look {
            marker: body.iter().find_map(|l| bullet(l)),
            anchors: anchors(s),
            ..Look::default()
        };
        let Some(first) = body.iter().position(|l| !blank(l)) else {
            return look;
        };
        look.under_heading = Some(first);
        let mut k = first;
        while k < body.len() {
            let line = &body[k];
            let next = (k + 1..body.len()).find(|&j| !blank(&body[j]));
            if sub_heading(line) {
                if let Some(j) = next {
                    look.under_sub.get_or_insert(j - k - 1);
                }
            } else if let Some(j) = next.filter(|&j| sub_heading(&body[j])) {
                look.above_sub.get_or_insert(j - k - 1);
            }
            k = next.unwrap_or(body.len());
        }
        look
    }

    /// What `self` does not show taken from `other`.
    fn or(self, other: Look) -> Look {
        Look {
            marker: self.marker.or(other.marker),
            under_heading: self.under_heading.or(other.under_heading),
            above_sub: self.above_sub.or(other.above_sub),
            under_sub: self.under_sub.or(other.under_sub),
            anchors: self.anchors.or(other.anchors),
        }
    }

    /// The look of the release sections nearest place `k` of `sections` (a section written
    /// there, above `sections[k]`), the one above first: each trait from the nearest that
    /// shows it.
    pub(super) fn near(sections: &[Segment], k: usize) -> Look {
        let mut look = Look::default();
        for d in 0..sections.len() {
            let above = k.checked_sub(d + 1).and_then(|i| sections.get(i));
            for s in above.into_iter().chain(sections.get(k + d)) {
                if s.version.is_some() {
                    look = look.or(Look::of(s));
                }
            }
        }
        look
    }

    /// `lines` (a heading, then its body as `Layout::entries` writes it, bullets `marker`)
    /// in this look: its bullet, its blank lines where it shows them, and its anchors above
    /// the heading, naming `label` (the release's version as its heading spells it).
    pub(super) fn apply(&self, lines: Vec<String>, marker: char, label: &str) -> Vec<String> {
        let anchors = self.anchors.iter().flatten();
        let mut out: Vec<String> = anchors.map(|a| a.replace(VERSION, label)).collect();
        out.extend(self.body(lines, marker));
        out
    }

    /// `lines` with this look's bullet and blank lines.
    fn body(&self, lines: Vec<String>, marker: char) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(lines.len());
        let mut blanks = 0;
        let mut last: Option<usize> = None;
        for line in lines {
            if blank(&line) && !out.is_empty() {
                blanks += 1;
                continue;
            }
            let wanted = match last {
                None => None,
                Some(0) => self.under_heading,
                Some(p) if sub_heading(&out[p]) => self.under_sub,
                Some(_) if sub_heading(&line) => self.above_sub,
                Some(_) => None,
            };
            let n = if last.is_some() {
                wanted.unwrap_or(blanks)
            } else {
                blanks
            };
            out.extend(std::iter::repeat_n(String::new(), n));
            blanks = 0;
            let line = match (self.marker, bullet(&line)) {
                (Some(m), Some(c)) if c == marker && m != c => format!("{m}{}", &line[1..]),
                _ => line,
            };
            last = Some(out.len());
            out.push(line);
        }
        out.extend(std::iter::repeat_n(String::new(), blanks));
        out
    }
}

/// The lines above release section `s`'s heading, each anchor naming its version (as its
/// heading spells it) with [`VERSION`] there; `None` for Unreleased, or for an anchor that
/// does not name the version (a tool's own id, which a section written afresh cannot have).
fn anchors(s: &Segment) -> Option<Vec<String>> {
    let version = s.version.as_deref().filter(|v| !v.is_empty())?;
    let above = &s.head[..s.head.len().saturating_sub(1)];
    let named = |l: &&String| blank(l) || l.contains(version);
    (above.iter().all(|l| named(&l))).then(|| {
        (above.iter())
            .map(|l| l.replace(version, VERSION))
            .collect()
    })
}

/// What a release with no entry says in the file: its own one-line note for such a release
/// where it has one (lerna's `**Note:** Version bump only for package @commitlint/root`),
/// the one line that is all of two of its release sections at least; else Keep a Changelog's
/// words. Never a bare heading: a release never has empty notes.
pub(super) fn empty_release_note(sections: &[Segment]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for s in sections.iter().filter(|s| s.version.is_some()) {
        let mut lines = s.body.iter().filter(|l| !blank(l));
        let (Some(only), None) = (lines.next(), lines.next()) else {
            continue;
        };
        let only = only.trim_end();
        if bullet(only).is_some() || only.starts_with('#') || only.starts_with('<') {
            continue;
        }
        if seen.contains(&only) {
            return only.to_owned();
        }
        seen.push(only);
    }
    crate::history::changelog::NO_NOTABLE_CHANGES.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(version: Option<&str>, text: &str) -> Segment {
        let mut lines = text.lines().map(str::to_owned);
        let head = vec![lines.next().unwrap_or_default()];
        let body: Vec<String> = lines.collect();
        Segment {
            version: version.map(str::to_owned),
            head,
            body,
            tail: vec![String::new()],
        }
    }

    #[test]
    fn a_section_written_afresh_takes_the_look_of_those_nearest() {
        let newer = segment(
            Some("2.0.0"),
            "# [2.0.0](x) (2024-02-02)\n\n\n### Features\n\n* a\n\n\n### Bug Fixes\n\n* b",
        );
        let older = segment(
            Some("1.0.0"),
            "## [1.0.0](x) (2024-01-01)\n\n### Bug Fixes\n\n- c\n\n### Features\n\n- d",
        );
        let fresh: Vec<String> =
            "## [1.1.0](x) (2024-01-09)\n\n### Features\n\n* e\n  more\n* f\n\n### Bug Fixes\n\n* g"
                .lines()
                .map(str::to_owned)
                .collect();
        let sections = [newer.clone(), older.clone()];
        // Between them: the one above first, its traits before the one below's.
        assert_eq!(Look::near(&sections, 1), Look::of(&newer));
        let own = Look::of(&older);
        assert_eq!(
            own.apply(fresh.clone(), '*', "1.1.0").join("\n"),
            "## [1.1.0](x) (2024-01-09)\n\n### Features\n\n- e\n  more\n- f\n\n### Bug Fixes\n\n- g"
        );
        assert_eq!(
            Look::of(&newer).apply(fresh, '*', "1.1.0").join("\n"),
            "## [1.1.0](x) (2024-01-09)\n\n\n### Features\n\n* e\n  more\n* f\n\n\n### Bug Fixes\n\n* g"
        );
    }

    #[test]
    fn a_section_written_afresh_gets_the_anchor_its_neighbours_have() {
        let anchored = |v: &str| {
            let text = format!("<a name=\"{v}\"></a>\n\n# [{v}](x) (2019-01-31)\n\n* a");
            let mut s = segment(Some(v), &text);
            // As `segments` cuts it: the anchors and the heading are the head.
            s.head = s.head.into_iter().chain(s.body.drain(..2)).collect();
            s
        };
        let plain = segment(Some("8.0.0"), "# [8.0.0](x) (2019-05-05)\n\n* b");
        let fresh: Vec<String> = ["## [7.4.1](x) (2019-01-28)", "", "* c"]
            .map(str::to_owned)
            .to_vec();
        let sections = [plain.clone(), anchored("7.5.0"), anchored("7.4.0")];
        assert_eq!(
            Look::near(&sections, 2)
                .apply(fresh.clone(), '*', "7.4.1")
                .join("\n"),
            "<a name=\"7.4.1\"></a>\n\n## [7.4.1](x) (2019-01-28)\n\n* c"
        );
        // Under a section without one, above one that has it: as the one above.
        let sections = [plain, anchored("7.5.0")];
        assert_eq!(
            Look::near(&sections, 1).apply(fresh, '*', "7.6.0")[0],
            "## [7.4.1](x) (2019-01-28)"
        );
        // An anchor that does not name the version is the section's own: not copied.
        let mut own = anchored("7.5.0");
        own.head[0] = "<a name=\"release-notes\"></a>".into();
        assert_eq!(Look::of(&own).anchors, None);
    }
}
