//! Edits: inserting the Unreleased section, adding/removing/replacing
//! Unreleased entries (cutting a release: `released.rs`).
//!
//! Every edit splices whole lines in or out of the line list and then
//! re-derives the structure, so bytes outside the edited lines are kept.
//! Inserted lines use the file's dominant line ending.

use super::parse::Line;
use super::{Changelog, normalize};

use super::SUBSECTIONS as CANONICAL;
use super::spacing::{HeadingSpacing, blank};
use super::vocab::{Vocabulary, bare, ranked, same_section, spoken};

/// The section name as written in headings: canonical case for known names,
/// single-line for anything else (a newline would forge a heading).
pub(super) fn heading_name(section: &str) -> String {
    let name = normalize(section);
    CANONICAL
        .iter()
        .find(|c| c.eq_ignore_ascii_case(&name))
        .map_or_else(|| heading_text(section, name), |c| (*c).to_string())
}

/// A heading's text as the file (or the config) spells it, its spacing kept (git-cliff's
/// `⛰️  Features` has two spaces after the sign); one line, or else `normalized`.
fn heading_text(section: &str, normalized: String) -> String {
    let trimmed = section.trim();
    if trimmed.contains(['\n', '\r']) {
        normalized
    } else {
        trimmed.to_owned()
    }
}

/// Whether an entry under the sub-section named `name` goes under the one named `sub`: the
/// same name, or the same without signs (`🐛 Bug Fixes` for `Bug Fixes`).
fn same_name(sub: &str, name: &str) -> bool {
    sub.eq_ignore_ascii_case(name)
        || (!name.is_empty() && bare(sub).eq_ignore_ascii_case(bare(name)))
}

impl Changelog {
    /// Inserts `## [Unreleased]` (or the project's git-cliff spelling of it) above the newest release (and its anchor), or after the
    /// preamble when there are no sections yet. Does nothing if present.
    pub fn ensure_unreleased(&mut self) {
        if self.has_unreleased() {
            return;
        }
        if let Some(sec) = self.doc.sections.first() {
            let at = sec.lead;
            // Set apart from the release below as the file sets its sections apart.
            let mut texts = vec![self.unreleased_heading()];
            texts.extend(vec![String::new(); self.section_gap()]);
            self.insert_lines(at, texts);
            return;
        }
        let mut at = self.doc.links.first().map_or(self.lines.len(), |l| l.line);
        while at > 0 && self.is_blank(at - 1) {
            at -= 1;
        }
        let mut texts = vec![];
        if at > 0 {
            texts.push(String::new());
        }
        texts.push(self.unreleased_heading());
        if self.is_content(at) {
            texts.push(String::new());
        }
        self.insert_lines(at, texts);
    }

    /// The marker the file already uses for bullets (`-` by default).
    pub(crate) fn marker(&self) -> char {
        self.doc
            .sections
            .iter()
            .flat_map(|s| s.subs.iter())
            .find_map(|sub| sub.entries.first())
            .and_then(|e| self.lines.get(e.start))
            .and_then(|l| l.text.chars().next())
            .unwrap_or('-')
    }

    /// Turns entry markdown into bullet lines; continuation lines get the
    /// two-space list indentation that `Entry::text` strips.
    pub(super) fn bullet_lines(marker: char, markdown: &str) -> Vec<String> {
        let mut it = markdown
            .split('\n')
            .map(|l| l.trim_end())
            .filter(|l| !l.trim().is_empty());
        let Some(first) = it.next() else {
            return vec![];
        };
        let mut out = vec![format!("{marker} {}", first.trim_start())];
        out.extend(it.map(|l| format!("  {l}")));
        out
    }

    /// From the end of a list item at `at`, past the lines that still belong to it (text
    /// continuing a paragraph at column 0, further paragraphs: blank lines, then indented
    /// lines), before `end`: a new item goes after them, not between the item and its text.
    pub(super) fn past_paragraphs(&self, at: usize, end: usize) -> usize {
        let indented = |i: usize| {
            self.lines
                .get(i)
                .is_some_and(|l| l.text.starts_with("  ") || l.text.starts_with('\t'))
        };
        let mut at = self.past_lazy(at, end);
        loop {
            let mut next = at;
            while next < end && self.is_blank(next) {
                next += 1;
            }
            if next == at || next >= end || !indented(next) {
                return at;
            }
            while next < end && indented(next) {
                next += 1;
            }
            at = self.past_lazy(next, end);
        }
    }

    /// Adds a bullet to `### <section>` of Unreleased (creating either when
    /// missing, sub-sections in canonical order). `first` puts it at the top of the list, below
    /// the breaking changes there already (for breaking changes), otherwise it goes at the end. The section is named
    /// as the file names that kind of change (`Fixed` is `Bug Fixes` in a file
    /// conventional-changelog wrote: `vocab`), its scope as the file writes scopes
    /// (`**api**: x` in commitizen's: `scope_style`).
    pub fn add_entry(&mut self, section: &str, entry_markdown: &str, first: bool) {
        self.add_entry_with_paragraphs(section, entry_markdown, &[], first);
    }

    /// [`Changelog::add_entry`] for a list item whose further paragraphs (`paragraphs`: its
    /// lines after the first paragraph, without the list indentation, a blank line as "")
    /// go with it: a pre-release's entry carried into its stable release.
    pub fn add_entry_with_paragraphs(
        &mut self,
        section: &str,
        entry_markdown: &str,
        paragraphs: &[String],
        first: bool,
    ) {
        let vocabulary = self.vocabulary();
        let breaking = super::weight::is_breaking(entry_markdown);
        let name = spoken(&heading_name(section), breaking, vocabulary);
        let entry_markdown = self.entry_style().apply(entry_markdown);
        let mut bullets = Self::bullet_lines(self.marker(), &entry_markdown);
        if !bullets.is_empty() {
            bullets.extend(Self::paragraph_bullets(paragraphs));
        }
        self.add_entry_under(&name, bullets, first, vocabulary, &|_| false);
    }

    /// An item's further paragraphs (a blank line as "") as its lines: with the list
    /// indentation.
    fn paragraph_bullets(paragraphs: &[String]) -> impl Iterator<Item = String> + '_ {
        paragraphs.iter().map(|l| match l.as_str() {
            "" => String::new(),
            l => format!("  {l}"),
        })
    }

    /// Whether an entry under the sub-section named `name` (as written) goes under a heading
    /// Unreleased already has: [`Changelog::add_entry_under`] then writes no new heading, which
    /// could change the file's vocabulary.
    pub(super) fn unreleased_has_sub(&self, name: &str) -> bool {
        let sec = self
            .unreleased_index()
            .and_then(|i| self.doc.sections.get(i));
        sec.is_some_and(|sec| sec.subs.iter().any(|s| Self::same_sub(s, name)))
    }

    /// Whether sub-section `s` is the one [`Changelog::add_entry_under`] puts an entry under
    /// `name` in.
    pub(super) fn same_sub(s: &super::parse::Sub, name: &str) -> bool {
        same_name(&s.name, name) && (s.heading.is_some() || name.is_empty())
    }

    /// [`Changelog::add_entry`] for each of `entries` (section, text, first), in order, with the
    /// file read again once per sub-section rather than once per entry: a sync of thousands
    /// of commits. The result is the one of adding them one by one: `first` entries below the
    /// breaking changes first already, the others at the end, each in the order given.
    pub fn add_entries(&mut self, entries: &[(String, String, bool)]) {
        let entries = entries.iter();
        self.add_grouped(
            entries
                .map(|(section, text, first)| (section.as_str(), text.as_str(), *first, &[][..])),
            &|_| false,
        );
    }

    /// [`Changelog::add_entries`] of items with further paragraphs (section, text, first,
    /// paragraphs), as [`Changelog::add_entry_with_paragraphs`] adds each; where entries go
    /// by scope, each above the first of its scope that `later` says is a later commit's
    /// ([`Changelog::by_scope_place`]).
    pub(super) fn add_grouped<'a>(
        &mut self,
        entries: impl IntoIterator<Item = (&'a str, &'a str, bool, &'a [String])>,
        later: &dyn Fn(&str) -> bool,
    ) {
        let vocabulary = self.vocabulary();
        let marker = self.marker();
        let style = self.entry_style();
        // Each entry's lines, by the sub-section they go under (names that differ only by
        // signs, `⚠ BREAKING CHANGES` and `BREAKING CHANGES`, are one) and `first`.
        let mut groups: Vec<(String, bool, Vec<Vec<String>>)> = Vec::new();
        for (section, text, first, paragraphs) in entries {
            let breaking = super::weight::is_breaking(text);
            let name = spoken(&heading_name(section), breaking, vocabulary);
            let mut bullets = Self::bullet_lines(marker, &style.apply(text));
            if !bullets.is_empty() {
                bullets.extend(Self::paragraph_bullets(paragraphs));
            }
            let same = |g: &&mut (String, bool, _)| {
                g.1 == first && g.0.is_empty() == name.is_empty() && same_name(&g.0, &name)
            };
            match groups.iter_mut().find(same) {
                Some(g) => g.2.push(bullets),
                None => groups.push((name, first, vec![bullets])),
            }
        }
        for (name, first, items) in groups {
            // Each in its own place where entries go by scope.
            if self.by_scope {
                for bullets in items {
                    self.add_entry_under(&name, bullets, first, vocabulary, later);
                }
                continue;
            }
            let bullets = items.into_iter().flatten().collect();
            self.add_entry_under(&name, bullets, first, vocabulary, later);
        }
    }

    /// [`Changelog::add_entry`] under the section named `section` as it is written (an entry
    /// of relhook's own, such as a dependency's release, in a file of either vocabulary).
    pub fn add_entry_as_named(&mut self, section: &str, entry_markdown: &str, first: bool) {
        let vocabulary = self.vocabulary();
        let entry_markdown = self.entry_style().apply(entry_markdown);
        let bullets = Self::bullet_lines(self.marker(), &entry_markdown);
        self.add_entry_under(&heading_name(section), bullets, first, vocabulary, &|_| {
            false
        });
    }

    /// `later`: which entries of the scope of an entry going by scope come after it.
    fn add_entry_under(
        &mut self,
        name: &str,
        bullets: Vec<String>,
        first: bool,
        vocabulary: Vocabulary,
        later: &dyn Fn(&str) -> bool,
    ) {
        if bullets.is_empty() {
            return;
        }
        self.ensure_unreleased();
        let name = name.to_owned();
        let Some((idx, sec)) = self
            .unreleased_index()
            .and_then(|i| Some((i, self.doc.sections.get(i)?.clone())))
        else {
            return;
        };
        // Under the file's own heading for it, signs and all (`### 🐛 Bug Fixes`), a new one
        // at the file's level (cocogitto's `#### Features`).
        let sub = sec.subs.iter().find(|s| Self::same_sub(s, &name));
        let heading = format!("{} {name}", "#".repeat(self.sub_level()));
        let text = bullets.first().and_then(|b| super::parse::bullet_body(b));
        if let Some(at) = text.and_then(|t| self.by_scope_place(&name, t.trim(), later)) {
            return self.insert_lines(at, bullets);
        }
        if let Some((f, l)) = sub.and_then(|s| Some((s.entries.first()?, s.entries.last()?))) {
            let at = if first {
                // Below the breaking changes already first: they keep the order they were
                // made in, as a rebuild writes them.
                let entries = sub.map_or(&[][..], |s| s.entries.as_slice());
                entries
                    .iter()
                    .take_while(|e| super::weight::is_breaking(&self.entry_text(e.start, e.end)))
                    .last()
                    .map_or(f.start, |e| self.past_paragraphs(e.end, sec.end))
            } else {
                self.past_paragraphs(l.end, sec.end)
            };
            return self.insert_lines(at, bullets);
        }
        // Blank lines around the new lines as the file sets them around its headings.
        let sp = self.heading_spacing(idx);
        let anchor = match sub {
            Some(s) => s.heading.unwrap_or(sec.heading),
            None if name.is_empty() => sec.heading,
            None => {
                let next = sec
                    .subs
                    .iter()
                    .filter_map(|s| s.heading.map(|h| (h, &s.name)))
                    .find(|(_, n)| {
                        ranked(n, vocabulary, &self.order) > ranked(&name, vocabulary, &self.order)
                    });
                if let Some((h, _)) = next {
                    let mut texts = vec![heading];
                    texts.extend(blank(sp.sub));
                    texts.extend(bullets);
                    texts.extend(blank(sp.before_sub));
                    return self.insert_lines(h, texts);
                }
                // Above a rule that sets Unreleased off from the release below it.
                let mut at = self.closing_rule(idx).map_or(sec.end, |r| r.start);
                while at > sec.heading + 1 && self.is_blank(at - 1) {
                    at -= 1;
                }
                let above = self.spaced_below(at - 1, &sec, sp);
                let mut texts = blank(above);
                texts.push(heading);
                texts.extend(blank(sp.sub));
                // An empty section's blank lines after its heading are the separator: they stay
                // below the new lines, as many as they are, where a section follows; where none
                // does, inserted above them they would end the file.
                if above && at == sec.heading + 1 && self.is_blank(at) {
                    let run = (at..self.lines.len()).find(|&i| !self.is_blank(i));
                    if run.is_none() {
                        at += 1;
                        texts.remove(0);
                    }
                }
                texts.extend(bullets);
                if self.is_content(at) {
                    texts.push(String::new());
                }
                return self.insert_lines(at, texts);
            }
        };
        // The sub-section (or bare section) exists but has no bullets yet.
        let p = anchor + 1;
        let (at, mut texts) = match self.spaced_below(anchor, &sec, sp) {
            false => (p, vec![]),
            true if self.is_blank(p) => (p + 1, vec![]),
            true => (p, vec![String::new()]),
        };
        texts.extend(bullets);
        let sub_below = sec.subs.iter().any(|s| s.heading == Some(at));
        if self.is_content(at) && (sp.before_sub || !sub_below) {
            texts.push(String::new());
        }
        self.insert_lines(at, texts);
    }

    /// Whether a blank line goes between line `i` of section `sec` and a heading or entry
    /// written right below it: as the file spaces them below a section's heading, a
    /// sub-section's, or a sub-section's entries; below other text (a comment), one.
    fn spaced_below(&self, i: usize, sec: &super::parse::Section, sp: HeadingSpacing) -> bool {
        if i == sec.heading {
            sp.section
        } else if sec.subs.iter().any(|s| s.heading == Some(i)) {
            sp.sub
        } else if sec
            .subs
            .iter()
            .any(|s| s.entries.last().is_some_and(|e| e.end == i + 1))
        {
            sp.before_sub
        } else {
            true
        }
    }

    /// Finds an Unreleased entry by sub-section name and normalised text:
    /// (sub-section index, entry index).
    pub(super) fn find_unreleased(
        &self,
        section: &str,
        text: &str,
    ) -> Option<(usize, usize, usize)> {
        self.find_in(self.unreleased_index()?, section, text)
    }

    /// [`Self::find_unreleased`] in the section at index `si`.
    pub(super) fn find_in(
        &self,
        si: usize,
        section: &str,
        text: &str,
    ) -> Option<(usize, usize, usize)> {
        let sec = self.doc.sections.get(si)?;
        let want = normalize(text);
        let name = normalize(section);
        sec.subs
            .iter()
            .enumerate()
            .filter(|(_, s)| same_section(&s.name, &name))
            .find_map(|(bi, s)| {
                let ei = s
                    .entries
                    .iter()
                    .position(|e| normalize(&self.entry_text(e.start, e.end)) == want)?;
                Some((si, bi, ei))
            })
    }

    /// Removes an Unreleased entry (and its sub-section heading when it was
    /// the only content). Returns `false` when no such entry exists.
    pub fn remove_entry(&mut self, section: &str, text: &str) -> bool {
        self.remove_found(self.find_unreleased(section, text))
    }

    /// [`Self::remove_entry`] from the release section for `version` (`v` prefix ignored):
    /// an unreleased commit's entry a patch put there.
    pub fn remove_release_entry(&mut self, version: &str, section: &str, text: &str) -> bool {
        let found = self.version_index(version);
        self.remove_found(found.and_then(|si| self.find_in(si, section, text)))
    }

    pub(super) fn remove_found(&mut self, found: Option<(usize, usize, usize)>) -> bool {
        let Some((si, bi, ei)) = found else {
            return false;
        };
        let Some(sub) = self
            .doc
            .sections
            .get(si)
            .and_then(|s| s.subs.get(bi))
            .cloned()
        else {
            return false;
        };
        let Some(e) = sub.entries.get(ei).copied() else {
            return false;
        };
        // The whole list item: the text written by hand below its bullet goes with it, not
        // left to read as the entry above's.
        let item = e.start..self.item_end(e, sub.end);
        let only = sub.entries.len() == 1
            && sub
                .heading
                .is_some_and(|h| (h + 1..sub.end).all(|i| item.contains(&i) || self.is_blank(i)));
        let range = match sub.heading {
            Some(h) if only => h..sub.end,
            _ => item,
        };
        // A sub-section that ends the file leaves no blank line behind it: the one above its
        // heading separated it from what came before, and would end the file now.
        let at_end = only && range.end >= self.lines.len();
        if range.end <= self.lines.len() {
            self.lines.drain(range);
        }
        while at_end && self.lines.len() > 1 && self.is_blank(self.lines.len() - 1) {
            self.lines.pop();
        }
        self.reindex();
        true
    }

    /// Replaces the text of an Unreleased entry, keeping its marker.
    /// Returns `false` when no such entry exists.
    pub fn replace_entry(&mut self, section: &str, old_text: &str, new_text: &str) -> bool {
        let Some((si, bi, ei)) = self.find_unreleased(section, old_text) else {
            return false;
        };
        let Some(e) = self
            .doc
            .sections
            .get(si)
            .and_then(|s| s.subs.get(bi))
            .and_then(|s| s.entries.get(ei))
            .copied()
        else {
            return false;
        };
        let marker = self
            .lines
            .get(e.start)
            .and_then(|l| l.text.chars().next())
            .unwrap_or('-');
        let bullets = Self::bullet_lines(marker, &self.entry_style().apply(new_text));
        if bullets.is_empty() {
            return self.remove_entry(section, old_text);
        }
        let last_eol = self
            .lines
            .get(e.end.saturating_sub(1))
            .map_or(self.eol, |l| l.eol);
        let n = bullets.len();
        let eol = self.eol;
        let new = bullets.into_iter().enumerate().map(|(k, text)| Line {
            text,
            eol: if k + 1 == n { last_eol } else { eol },
        });
        if e.end <= self.lines.len() {
            self.lines.splice(e.start..e.end, new);
        }
        self.reindex();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;

    const SAMPLE: &str = "# Changelog\n\nAll notable changes.\n\n## [Unreleased]\n\n### Added\n\n- **scope:** description (#12)\n- another entry\n  continued on an indented line\n\n### Fixed\n\n- fix entry\n\n## [1.0.0] - 2026-01-02\n\n### Added\n\n- first\n\n[unreleased]: https://github.com/o/r/compare/v1.0.0...HEAD\n[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0\n";

    fn parse(t: &str) -> Changelog {
        Changelog::parse(t).expect("valid changelog")
    }

    /// A release section's entry goes from that section alone: Unreleased's of the same words
    /// stays, and so does the rest of the release (its heading too, while it holds another).
    #[test]
    fn remove_release_entry_takes_it_from_that_release_only() {
        let file = "## [Unreleased]\n\n### Added\n\n- g\n\n## [1.1.0]\n\n### Added\n\n- d\n- g\n\n### Fixed\n\n- g\n\n## [1.0.0]\n\n### Added\n\n- g\n";
        let mut log = parse(file);
        assert!(log.remove_release_entry("v1.1.0", "Added", "g"));
        assert_eq!(
            log.render(),
            file.replacen("- d\n- g\n", "- d\n", 1),
            "the one under 1.1.0's Added"
        );
        assert!(log.remove_release_entry("1.1.0", "Fixed", "g"));
        assert!(
            !log.render().contains("### Fixed"),
            "its heading goes with it"
        );
        assert!(!log.remove_release_entry("1.1.0", "Added", "g"));
        assert!(!log.remove_release_entry("2.0.0", "Added", "g"));
        assert_eq!(log.unreleased_entries().len(), 1);
        assert_eq!(log.entries_of("1.0.0").map(|e| e.len()), Some(1));
    }

    /// Added as a batch, entries read as they would one by one, whatever the file holds.
    #[test]
    fn add_entries_is_add_entry_one_by_one() {
        let files = [
            "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2020-01-01\n\n- x\n",
            "## [Unreleased]\n\n### Fixed\n\n- old fix\n\n## [1.0.0]\n",
            "## [Unreleased]\n\n### Added\n\n- a0\n\n### Removed\n\n- r0\n",
            "# Changelog\n",
        ];
        let entries: Vec<(String, String, bool)> = [
            ("Added", "a1", false),
            ("Fixed", "f1", false),
            ("Added", "**BREAKING** b1", true),
            ("Added", "a2\n  more of a2", false),
            ("Added", "**BREAKING** b2", true),
            ("Security", "s1", false),
            ("Fixed", "f2", false),
        ]
        .iter()
        .map(|(s, t, f)| ((*s).to_owned(), (*t).to_owned(), *f))
        .collect();
        for file in files {
            let mut one = parse(file);
            for (s, t, f) in &entries {
                one.add_entry(s, t, *f);
            }
            let mut batch = parse(file);
            batch.add_entries(&entries);
            assert_eq!(batch.render(), one.render(), "{file}");
        }
    }
    #[test]
    fn ensure_unreleased_before_first_version() {
        let mut c = parse("# Changelog\n\n## [1.0.0] - 2020-01-01\n\n- a\n");
        c.ensure_unreleased();
        assert_eq!(
            c.render(),
            "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2020-01-01\n\n- a\n"
        );
        let before = c.render();
        c.ensure_unreleased();
        assert_eq!(c.render(), before);
    }

    /// standard-version's anchors belong to the heading below them: Unreleased, its new
    /// sub-sections and the release made of it go above the anchor.
    #[test]
    fn new_lines_go_above_a_headings_anchor() {
        let old = "<a name=\"1.0.0\"></a>\n\n# [1.0.0](https://x) (2020-01-01)\n\n* a\n";
        let mut c = parse(&format!("# C\n\n{old}"));
        c.add_entry("Fixed", "x", false);
        c.add_entry("Security", "z", false);
        c.add_entry("Added", "y", false);
        let unreleased =
            "## [Unreleased]\n\n### Added\n\n* y\n\n### Fixed\n\n* x\n\n### Security\n\n* z\n\n";
        assert_eq!(c.render(), format!("# C\n\n{unreleased}{old}"));
        c.release("1.1.0", "2026-01-02", "v", None).unwrap();
        assert_eq!(
            c.render(),
            format!(
                "# C\n\n## [Unreleased]\n\n{}{old}",
                unreleased.replace("[Unreleased]", "[1.1.0] - 2026-01-02")
            )
        );
        assert_eq!(c.section_lines("1.1.0"), Some((4, 18)));
    }

    #[test]
    fn ensure_unreleased_after_preamble_and_empty() {
        let mut c = parse("# Changelog\n\nText");
        c.ensure_unreleased();
        assert_eq!(c.render(), "# Changelog\n\nText\n\n## [Unreleased]\n");
        let mut c = parse("");
        c.ensure_unreleased();
        assert_eq!(c.render(), "## [Unreleased]\n");
        let mut c = parse("# C\n\n[a]: http://a\n");
        c.ensure_unreleased();
        assert_eq!(c.render(), "# C\n\n## [Unreleased]\n\n[a]: http://a\n");
    }

    #[test]
    fn add_entry_to_existing_subsection_end_and_first() {
        let mut c = parse(SAMPLE);
        c.add_entry("Fixed", "second fix", false);
        c.add_entry("fixed", "**BREAKING** top fix", true);
        let r = c.render();
        assert!(
            r.contains(
                "### Fixed\n\n- **BREAKING** top fix\n- fix entry\n- second fix\n\n## [1.0.0]"
            ),
            "{r}"
        );
        c.add_entry("Added", "multi\nline", false);
        assert!(
            c.render()
                .contains("  continued on an indented line\n- multi\n  line\n\n### Fixed")
        );
        assert_eq!(c.unreleased_entries()[2].text, "multi\nline");
    }

    /// QA49: a line of text right below an entry continues it (Markdown's lazy
    /// continuation): a new entry goes after it, not between, where it would read as the new
    /// entry's text; the lines around are kept as they are.
    #[test]
    fn a_new_entry_goes_after_the_text_continuing_the_last() {
        let file = "## [Unreleased]\n\n### Added\n\n- add export\nto CSV and JSON\n\n## [1.0.0]\n";
        let mut c = parse(file);
        c.add_entry("Added", "add import", false);
        assert_eq!(
            c.render(),
            file.replace("JSON\n", "JSON\n- add import\n"),
            "after the text"
        );
        // After a further paragraph and its own lazy line too.
        let file = "## [Unreleased]\n\n### Added\n\n- a\n\n  more of a\nstill a\n\n## [1.0.0]\n";
        let mut c = parse(file);
        c.add_entry("Added", "b", false);
        assert_eq!(c.render(), file.replace("still a\n", "still a\n- b\n"));
        // A breaking change goes below the breaking one above and its text.
        let file = "## [Unreleased]\n\n### Added\n\n- **BREAKING** x\nof x\n- y\n";
        let mut c = parse(file);
        c.add_entry("Added", "**BREAKING** z", true);
        assert_eq!(
            c.render(),
            file.replace("of x\n", "of x\n- **BREAKING** z\n")
        );
        // Batched as one by one.
        let mut c = parse(file);
        c.add_entries(&[("Added".into(), "w".into(), false)]);
        assert_eq!(c.render(), format!("{file}- w\n"));
    }

    #[test]
    fn add_entry_creates_subsection_in_canonical_order() {
        let mut c = parse(SAMPLE);
        c.add_entry("Changed", "changed thing", false);
        c.add_entry("Security", "sec thing", false);
        c.add_entry("Custom", "custom thing", false);
        let r = c.render();
        let want = "### Added\n\n- **scope:** description (#12)\n- another entry\n  continued on an indented line\n\n### Changed\n\n- changed thing\n\n### Fixed\n\n- fix entry\n\n### Security\n\n- sec thing\n\n### Custom\n\n- custom thing\n\n## [1.0.0]";
        assert!(r.contains(want), "{r}");
        assert!(r.ends_with("[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0\n"));
    }

    #[test]
    fn add_entry_into_empty_unreleased_and_without_file() {
        let mut c = parse("# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2020-01-01\n");
        c.add_entry("Fixed", "x", false);
        assert_eq!(
            c.render(),
            "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- x\n\n## [1.0.0] - 2020-01-01\n"
        );
        let mut c = parse("");
        c.add_entry("Added", "y", false);
        assert_eq!(c.render(), "## [Unreleased]\n\n### Added\n\n- y\n");
        let mut c = parse("## [Unreleased]");
        c.add_entry("Added", "z", false);
        assert_eq!(c.render(), "## [Unreleased]\n\n### Added\n\n- z\n");
    }

    #[test]
    fn add_entry_uses_file_marker_and_crlf() {
        let text = SAMPLE.replace("\n- ", "\n* ").replace('\n', "\r\n");
        let mut c = parse(&text);
        assert_eq!(c.line_ending(), "\r\n");
        c.add_entry("Removed", "gone", false);
        let r = c.render();
        assert!(
            r.contains("\r\n### Removed\r\n\r\n* gone\r\n\r\n### Fixed"),
            "{r:?}"
        );
        assert!(!r.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn remove_and_replace_entries() {
        let mut c = parse(SAMPLE);
        assert!(c.replace_entry(
            "Added",
            "another   entry continued on an indented line",
            "replaced"
        ));
        assert!(c.render().contains("- replaced\n\n### Fixed"));
        assert!(!c.replace_entry("Added", "nope", "x"));
        assert!(c.remove_entry("Added", "replaced"));
        assert!(c.remove_entry("Fixed", "fix entry"));
        assert!(!c.remove_entry("Fixed", "fix entry"));
        let r = c.render();
        assert!(
            r.contains(
                "## [Unreleased]\n\n### Added\n\n- **scope:** description (#12)\n\n## [1.0.0]"
            ),
            "{r}"
        );
        assert!(c.remove_entry("Added", "**scope:** description (#12)"));
        assert!(c.render().contains("## [Unreleased]\n\n## [1.0.0]"));
    }

    /// An amend from `feat:` to `fix:` at the end of the file: the emptied Unreleased's blank
    /// line after its heading separates the new sub-section, and none is left at the end.
    #[test]
    fn a_sub_section_replacing_the_only_one_at_the_end_leaves_no_blank_line() {
        let mut c = parse("# C\n\n## [Unreleased]\n\n### Added\n\n- b\n");
        assert!(c.remove_entry("Added", "b"));
        c.add_entry("Fixed", "b", false);
        assert_eq!(c.render(), "# C\n\n## [Unreleased]\n\n### Fixed\n\n- b\n");
        let mut c = parse("## [Unreleased]\n\n### Added\n\n- b\n\n## [1.0.0]\n\n- a\n");
        assert!(c.remove_entry("Added", "b"));
        c.add_entry("Fixed", "b", false);
        assert_eq!(
            c.render(),
            "## [Unreleased]\n\n### Fixed\n\n- b\n\n## [1.0.0]\n\n- a\n"
        );
    }

    #[test]
    fn replace_keeps_missing_final_newline() {
        let mut c = parse("## [Unreleased]\n- a");
        assert!(c.replace_entry("", "a", "b"));
        assert_eq!(c.render(), "## [Unreleased]\n- b");
    }

    #[test]
    fn release_rewrites_heading_and_links() {
        let mut c = parse(SAMPLE);
        c.release("1.1.0", "2026-02-03", "v", None)
            .expect("release");
        let r = c.render();
        assert!(
            r.contains(
                "All notable changes.\n\n## [Unreleased]\n\n## [1.1.0] - 2026-02-03\n\n### Added\n"
            ),
            "{r}"
        );
        assert!(r.ends_with(
            "[unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD\n[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0\n[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0\n"
        ), "{r}");
        assert_eq!(c.entries_of("1.1.0").map(|e| e.len()), Some(3));
        assert!(c.unreleased_entries().is_empty());
        let err = c.release("1.1.0", "2026-02-04", "v", None).unwrap_err();
        assert!(err.to_string().contains("line 7"), "{err}");
        assert!(c.release("1.2", "2026-02-04", "v", None).is_err());
        assert!(c.release("1.2.0", "2026-13-04", "v", None).is_err());
    }

    #[test]
    fn release_leaves_the_comments_that_open_unreleased_with_it() {
        let text = "## [Unreleased]\n<!-- Add new entries below this line -->\n\n<!--\n  two\n-->\n\n### Added\n\n- a\n";
        let mut c = parse(text);
        c.release("1.1.0", "2026-02-03", "v", None)
            .expect("release");
        assert_eq!(
            c.render(),
            "## [Unreleased]\n<!-- Add new entries below this line -->\n\n<!--\n  two\n-->\n\n## [1.1.0] - 2026-02-03\n\n### Added\n\n- a\n"
        );
        assert_eq!(c.entries_of("1.1.0").map(|e| e.len()), Some(1));
        // A comment below the entries is not the section's lead (one that never closes is
        // no changelog relhook reads).
        // Two comments on a line, the second closing below: the lead ends where it closes.
        let mut c = parse("## [Unreleased]\n<!-- a --> <!-- b\nstill b -->\n\n### Added\n\n- a\n");
        c.release("1.1.0", "2026-02-03", "v", None)
            .expect("release");
        assert!(
            c.render().starts_with(
                "## [Unreleased]\n<!-- a --> <!-- b\nstill b -->\n\n## [1.1.0] - 2026-02-03\n"
            ),
            "{}",
            c.render()
        );
        let mut c = parse("## [Unreleased]\n### Added\n- a\n<!-- later -->\n");
        c.release("1.1.0", "2026-02-03", "v", None)
            .expect("release");
        assert!(
            c.render()
                .starts_with("## [Unreleased]\n\n## [1.1.0] - 2026-02-03\n"),
            "{}",
            c.render()
        );
    }

    #[test]
    fn release_keeps_label_case_and_bitbucket_style() {
        let text = "## [Unreleased]\n- a\n\n[Unreleased]: https://bitbucket.org/o/r/branches/compare/HEAD%0D1.0.0\n";
        let mut c = parse(text);
        c.release("1.1.0", "2026-02-03", "", None).expect("release");
        assert_eq!(
            c.render(),
            "## [Unreleased]\n\n## [1.1.0] - 2026-02-03\n- a\n\n[Unreleased]: https://bitbucket.org/o/r/branches/compare/HEAD%0D1.1.0\n[1.1.0]: https://bitbucket.org/o/r/branches/compare/1.1.0%0D1.0.0\n"
        );
    }

    #[test]
    fn release_without_links_adds_none_unless_base_given() {
        let text = "# C\n\n## [Unreleased]\n\n- a\n\n## [1.0.0] - 2020-01-01\n";
        let mut c = parse(text);
        c.release("1.1.0", "2026-02-03", "v", None)
            .expect("release");
        assert!(!c.render().contains("]: "));
        let mut c = parse(text);
        c.release("1.1.0", "2026-02-03", "v", Some("https://gitea.io/o/r/"))
            .expect("release");
        assert!(c.render().ends_with(
            "## [1.0.0] - 2020-01-01\n\n[unreleased]: https://gitea.io/o/r/compare/v1.1.0...HEAD\n[1.1.0]: https://gitea.io/o/r/compare/v1.0.0...v1.1.0\n"
        ), "{}", c.render());
        let mut c = parse("## [Unreleased]\r\n- a");
        c.release("0.1.0", "2026-02-03", "v", Some("https://h/o/r"))
            .expect("release");
        assert_eq!(
            c.render(),
            "## [Unreleased]\r\n\r\n## [0.1.0] - 2026-02-03\r\n- a\r\n\r\n[unreleased]: https://h/o/r/compare/v0.1.0...HEAD\r\n[0.1.0]: https://h/o/r/releases/tag/v0.1.0\r\n"
        );
    }

    #[test]
    fn edits_keep_mixed_endings_outside_region() {
        let text = "# C\r\n\r\nPre\n<!-- c -->\n\n## [Unreleased]\r\n\r\n### Added\r\n\r\n- a\r\n\r\n## [1.0.0] - 2020-01-01\n\n- x\ntrailing";
        let mut c = parse(text);
        c.add_entry("Added", "b", false);
        let r = c.render();
        assert!(r.starts_with("# C\r\n\r\nPre\n<!-- c -->\n\n## [Unreleased]\r\n"));
        assert!(
            r.ends_with("\r\n- b\r\n\r\n## [1.0.0] - 2020-01-01\n\n- x\ntrailing"),
            "{r:?}"
        );
    }
}
