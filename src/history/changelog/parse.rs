//! Parsing: splits the text into lossless lines and derives the Keep a
//! Changelog structure (title, release sections, sub-sections, entries, link
//! reference definitions) as line-index ranges over those lines.
//!
//! The structure never owns text; it only points into `Line`s, so rendering
//! is a plain concatenation and every unedited byte survives.

use std::collections::HashMap;

use super::ParseError;
use super::deep;
use super::heading::{self, other_form, other_release_heading, parse_heading};
use super::lex;
use super::setext;
use super::verbatim::Verbatim;

pub(crate) use super::lines::{Line, dominant_eol, split_lines};

/// What kind of release a `## ` heading introduces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SectionKind {
    Unreleased,
    Release { version: String },
}

/// A bullet entry: lines `start..end` (bullet line plus continuations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EntrySpan {
    pub start: usize,
    pub end: usize,
}

/// A `### Name` sub-section; `heading` is `None` for bullets that sit
/// directly under the `## ` heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sub {
    pub name: String,
    pub heading: Option<usize>,
    pub end: usize,
    pub entries: Vec<EntrySpan>,
}

/// A `## ` release section spanning lines `heading..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    pub kind: SectionKind,
    /// The first line of the `<a name>` anchors right above the heading (standard-version
    /// before 5.0 wrote one above each release), or the heading when there are none: what goes
    /// before the section goes before this line, so an anchor stays with its heading.
    pub lead: usize,
    pub heading: usize,
    pub end: usize,
    pub subs: Vec<Sub>,
}

/// A link reference definition `[label]: url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkRef {
    pub line: usize,
    pub label: String,
    pub url: String,
}

/// The derived structure of a changelog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Structure {
    pub title: Option<usize>,
    pub sections: Vec<Section>,
    pub links: Vec<LinkRef>,
    /// The first release heading in a form relhook reads but never writes (a parenthesised
    /// date, another level, `<small>`): the file is another tool's history, which `--rebuild`
    /// replaces only when asked.
    pub other_form: Option<usize>,
    /// The heading of a section after the last release that names no version (vue's
    /// `## Previous Changelogs`): it and what follows are no release's, and kept as they are.
    pub trailer: Option<usize>,
    /// Every version headed more than once, with its headings' lines (0-based), in file
    /// order: release-please once headed one three times. Only what needs that version is
    /// refused (its notes, its release), not the whole file.
    pub repeated: Vec<(String, Vec<usize>)>,
    /// The first setext heading (a paragraph line underlined with `===` or `---`), which
    /// relhook does not read as a heading.
    pub setext: Option<usize>,
}

/// `true` when `v` looks like a semantic version (optionally `v`-prefixed).
pub(crate) fn is_version(v: &str) -> bool {
    lex::is_version(v)
}

/// The comparison key of a version: without a leading `v`.
pub(crate) fn version_key(v: &str) -> &str {
    v.strip_prefix('v').unwrap_or(v)
}

/// Parses `[label]: url` at column 0.
pub(crate) fn link_def(text: &str) -> Option<(String, String)> {
    let (label, url) = lex::link_def(text)?;
    Some((label.to_string(), url.to_string()))
}

/// A line's role, decided from the line alone plus comment/fence state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    H1,
    H2,
    H3,
    /// A heading at level 4 to 6.
    Deep,
    Bullet,
    Indented,
    LinkDef,
    Other,
}

pub(super) fn heading_level(t: &str) -> Option<usize> {
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    match t[hashes..].chars().next() {
        None | Some(' ') | Some('\t') => Some(hashes),
        _ => None,
    }
}

/// Bullet marker width if `t` starts a `- ` / `* ` list item at column 0.
pub(crate) fn bullet_body(t: &str) -> Option<&str> {
    for m in ["- ", "* ", "-\t", "*\t"] {
        if let Some(rest) = t.strip_prefix(m) {
            return Some(rest);
        }
    }
    if t == "-" || t == "*" { Some("") } else { None }
}

fn classify(t: &str) -> Kind {
    if t.trim().is_empty() {
        return Kind::Blank;
    }
    if t.starts_with([' ', '\t']) {
        return Kind::Indented;
    }
    match heading_level(t) {
        Some(1) => return Kind::H1,
        Some(2) => return Kind::H2,
        Some(3) => return Kind::H3,
        Some(_) => return Kind::Deep,
        _ => {}
    }
    // `- - -` is a rule (cocogitto's between releases), no list item: Markdown reads it so.
    if bullet_body(t).is_some() && !super::separator::is_rule(t) {
        return Kind::Bullet;
    }
    if t.starts_with('[') && link_def(t).is_some() {
        return Kind::LinkDef;
    }
    Kind::Other
}

/// Whether line `i`, outside code, is a paragraph's first line (the file's first line, or
/// after a blank line or a `#` heading): what a setext underline below it makes a heading.
/// Under a list item it would continue the item, and `---` would be a thematic break.
fn opens_paragraph(lines: &[Line], i: usize) -> bool {
    let above = i.checked_sub(1).and_then(|p| lines.get(p));
    lines
        .get(i)
        .is_some_and(|l| classify(&l.text) == Kind::Other)
        && above.is_none_or(|l| {
            let k = classify(&l.text);
            matches!(k, Kind::Blank | Kind::H1 | Kind::H2 | Kind::H3 | Kind::Deep)
        })
}

/// The first line of the anchors (and the blank lines among them) right above heading `i`.
fn lead(lines: &[Line], i: usize) -> usize {
    let mut lead = i;
    let mut at = i;
    while let Some(prev) = at.checked_sub(1).and_then(|p| lines.get(p)) {
        let t = prev.text.trim();
        if !t.is_empty() && !heading::anchor(t) {
            break;
        }
        at -= 1;
        if !t.is_empty() {
            lead = at;
        }
    }
    lead
}

/// The last line after `i` that starts a section (a release or Unreleased heading), read
/// with `verbatim`, the fences and comments open at `i`.
fn last_section(lines: &[Line], i: usize, verbatim: &Verbatim) -> Option<usize> {
    let mut v = verbatim.clone();
    let starts = |k: usize, t: &str| match classify(t) {
        Kind::H2 => parse_heading(k, t).is_ok(),
        Kind::H1 | Kind::H3 | Kind::Deep => release_at_level(t),
        _ => false,
    };
    let after = lines.iter().enumerate().skip(i + 1);
    after
        .filter(|(k, l)| !v.eat(*k, &l.text) && starts(*k, &l.text))
        .map(|(k, _)| k)
        .last()
}

/// Whether `t`, a heading at level 1, 3 or 4, is a release heading (see
/// [`other_release_heading`]): conventional-changelog heads majors, minors and patches at
/// levels 1 to 3, and electron/forge some at level 4; `### Version 1.2.3` is one as
/// `## Version 1.2.3` is. Deeper headings are a release's parts.
fn release_at_level(t: &str) -> bool {
    heading_level(t).is_some_and(|l| l <= 4)
        && (other_release_heading(t).is_some() || heading::named_release_at_level(t).is_some())
}

/// Mutable state of the single pass in [`analyze`].
#[derive(Default)]
struct Builder {
    out: Structure,
    section: Option<Section>,
    sub: Option<Sub>,
    entry: Option<EntrySpan>,
    /// First line of a run of link definitions inside the current section
    /// that no heading or bullet has followed (yet): the section ends there.
    link_run: Option<usize>,
}

impl Builder {
    fn close_entry(&mut self) {
        if let (Some(e), Some(sub)) = (self.entry.take(), self.sub.as_mut()) {
            sub.entries.push(e);
        }
    }

    fn close_sub(&mut self, end: usize) {
        self.close_entry();
        if let (Some(mut sub), Some(sec)) = (self.sub.take(), self.section.as_mut()) {
            sub.end = end;
            sec.subs.push(sub);
        }
    }

    /// Whether a release section has begun.
    fn released(&self) -> bool {
        let mut sections = self.out.sections.iter().chain(&self.section);
        sections.any(|s| matches!(s.kind, SectionKind::Release { .. }))
    }

    /// The heading level of the section open, when it is a release (vue's `# [3.5.0](…)` is
    /// at level 1).
    fn release_level(&self, lines: &[Line]) -> Option<usize> {
        let s = self.section.as_ref()?;
        matches!(s.kind, SectionKind::Release { .. })
            .then(|| lines.get(s.heading).and_then(|l| heading_level(&l.text)))?
    }

    /// Opens a sub-section headed by line `i`.
    fn open_sub(&mut self, i: usize, t: &str) {
        self.link_run = None;
        self.close_sub(i);
        let name = t.trim_start_matches('#').trim().trim_end_matches('#');
        self.sub = Some(Sub {
            name: name.trim().to_string(),
            heading: Some(i),
            end: i + 1,
            entries: vec![],
        });
    }

    fn close_section(&mut self, at: usize) {
        let end = self.link_run.take().unwrap_or(at);
        self.close_sub(end);
        if let Some(mut sec) = self.section.take() {
            sec.end = end;
            self.out.sections.push(sec);
        }
    }
}

/// Derives the structure of `lines`, refusing text that is not a Keep a
/// Changelog. Linear in the number of lines. A version headed more than once is no refusal
/// here (see [`Structure::repeated`]).
pub(crate) fn analyze(lines: &[Line]) -> Result<Structure, ParseError> {
    LINES_ANALYZED.with(|n| n.set(n.get() + lines.len()));
    scan(lines)
}

thread_local! {
    static LINES_ANALYZED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many lines [`analyze`] has read on this thread, a parse's and each re-analysis after an
/// edit alike: the work a test bounds (`RELHOOK_TEST_LINES_ANALYZED`), so that an edit of a long
/// file's top does not read the whole file again.
pub fn lines_analyzed() -> usize {
    LINES_ANALYZED.with(std::cell::Cell::get)
}

/// [`analyze`]'s pass.
fn scan(lines: &[Line]) -> Result<Structure, ParseError> {
    let mut b = Builder::default();
    let mut verbatim = Verbatim::default();
    let mut unreleased_at: Option<usize> = None;
    let mut orphans = false;
    // The refusals of the trailing part's headings, should a release follow them after all.
    let mut trailing: Vec<ParseError> = vec![];
    // Every heading refused: all are named at once.
    let mut bad: Vec<ParseError> = vec![];
    // The last line that starts a section, once asked.
    let mut last: Option<Option<usize>> = None;
    let mut versions: HashMap<String, usize> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.text.as_str();
        let hidden = verbatim.eat(i, t);
        // casey/just's `[1.58.0](…) - 2026-08-03` and Express's `1.0.0 / 2020-01-01`
        // underlined: a setext heading, named with its edit when it heads a release.
        let mark = lines.get(i + 1).and_then(|u| setext::underline(&u.text));
        if let Some(mark) = mark.filter(|_| !hidden && opens_paragraph(lines, i)) {
            b.out.setext.get_or_insert(i);
            bad.extend(setext::refusal(i, t, mark));
        }
        let kind = if hidden {
            if t.starts_with([' ', '\t']) {
                Kind::Indented
            } else {
                Kind::Other
            }
        } else {
            match classify(t) {
                // Not the title: `# Changelog` is no version.
                Kind::H1 | Kind::H3 | Kind::Deep if release_at_level(t) => Kind::H2,
                // electron/forge's `##### New Features` under `#### [2.0.0](…)`.
                Kind::Deep if deep::part_of_deep_release(b.section.as_ref(), lines, t) => Kind::H3,
                // cocogitto's `#### Features` under `## [7.0.0](…) - date`.
                Kind::Deep
                    if deep::level_4_part(b.section.as_ref(), b.sub.as_ref(), lines, (i, t)) =>
                {
                    Kind::H3
                }
                k => k,
            }
        };
        match kind {
            Kind::Blank | Kind::Other | Kind::H1 | Kind::Deep => {
                b.close_entry();
                if kind == Kind::H1
                    && b.out.title.is_none()
                    && b.out.sections.is_empty()
                    && b.section.is_none()
                {
                    b.out.title = Some(i);
                }
            }
            Kind::Indented => {
                if let Some(e) = b.entry.as_mut() {
                    e.end = i + 1;
                }
            }
            Kind::LinkDef => {
                b.close_entry();
                if let Some((label, url)) = link_def(t) {
                    b.out.links.push(LinkRef {
                        line: i,
                        label,
                        url,
                    });
                }
                if b.section.is_some() && b.link_run.is_none() {
                    b.link_run = Some(i);
                }
            }
            Kind::H3 if b.section.is_some() => b.open_sub(i, t),
            Kind::Bullet if b.section.is_some() => {
                b.link_run = None;
                b.close_entry();
                if b.sub.is_none() {
                    b.sub = Some(Sub {
                        name: String::new(),
                        heading: None,
                        end: i,
                        entries: vec![],
                    });
                }
                b.entry = Some(EntrySpan {
                    start: i,
                    end: i + 1,
                });
            }
            // `### Added` above every section: its entries belong to none (the Unreleased
            // heading above it deleted by hand), and a sync or release would pass them by.
            // (A release heading written another way above it is the one to fix.)
            Kind::H3
                if b.out.sections.is_empty()
                    && bad.is_empty()
                    && super::vocab::subsection_heading(t) =>
            {
                b.close_entry();
                // One heading above them all fixes every sub-section below the first.
                if !std::mem::replace(&mut orphans, true) {
                    bad.push(heading::above_every_section(i, t));
                }
            }
            Kind::Bullet | Kind::H3 => b.close_entry(),
            Kind::H2 => {
                let parsed = parse_heading(i, t);
                // vue's `## Bug Fixes` under `# [3.5.0](…)`, with releases below it: a part of
                // that release, as Markdown nests it. After the last release, a heading that
                // names no group of changes is the trailing part (vue's `## Previous
                // Changelogs`); `## Features` is still that release's. git-cliff's `## New
                // Contributors ❤️` inside its `## [2.13.0](…)`, with releases below: a part
                // a tool or a hand wrote into a released section, kept as it is.
                let level = b.release_level(lines).filter(|&l| l <= 2);
                let mut later =
                    || *last.get_or_insert_with(|| last_section(lines, i, &verbatim)) > Some(i);
                if parsed.is_err()
                    && b.out.trailer.is_none()
                    && heading::names_no_version(t)
                    && match level {
                        Some(1) => heading::names_change_group(t) || later(),
                        Some(_) => heading::names_no_version_at_all(t) && later(),
                        None => false,
                    }
                {
                    b.open_sub(i, t);
                    continue;
                }
                let sk = match (parsed, b.out.trailer.is_some()) {
                    // A release after headings that name none: they were not trailing.
                    (Ok(sk), true) => {
                        bad.append(&mut trailing);
                        b.out.trailer = None;
                        sk
                    }
                    (Ok(sk), false) => sk,
                    // More of the trailing part (`## Contributors` after `## Older releases`).
                    (Err(e), true) if heading::names_no_version(t) => {
                        trailing.push(e);
                        continue;
                    }
                    // A release heading written another way: nor was that part trailing.
                    (Err(e), true) => {
                        bad.append(&mut trailing);
                        bad.push(e);
                        b.out.trailer = None;
                        continue;
                    }
                    (Err(e), false) if heading::names_no_version(t) && b.released() => {
                        b.close_section(i);
                        b.out.trailer = Some(i);
                        trailing.push(e);
                        continue;
                    }
                    (Err(e), false) => {
                        bad.push(e);
                        continue;
                    }
                };
                if b.out.other_form.is_none() && other_form(t) {
                    b.out.other_form = Some(i);
                }
                match &sk {
                    SectionKind::Unreleased => {
                        if let Some(first) = unreleased_at {
                            bad.push(heading::second_unreleased(first, i));
                            continue;
                        }
                        unreleased_at = Some(i);
                    }
                    SectionKind::Release { version } => {
                        let key = version_key(version);
                        // Every heading of each version headed more than once is noted.
                        let mut twice = b.out.repeated.iter_mut();
                        match (
                            versions.get(key),
                            twice.find(|(v, _)| version_key(v) == key),
                        ) {
                            (Some(_), Some((_, at))) => at.push(i),
                            (Some(&first), None) => {
                                b.out.repeated.push((version.clone(), vec![first, i]))
                            }
                            (None, _) => {
                                versions.insert(key.to_string(), i);
                            }
                        }
                    }
                }
                let lead = lead(lines, i);
                b.close_section(lead);
                b.section = Some(Section {
                    kind: sk,
                    lead,
                    heading: i,
                    end: i + 1,
                    subs: vec![],
                });
            }
        }
    }
    // Everything after an unclosed fence or comment is code or comment to a Markdown
    // renderer: an entry added there would be invisible, and added again by every sync.
    if verbatim.comment || verbatim.fence.is_some() {
        bad.push(heading::unclosed(verbatim.opened, verbatim.fence));
    }
    if !bad.is_empty() {
        return Err(heading::several(bad));
    }
    b.close_section(lines.len());
    Ok(b.out)
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;

    fn err_line(text: &str) -> usize {
        Changelog::parse(text).map(|_| 0).unwrap_or_else(|e| e.line)
    }

    /// QA37: the Unreleased heading deleted by hand left its sub-sections above every
    /// section; sync said the file was up to date and the release left their entries out.
    #[test]
    fn a_sub_section_above_every_section_is_refused() {
        let text = "# Changelog\n\nIntro.\n\n### Added\n\n- a\n\n## [1.0.0] - 2024-01-01\n\n- b\n";
        let e = Changelog::parse(text).unwrap_err();
        assert_eq!(e.line, 5);
        assert!(
            e.message
                .contains("was the `## [Unreleased]` heading above it deleted?"),
            "{}",
            e.message
        );
        assert!(
            Changelog::parse("# Changelog\n\n### Notes on this file\n\n- read it\n\n## [1.0.0]\n")
                .is_ok()
        );
        assert!(Changelog::parse("# Changelog\n\n### 🐛 Bug Fixes\n").is_err());
        let two = text.replace("- a\n", "- a\n\n### Fixed\n\n- c\n");
        let e = Changelog::parse(&two).unwrap_err();
        assert!(
            !e.message.contains("also"),
            "one fix for both: {}",
            e.message
        );
    }

    #[test]
    fn accepts_heading_variants() {
        let text = "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-01-02 [YANKED]\n\n## 1.1.0 - 2025-01-01\n\n## [1.0.0]\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.versions(), vec!["1.2.0", "1.1.0", "1.0.0"]);
        assert!(c.has_unreleased());
        assert!(Changelog::parse("## unreleased\n").is_ok());
        assert!(Changelog::parse("## [Unreleased]\r").is_ok());
    }

    #[test]
    fn linked_headings_are_release_headings_kept_as_written() {
        let text = "# Changelog\n\n## [Unreleased]\n\n## [2.13.0](https://github.com/o/r/compare/v2.12.0...v2.13.0) - 2024-03-01\n\n### Added\n\n- a\n\n## [2.12.0](https://github.com/o/r/releases/tag/v2.12.0)\n\n- b\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.versions(), vec!["2.13.0", "2.12.0"]);
        assert_eq!(c.entries_of("2.13.0").unwrap()[0].text, "a");
        assert_eq!(c.render(), text);
    }

    /// The headings conventional-changelog (standard-version, release-please, vue) and
    /// commitizen write: a project adopting relhook keeps its history as it is.
    #[test]
    fn parenthesised_dates_are_release_headings_kept_as_written() {
        let text = "## [Unreleased]\n\n## [2.13.0](https://github.com/o/r/compare/v2.12.0...v2.13.0) (2024-03-01)\n\n### Bug Fixes\n\n- a\n\n## v2.12.0 (2024-02-01)\n\n- b\n\n## 2.11.0 (2024-01-01)\n\n- c\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.versions(), vec!["2.13.0", "v2.12.0", "2.11.0"]);
        assert_eq!(c.entries_of("2.13.0").unwrap()[0].text, "a");
        assert_eq!(c.render(), text);
        // A parenthesis that is not a date is still refused.
        assert_eq!(err_line("## [Unreleased]\n\n## 1.0.0 (soon)\n"), 3);
    }

    /// standard-version's patch headings (level 3, beside `### Bug Fixes`), vue's minor ones
    /// (level 1) and `<small>` patch ones: each is a release section, so nothing released is
    /// read as Unreleased's.
    #[test]
    fn release_headings_at_other_levels_are_release_sections() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### [9.3.2](https://x/compare/v9.3.1...v9.3.2) (2021-10-17)\n\n### Bug Fixes\n\n* a\n\n# [3.5.0](https://x) (2024-09-03)\n\n### Features\n\n* b\n\n## <small>3.4.38 (2024-08-14)</small>\n\n* c\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.versions(), vec!["9.3.2", "3.5.0", "3.4.38"]);
        assert!(c.unreleased_entries().is_empty());
        assert_eq!(c.entries_of("9.3.2").unwrap()[0].text, "a");
        assert_eq!(c.entries_of("3.5.0").unwrap()[0].text, "b");
        assert_eq!(c.render(), text);
        // The title and sub-headings are not versions.
        let c = Changelog::parse(
            "# Changelog 2\n\n## [1.0.0] - 2020-01-01\n\n### Fixed 1.2.3\n\n- x\n",
        )
        .expect("valid");
        assert_eq!(c.versions(), vec!["1.0.0"]);
        // `### Version 1.2.3` heads a release as `## Version 1.2.3` does (and as `relhook
        // notes` reads it); `### Fixed 1.2.3` stays a part.
        let text = "## [Unreleased]\n\n### Version 1.2.3 (2024-05-01)\n\n- old\n\n#### Release 1.2.2\n\n### Fixed 1.2.3\n\n- x\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.versions(), vec!["1.2.3", "1.2.2"]);
        assert!(c.unreleased_entries().is_empty());
        assert_eq!(c.render(), text);
    }

    /// vuejs/core names its minor releases: `# [3.3.0 Rurouni Kenshin](…)` heads 3.3.0 (the
    /// file was refused, blamed on the `## Features` below it).
    #[test]
    fn a_release_heading_with_a_codename_heads_its_version() {
        let text = "# Changelog\n\n## [Unreleased]\n\n## [3.3.1](https://x) (2023-05-12)\n\n### Bug Fixes\n\n* a\n\n# [3.3.0 Rurouni Kenshin](https://x/compare/v3.3.0-beta.5...v3.3.0) (2023-05-11)\n\n## Features\n\n* b\n\n## [3.2.9 Final](https://x) (2023-01-01)\n\n* c\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.versions(), vec!["3.3.1", "3.3.0", "3.2.9"]);
        assert_eq!(c.entries_of("3.3.0").unwrap()[0].text, "b");
        assert_eq!(c.render(), text);
        assert_eq!(
            super::heading::codenamed("3.3.0 Rurouni Kenshin"),
            Some("3.3.0".into())
        );
        assert_eq!(super::heading::codenamed("3.3.0 (soon)"), None);
        assert_eq!(super::heading::codenamed("Features 3.3.0"), None);
    }

    /// `## Features` under the last of the level-1 releases is that release's part, as under
    /// the others; a heading that names no group of changes there is the trailing part.
    #[test]
    fn a_change_group_under_the_last_level_1_release_is_its_part() {
        let text = "# Changelog\n\n## [Unreleased]\n\n# 1.0.0 (2024-01-01)\n\n## Features\n\n- a\n\n# 0.9.0 (2023-01-01)\n\n## 🐛 Bug Fixes\n\n- older\n\n## Previous Changelogs\n\n- [0.x](old.md)\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.render(), text);
        let of = |v: &str| -> Vec<(String, String)> {
            let e = c.entries_of(v).unwrap().into_iter();
            e.map(|e| (e.section, e.text)).collect()
        };
        assert_eq!(of("1.0.0"), [("Features".into(), "a".into())]);
        assert_eq!(of("0.9.0"), [("🐛 Bug Fixes".into(), "older".into())]);
        assert!(!c.contains_entry("[0.x](old.md)", false));
    }

    /// QA41: cocogitto's `#### Features` under `## [7.0.0](…) - date` (below a `### Global
    /// changes`) is a part of the release, and so is every level-4 heading after it there;
    /// a level-4 heading of no known name before them is one too where it heads a list in a
    /// release with no `### ` part (QA294: cocogitto's custom types' titles).
    #[test]
    fn cocogittos_level_4_parts() {
        let text = "## [7.0.0](https://x) - 2026-03-04\n### Global changes\n#### Features\n- a\n#### Documentation\n- b\n\n## [6.5.0](https://x) - 2025-11-02\n#### Upgrading\n- c\n#### Bug Fixes\n- d\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.render(), text);
        let of = |v: &str| -> Vec<(String, String)> {
            let e = c.entries_of(v).unwrap().into_iter();
            e.map(|e| (e.section, e.text)).collect()
        };
        assert_eq!(
            of("7.0.0"),
            [
                ("Features".into(), "a".into()),
                ("Documentation".into(), "b".into())
            ]
        );
        assert_eq!(
            of("6.5.0"),
            [
                ("Upgrading".into(), "c".into()),
                ("Bug Fixes".into(), "d".into())
            ]
        );
        assert_eq!(c.sub_level(), 4);
        assert_eq!(c.section_name("Added", false), "Features");
        // Over text, or below a `### ` part, an unknown level-4 heading stays text.
        let text = "## [1.0.0] - 2026-01-01\n#### Note\nread this\n- a\n\n## [0.9.0] - 2025-01-01\n### Added\n#### Upgrading\n- b\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.entries_of("1.0.0").unwrap()[0].section, "");
        assert_eq!(c.entries_of("0.9.0").unwrap()[0].section, "Added");
    }

    /// electron/forge's level-4 release headings are releases, their `#####` headings its
    /// parts; under a `## ` release a deeper heading stays text, and level 5 names no release.
    #[test]
    fn level_4_release_headings_and_their_parts() {
        let text = "# Changelog\n\n#### [2.0.0](https://x/v2.0.0) (2022-11-02)\n\n##### New Features\n\n- two\n\n### [1.0.0](https://x/v1.0.0) (2018-02-05)\n\n##### Bug Fixes\n\n- one\n\n##### [0.9.0](x) (2017-01-01)\n\n- zero\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.render(), text);
        assert_eq!(c.versions(), ["2.0.0", "1.0.0"]);
        let of = |v: &str| -> Vec<(String, String)> {
            let e = c.entries_of(v).unwrap().into_iter();
            e.map(|e| (e.section, e.text)).collect()
        };
        assert_eq!(of("2.0.0"), [("New Features".into(), "two".into())]);
        assert_eq!(
            of("1.0.0"),
            [
                ("Bug Fixes".into(), "one".into()),
                ("[0.9.0](x) (2017-01-01)".into(), "zero".into())
            ]
        );
        assert!(c.is_keep_a_changelog());
        let c = Changelog::parse("## [1.0.0] - 2020-01-01\n\n### Added\n\n#### Note\n\n- a\n")
            .expect("valid");
        assert_eq!(c.entries_of("1.0.0").unwrap()[0].section, "Added");
    }

    /// cargo-release's template: the one line to change is named.
    #[test]
    fn a_dated_unreleased_placeholder_names_the_heading_to_write() {
        let e = Changelog::parse("# Changelog\n\n## [Unreleased] - ReleaseDate\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(
            e.message.contains("change line 3 to `## [Unreleased]`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn html_comment_opener_inside_an_entry_is_text() {
        let text = "## [Unreleased]\n\n### Fixed\n\n- keep `<!--` in titles\n- second\n\n## [1.0.0] - 2020-01-01\n\n- old\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.unreleased_entries().len(), 2);
        assert_eq!(c.versions(), vec!["1.0.0"]);
    }

    #[test]
    fn accepts_empty_and_preamble_only() {
        assert!(Changelog::parse("").is_ok());
        assert!(Changelog::parse("# Changelog\n\nSome text.\n").is_ok());
        assert!(Changelog::parse("# Changelog\n\n## [1.0.0] - 2020-01-01\n").is_ok());
    }

    #[test]
    fn refuses_other_formats_with_line() {
        assert_eq!(err_line("# Changelog\n\n## v1.2 (2020)\n"), 3);
        assert_eq!(err_line("# Changelog\n\n## 1.2.3 (2020-01-01\n"), 3);
        assert_eq!(err_line("## [Unreleased]\n\n## About\n"), 3);
        assert_eq!(err_line("## [Unreleased]\n\n## [unreleased]\n"), 3);
        // A version headed twice is noted, not refused (see `repeated`).
        let twice = Changelog::parse("## [1.0.0] - 2020-01-01\n- a\n## 1.0.0 - 2020-01-02\n");
        assert_eq!(twice.unwrap().repeated(), [("1.0.0".into(), vec![1, 3])]);
        let e = Changelog::parse("\n\n## [Unreleased]\n## [UNRELEASED]\n").unwrap_err();
        assert!(e.message.contains("line 3"), "{e}");
        assert!(e.to_string().starts_with("line 4:"));
    }

    /// vuejs/core's `## Previous Changelogs`: a part after the last release that names no
    /// version is kept, and is no release's; one that a release follows is the part of the
    /// release above it (git-cliff's `## New Contributors`, QA44), kept as it is.
    #[test]
    fn a_part_after_the_last_release_is_kept_but_not_one_between_releases() {
        let text = "## [Unreleased]\n\n## [1.0.0] - 2020-01-01\n\n- a\n\n## Previous Changelogs\n\n- [0.x](old.md)\n\n## Contributors\n\n[old]: x\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.render(), text);
        assert_eq!(c.versions(), ["1.0.0"]);
        assert_eq!(c.entries_of("1.0.0").unwrap().len(), 1);
        assert_eq!(c.section_lines("1.0.0"), Some((2, 6)));
        assert!(!c.contains_entry("[0.x](old.md)", false));
        let after = format!("{text}\n### [0.9.0] (2019-01-01)\n");
        let c = Changelog::parse(&after).expect("valid");
        assert_eq!(c.render(), after);
        assert_eq!(c.versions(), ["1.0.0", "0.9.0"]);
        assert_eq!(c.section_lines("1.0.0"), Some((2, 14)));
        // Before any release, and version-like headings, are refused as before.
        assert_eq!(err_line("## [Unreleased]\n\n## Previous\n"), 3);
        let e = Changelog::parse("## [1.0.0]\n\n## v1.2 (2020)\n").unwrap_err();
        assert_eq!(
            e.fix.as_deref(),
            Some("write line 3 as `## [X.Y.Z] - YYYY-MM-DD` (a SemVer version, an ISO date)")
        );
    }

    /// vuejs/core's `## Bug Fixes` under `# [3.5.0]`: that release's, while a release follows;
    /// after the last release, the trailing part. Under a `## ` release, `## Aggregated` is
    /// that release's too (git-cliff's `## New Contributors`, QA44).
    #[test]
    fn a_level_2_part_of_a_level_1_release_is_the_releases() {
        let text = "# [3.5.0](x) (2024-09-03)\n\n## Aggregated\n\n### Misc\n\n- a\n\n## Bug Fixes\n\n* b\n\n# [3.5.0-rc.1](x) (2024-08-29)\n\n### Bug Fixes\n\n* c\n\n## Previous Changelogs\n\n- [3.4](x)\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.render(), text);
        let subs: Vec<(String, String)> = c
            .entries_of("3.5.0")
            .unwrap()
            .into_iter()
            .map(|e| (e.section, e.text))
            .collect();
        assert_eq!(
            subs,
            [
                ("Misc".into(), "a".into()),
                ("Bug Fixes".into(), "b".into())
            ]
        );
        assert_eq!(c.section_lines("3.5.0-rc.1"), Some((12, 18)));
        assert!(!c.contains_entry("[3.4](x)", false));
        let level_2 = text.replace("# [3.5.0]", "## [3.5.0]");
        let c = Changelog::parse(&level_2).expect("valid");
        assert_eq!(c.render(), level_2);
        assert_eq!(c.section_lines("3.5.0"), Some((0, 12)));
        // Under Unreleased it is still refused: entries would go above it.
        let unreleased = level_2.replace("## [3.5.0](x) (2024-09-03)", "## [Unreleased]");
        assert_eq!(err_line(&unreleased), 3);
    }

    /// QA44: git-cliff's `## New Contributors ❤️` inside its releases refused the whole file;
    /// it is the part of the release above it, kept byte for byte.
    #[test]
    fn a_part_a_tool_wrote_into_a_release_is_that_releases() {
        let text = "## [2.13.0](x) - 2026-04-26\n\n### 🐛 Bug Fixes\n\n- a\n\n## New Contributors ❤️\n\n* @b made their first contribution\n\n**Full Changelog**: x\n\n## [2.12.0](x) - 2026-01-20\n\n- c\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.render(), text);
        assert_eq!(c.versions(), ["2.13.0", "2.12.0"]);
        assert_eq!(c.section_lines("2.13.0"), Some((0, 12)));
        assert_eq!(c.entries_of("2.12.0").unwrap()[0].text, "c");
        // One that names a version is a release heading written another way: refused.
        assert_eq!(
            err_line(&text.replace("New Contributors", "Release of 2.12.1")),
            7
        );
    }

    /// A version headed more than once is no refusal: every heading of each is noted.
    #[test]
    fn versions_headed_more_than_once_are_noted_with_every_heading() {
        let text = "## [1.0.0]\n- a\n## [1.0.0]\n## [0.9.0]\n## v1.0.0\n## [0.9.0]\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.render(), text);
        assert_eq!(
            c.doc.repeated,
            [
                ("1.0.0".into(), vec![0, 2, 4]),
                ("0.9.0".into(), vec![3, 5])
            ]
        );
        assert_eq!(err_line(&format!("{text}```\n")), 7);
    }

    #[test]
    fn headings_in_comments_and_fences_are_text() {
        let text =
            "# Changelog\n<!--\n## not a heading\n-->\n```\n## nor this\n```\n## [Unreleased]\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.render(), text);
    }

    #[test]
    fn entries_with_continuations_and_sections() {
        let text = "## [Unreleased]\n\n### Added\n\n- **scope:** description (#12)\n- another entry\n  continued on an indented line\n* star\n\n### Fixed\n\n- fix entry\n\n[unreleased]: https://x/compare/v1...HEAD\n";
        let c = Changelog::parse(text).expect("valid");
        let e = c.unreleased_entries();
        assert_eq!(e.len(), 4);
        assert_eq!(e[1].text, "another entry\ncontinued on an indented line");
        assert_eq!(e[1].line, 6);
        assert_eq!(e[2].text, "star");
        assert_eq!(
            (e[3].section.as_str(), e[3].text.as_str()),
            ("Fixed", "fix entry")
        );
        assert_eq!(c.doc.links.len(), 1);
        assert_eq!(c.doc.sections[0].end, 13);
    }

    #[test]
    fn link_in_middle_of_section_does_not_end_it() {
        let text = "## [Unreleased]\n### Added\n- a\n[x]: http://x\n- b\n";
        let c = Changelog::parse(text).expect("valid");
        assert_eq!(c.unreleased_entries().len(), 2);
    }
}
