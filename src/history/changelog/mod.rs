//! The `changelog` module: a lossless model of a Keep a Changelog 1.1.0 file.
//!
//! This file owns the public types (`Changelog`, `Entry`, the errors), the
//! read-only queries, and the three-way merge of the Unreleased section used
//! by the git merge driver. Parsing lives in `parse.rs`, edits in `edit.rs`.
//!
//! The model is a list of physical lines plus a structure of line-index
//! ranges derived from them; rendering concatenates the lines, so any region
//! an edit does not touch is reproduced byte for byte.

/// Keep a Changelog's sub-sections, in its order; other names sort after these.
pub const SUBSECTIONS: [&str; 6] = [
    "Added",
    "Changed",
    "Deprecated",
    "Removed",
    "Fixed",
    "Security",
];

mod ahead;
mod carry;
pub mod changesets;
mod cliff_groups;
pub mod cliff_parsed;
mod combine;
mod conflict;
mod contains;
mod counts;
pub mod cr_only;
mod cut;
mod deep;
pub mod diff;
mod edit;
pub mod entry;
mod escape;
mod fold;
mod head;
mod heading;
mod house_style;
mod lazy;
mod lex;
mod lines;
mod link_style;
mod merge;
mod not_file;
mod ordered;
mod orphaned;
pub mod other_name;
mod pairing;
mod parse;
mod prose;
mod prune;
mod quoted;
mod released;
mod reparsed;
mod repeated;
pub mod replaced;
pub mod reworded_out;
mod same_entry;
mod scope_style;
pub mod segments;
mod separator;
mod setext;
mod spacing;
mod styled;
mod tool_marks;
mod uncarried;
pub mod undated;
mod unkept;
mod unlinked;
mod verbatim;
pub mod vocab;
pub mod weight;

pub use combine::Merged;
pub use conflict::{Markers, conflict_markers};
pub use fold::carries;
pub use head::with_eol_of;
pub(crate) use heading::pep440_pre;
pub use link_style::{EntryStyle, commit_link_reads, without_commit_link};
pub use merge::MarkedSides;
pub use not_file::{
    NotAFile, case_twin_fix, case_twin_on_disk, case_twin_untracked_fix, case_twin_what,
    committed_link_fix, not_a_file, not_a_file_fix, not_a_file_what, too_large, too_large_what_fix,
    unreadable, unreadable_what_fix,
};
pub use ordered::cliff_rank;
pub use quoted::{heading_pattern, quoted_heading};
pub use repeated::repeated_version;
pub use scope_style::{ScopeStyle, scoped};
pub use spacing::HeadingSpacing;
pub(crate) use styled::Since;
pub use tool_marks::cliff_marked;

use std::collections::HashSet;
use std::fmt;

use parse::{Line, SectionKind, Structure};

/// What a release none of whose commits has an entry says in a file that has no words of its
/// own for one (`changelog --rebuild`; the release and hand tag refused for empty notes offer
/// it): a release never has empty notes.
pub const NO_NOTABLE_CHANGES: &str = "No notable changes.";

/// The header and preamble of a new changelog (what `init` and the first entry write).
pub const TEMPLATE: &str = include_str!("../../../templates/CHANGELOG.md");

/// What a changelog that is not a Keep a Changelog file costs, said after why it is not one:
/// by `relhook install` and by every commit's post-commit, in the same words.
pub const UNKEPT_COSTS: &str = "post-commit adds no entries to it, and releases and hand tags are refused until it is one (`relhook doctor` says how)";

/// Why a text was refused as a Keep a Changelog file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// 1-based number of the line that broke the format.
    pub line: usize,
    /// What is wrong and what was expected instead.
    pub message: String,
    /// The edit that makes the file one relhook reads, where one is evident (also said in
    /// `message`).
    pub fix: Option<String>,
}

/// Why an edit or merge could not be carried out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The version given to `release` is not `X.Y.Z` (semver).
    #[error("`{0}` is not a version: expected X.Y.Z, e.g. 1.4.0")]
    InvalidVersion(String),
    /// The date given to `release` is not `YYYY-MM-DD`.
    #[error("`{0}` is not a date: expected YYYY-MM-DD, e.g. 2026-01-02")]
    InvalidDate(String),
    /// The changelog already has a section for that version.
    #[error(
        "the changelog already has a section for {version} (line {line}); pick another version"
    )]
    VersionExists {
        /// The version that was asked for.
        version: String,
        /// 1-based line of the existing section heading.
        line: usize,
    },
    /// Both sides of a merge changed the same part outside Unreleased.
    #[error("merge conflict: {0}; resolve the changelog by hand")]
    Conflict(String),
    /// Both sides changed Unreleased in ways relhook does not combine, and one of them made a
    /// release: git's line merge could put entries into the released section without a word,
    /// so the file comes with conflict markers around the two Unreleased sections instead.
    #[error("merge conflict: {why}; the two Unreleased sections are marked for you to combine")]
    Marked {
        /// Why the two sides could not be combined.
        why: String,
        /// The file's parts the markers go around, written with [`MarkedSides::text`].
        sides: Box<MarkedSides>,
    },
    /// Both sides changed Unreleased in ways relhook does not combine (prose, typically) and
    /// added entries: the entries are combined, and the rest is left to git's line merge of
    /// `texts` (base, ours, theirs), each carrying both sides' new entries alike, so that only
    /// the prose can conflict.
    #[error("merge conflict: {why}; the entries are combined, the rest is merged line by line")]
    LineMerge {
        /// Why the two sides could not be combined whole.
        why: String,
        /// Base, ours and theirs, each with the union of the new entries.
        texts: [String; 3],
    },
}

/// One bullet entry of a release section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The `### ` sub-section name (empty for bullets directly under `## `).
    pub section: String,
    /// The bullet text without the marker; continuation lines are joined
    /// with `\n` and lose the two-space list indentation.
    pub text: String,
    /// 1-based line of the bullet.
    pub line: usize,
}

/// A parsed changelog that renders back to exactly its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changelog {
    lines: Vec<Line>,
    eol: &'static str,
    doc: Structure,
    /// The sub-section headings of the part of the file left unparsed ([`Changelog::parse_head`]),
    /// each once: a new sub-section takes the file's own spelling from them too.
    elsewhere: Vec<String>,
    /// The file starts with a UTF-8 byte order mark: read past, written back.
    bom: bool,
    /// The configured `[changelog] order` of sub-sections ([`Changelog::set_order`]): a new
    /// one is placed by it, names it does not list after, in the vocabulary's order.
    order: Vec<String>,
    /// New entries go where git-cliff's template that sorts a group by scope lists them
    /// ([`Changelog::set_sorted_by_scope`]).
    by_scope: bool,
    /// git-cliff's capital as history says the newest deciding entry has it
    /// ([`Changelog::set_cliff_case`]); `None`: as the file's first deciding entry has it.
    cliff_case: Option<bool>,
    /// The project's `cliff.toml` template marks a breaking change as git-cliff does
    /// ([`Changelog::set_cliff_breaking`]).
    cliff_breaking: bool,
    /// The group names of the project's git-cliff `commit_parsers`, as its template heads
    /// them ([`Changelog::set_cliff_groups`]): a new sub-section takes its name from them.
    cliff_groups: Vec<String>,
    /// The Unreleased heading as the project's git-cliff template writes it (`## [unreleased]`),
    /// for one relhook adds ([`Changelog::set_cliff_unreleased`]); `None`: `## [Unreleased]`.
    cliff_unreleased: Option<String>,
}

pub use counts::{lines_analyzed, lines_parsed, normalized, parses};
pub use prune::keeps_no_unreleased;

/// An entry's text for a one-line message: its first line, with ` …` when more follows (a
/// breaking change's quoted text).
pub fn one_line(text: &str) -> String {
    match text.split_once('\n') {
        Some((first, _)) => format!("{} …", first.trim_end()),
        None => text.to_owned(),
    }
}

/// The version a release heading names (`v` prefix ignored), to compare: SemVer, or the
/// SemVer pre-release a PEP 440 one stands for (commitizen's `1.0.0b2` is `1.0.0-b.2`).
pub fn release_version(label: &str) -> Option<semver::Version> {
    semver::Version::parse(parse::version_key(label))
        .ok()
        .or_else(|| heading::pep440_pre(label))
}

/// Collapses whitespace so entries compare by meaning, not layout (an escaped `<` as the `<`
/// it escapes, a scope in any tool's style as relhook's, a first letter in either case, a
/// tool's trailing commit hash or author left out, a full stop after the words too); an issue
/// reference linked to its forge page (`[#12](…/issues/12)`) reads as the bare `#12` it was made from, since
/// whether an entry is linked depends on the remote the clone had when it was written.
pub fn normalize(text: &str) -> String {
    counts::normalizing();
    let mut joined = house_style::words_joined(text);
    // A leading block opener escaped (`\```yaml`, `\# of`, `1\. step`), as entries are
    // written now, or not.
    if joined.starts_with('\\') || joined.contains("\\.") || joined.contains("\\)") {
        joined = escape::unescape_block_start(&joined).into_owned();
    }
    // An HTML tag escaped (`\<details>`), as entries are written now, or not, as they were.
    if joined.contains("\\<") {
        joined = joined.replace("\\<", "<");
    }
    if joined.contains("[#") {
        joined = entry::unlink_references(&joined);
    }
    // A scope as another tool writes it (`**api**: x`), as relhook does (`**api:** x`), and
    // without the capital and the hash or author marks such tools add.
    tool_marks::plain(scope_style::canonical(joined))
}

/// Whether `entry`, in the file, is `own` (a commit's entry) with git-cliff's `upper_first`
/// and lone ` by @user` (`- Add x by @ann`): asked of one commit's entry, not made part of
/// [`normalize`], so that `allow merges` and `allow merges by @owners` stay two entries.
pub use tool_marks::cliff_authored;

/// Whether `hand`, an entry written by hand, rewords `own`, a commit's entry (both
/// normalised): it starts with its words and goes on (`fix b when the disk is full (#7)` for
/// `fix b`), as a person polishing a generated entry writes it.
pub fn rewords(hand: &str, own: &str) -> bool {
    hand.strip_prefix(own)
        .is_some_and(|rest| rest.starts_with([' ', ',', ';', ':', '(', '.', '—', '-']))
}

impl Changelog {
    /// Parses `text`, refusing anything that is not Keep a Changelog.
    pub fn parse(text: &str) -> Result<Changelog, ParseError> {
        // A byte order mark (Windows editors write one) is no part of the first line: read
        // with it, a `## [Unreleased]` there would be no heading. A CR alone is refused.
        let (bom, text) = cr_only::body(text)?;
        let lines = parse::split_lines(text);
        counts::parsing(lines.len());
        let doc = parse::analyze(&lines)?;
        let eol = parse::dominant_eol(&lines);
        Ok(Changelog {
            lines,
            eol,
            doc,
            elsewhere: Vec::new(),
            order: Vec::new(),
            by_scope: false,
            cliff_groups: Vec::new(),
            cliff_unreleased: None,
            cliff_case: None,
            cliff_breaking: false,
            bom,
        })
    }

    /// Stored bytes read as a changelog: `None` when they are not UTF-8 or not Keep a
    /// Changelog (for callers that fall back rather than report why).
    pub fn from_utf8(bytes: Vec<u8>) -> Option<Changelog> {
        String::from_utf8(bytes)
            .ok()
            .and_then(|t| Changelog::parse(&t).ok())
    }

    /// Renders the changelog; equal to the parsed input until edited.
    pub fn render(&self) -> String {
        let len: usize = self.lines.iter().map(|l| l.text.len() + l.eol.len()).sum();
        let mut out = String::with_capacity(len + 3);
        if self.bom {
            out.push('\u{feff}');
        }
        for l in &self.lines {
            out.push_str(&l.text);
            out.push_str(l.eol);
        }
        out
    }

    /// The line ending used for inserted lines (`"\n"` or `"\r\n"`).
    pub fn line_ending(&self) -> &'static str {
        self.eol
    }

    /// The first release heading (1-based line, text) in a form relhook reads but never
    /// writes: conventional-changelog's or commitizen's history, kept as it is.
    pub fn other_form_heading(&self) -> Option<(usize, &str)> {
        let i = self.doc.other_form?;
        Some((i + 1, self.lines.get(i)?.text.as_str()))
    }

    /// `true` when the file has a `## [Unreleased]` section.
    pub fn has_unreleased(&self) -> bool {
        self.unreleased_index().is_some()
    }

    /// The versions of the release sections, in file order.
    pub fn versions(&self) -> Vec<String> {
        self.doc
            .sections
            .iter()
            .filter_map(|s| match &s.kind {
                SectionKind::Release { version } => Some(version.clone()),
                SectionKind::Unreleased => None,
            })
            .collect()
    }

    /// Every entry's text, normalised, in Unreleased and every version: what the file already
    /// says, for telling which commits it accounts for.
    pub fn all_entry_texts(&self) -> HashSet<String> {
        // Section by section: a version headed twice has two.
        let all = (0..self.doc.sections.len()).flat_map(|i| self.section_entries(i));
        all.map(|e| normalize(&e.text)).collect()
    }

    /// The sub-section names `entries` fall under, in the configured `order` (`[changelog]
    /// order`), then Keep a Changelog's (unknown names last, in the order met).
    pub fn subsection_order<'a>(entries: &'a [entry::NewEntry], order: &[String]) -> Vec<&'a str> {
        let mut names: Vec<&str> = Vec::new();
        for e in entries {
            if !names.contains(&e.section.as_str()) {
                names.push(&e.section);
            }
        }
        names.sort_by_key(|n| vocab::ranked(n, vocab::Vocabulary::KeepAChangelog, order));
        names
    }

    /// The entries of the Unreleased section (empty when there is none).
    pub fn unreleased_entries(&self) -> Vec<Entry> {
        self.unreleased_index()
            .map(|i| self.section_entries(i))
            .unwrap_or_default()
    }

    /// The entries of the release section for `version` (`v` prefix
    /// ignored), or `None` when there is no such section.
    pub fn entries_of(&self, version: &str) -> Option<Vec<Entry>> {
        self.version_index(version).map(|i| self.section_entries(i))
    }

    /// The lines of the release section for `version` (`v` prefix ignored): its heading's
    /// index and the index of the next section's first line (its heading, or the anchor above
    /// it; for the last section, the trailing part's heading or the line count), as the
    /// release's notes take it whole.
    pub fn section_lines(&self, version: &str) -> Option<(usize, usize)> {
        let i = self.version_index(version)?;
        let heading = self.doc.sections.get(i)?.heading;
        let end = self
            .doc
            .sections
            .get(i + 1)
            .map_or(self.doc.trailer.unwrap_or(self.lines.len()), |s| s.lead);
        Some((heading, end))
    }

    fn unreleased_index(&self) -> Option<usize> {
        self.doc
            .sections
            .iter()
            .position(|s| s.kind == SectionKind::Unreleased)
    }

    fn version_index(&self, version: &str) -> Option<usize> {
        let key = parse::version_key(version);
        // One release in either spelling: `1.2.0rc2` heads the section of `1.2.0-rc.2`.
        let wanted = release_version(version);
        self.doc.sections.iter().position(|s| match &s.kind {
            SectionKind::Release { version } => {
                parse::version_key(version) == key
                    || wanted.is_some() && release_version(version) == wanted
            }
            SectionKind::Unreleased => false,
        })
    }

    fn section_entries(&self, idx: usize) -> Vec<Entry> {
        let Some(sec) = self.doc.sections.get(idx) else {
            return vec![];
        };
        let mut out = vec![];
        for sub in &sec.subs {
            ENTRIES_READ.with(|n| n.set(n.get() + sub.entries.len()));
            for e in &sub.entries {
                out.push(Entry {
                    section: sub.name.clone(),
                    text: self.entry_text(e.start, e.end),
                    line: e.start + 1,
                });
            }
        }
        out
    }

    /// The words of the entry spanning lines `start..end`: those of `entry_text`, which
    /// `normalize` would keep.
    fn entry_words(&self, start: usize, end: usize) -> impl Iterator<Item = &str> {
        let lines = self.lines.get(start..end).unwrap_or(&[]);
        lines.iter().enumerate().flat_map(|(k, l)| {
            let t = l.text.as_str();
            let t = if k == 0 {
                parse::bullet_body(t).unwrap_or(t)
            } else {
                t
            };
            t.split_whitespace()
        })
    }

    /// The text of an entry spanning lines `start..end`.
    fn entry_text(&self, start: usize, end: usize) -> String {
        let lines = self.lines.get(start..end).unwrap_or(&[]);
        let mut parts = Vec::with_capacity(lines.len());
        for (k, l) in lines.iter().enumerate() {
            let t = l.text.as_str();
            let t = if k == 0 {
                parse::bullet_body(t).unwrap_or(t).trim()
            } else {
                // Drop the list-item indentation only, keeping nesting.
                t.strip_prefix("  ")
                    .or_else(|| t.strip_prefix('\t'))
                    .unwrap_or(t)
                    .trim_end()
            };
            parts.push(t);
        }
        parts.join("\n")
    }

    /// Normalised texts of all entries in released sections.
    pub fn released_texts(&self) -> HashSet<String> {
        (0..self.doc.sections.len())
            .filter(|&i| {
                self.doc
                    .sections
                    .get(i)
                    .is_some_and(|s| s.kind != SectionKind::Unreleased)
            })
            .flat_map(|i| self.section_entries(i))
            .map(|e| normalize(&e.text))
            .collect()
    }

    /// Splits the rendered text into (before Unreleased, Unreleased, after). A file without
    /// Unreleased is split where [`Changelog::ensure_unreleased`] would put it (above the
    /// newest release, else above the link references), with nothing in between: its releases
    /// are compared with the other sides' releases, not taken for its title.
    fn split_around_unreleased(&self) -> (String, String, String) {
        let (a, b) = match self
            .unreleased_index()
            .and_then(|i| self.doc.sections.get(i))
        {
            Some(s) => (s.heading, s.end),
            None => {
                let at = self.doc.sections.first().map_or_else(
                    || self.doc.links.first().map_or(self.lines.len(), |l| l.line),
                    |s| s.lead,
                );
                (at, at)
            }
        };
        let join = |r: &[Line]| {
            r.iter()
                .map(|l| format!("{}{}", l.text, l.eol))
                .collect::<String>()
        };
        let ls = &self.lines;
        (
            join(ls.get(..a).unwrap_or(&[])),
            join(ls.get(a..b).unwrap_or(&[])),
            join(ls.get(b..).unwrap_or(&[])),
        )
    }
}

/// Line primitives shared by the edits: every change is a splice of whole
/// lines followed by re-deriving the structure.
impl Changelog {
    pub(crate) fn reindex(&mut self) {
        // Edits only ever insert well-formed lines; should re-analysis fail
        // anyway, keep the previous structure rather than panic.
        if let Ok(doc) = parse::analyze(&self.lines) {
            self.doc = doc;
        }
    }

    pub(crate) fn is_blank(&self, i: usize) -> bool {
        self.lines.get(i).is_some_and(|l| l.text.trim().is_empty())
    }

    pub(crate) fn is_content(&self, i: usize) -> bool {
        self.lines.get(i).is_some_and(|l| !l.text.trim().is_empty())
    }

    /// Inserts whole lines before line `at` (clamped to the end).
    pub(crate) fn insert_lines(&mut self, at: usize, texts: Vec<String>) {
        let at = at.min(self.lines.len());
        let eol = self.eol;
        if let Some(prev) = at.checked_sub(1).and_then(|p| self.lines.get_mut(p)) {
            // A last line without terminator (or with the CR of a lost CRLF) must get one
            // before we append.
            if prev.eol.is_empty() || prev.eol == "\r" {
                prev.eol = if prev.eol.is_empty() { eol } else { "\r\n" };
            }
        }
        self.lines
            .splice(at..at, texts.into_iter().map(|text| Line { text, eol }));
        self.reindex();
    }
}

impl fmt::Display for Changelog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

thread_local! {
    /// Entries read out of the file's sections with their texts, on this thread.
    static ENTRIES_READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many entries were read out of the changelog's sections with their texts on this
/// thread (`RELHOOK_TEST_ENTRIES_READ`).
pub fn entries_read() -> usize {
    ENTRIES_READ.with(std::cell::Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `contains_entry` replaced: every entry's text, normalised and compared.
    fn contains_by_text(log: &Changelog, text: &str, unreleased_only: bool) -> bool {
        let wanted = normalize(text);
        let mut sections = log.unreleased_entries();
        if !unreleased_only {
            for v in log.versions() {
                sections.extend(log.entries_of(&v).unwrap_or_default());
            }
        }
        sections.iter().any(|e| normalize(&e.text) == wanted)
    }

    #[test]
    fn contains_entry_agrees_with_comparing_normalised_texts() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- **api:**  two  spaces\n- multi\n  line entry\n\tand tab\n*\tstar entry\n-\n\n## [1.0.0] - 2020-01-01\n\n### Fixed\n\n- old fix\n  - nested item\n- shared\n\n## [0.9.0] - 2019-01-01\n\n- bare entry\n";
        let log = Changelog::parse(text).unwrap();
        let probes = [
            "**api:** two spaces",
            "multi line entry and tab",
            "multi\nline entry\n and tab",
            "star entry",
            "",
            "old fix - nested item",
            "old fix",
            "shared",
            "bare entry",
            "nested item",
            "absent",
            "- old fix",
        ];
        for probe in probes {
            for only in [true, false] {
                assert_eq!(
                    log.contains_entry(probe, only),
                    contains_by_text(&log, probe, only),
                    "{probe:?} unreleased_only={only}"
                );
            }
        }
        assert!(log.contains_entry("old  fix\n- nested item", false));
        assert!(!log.contains_entry("old fix - nested item", true));
    }

    const BASE: &str = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n- b\n\n## [1.0.0] - 2026-01-02\n\n### Added\n\n- old\n\n[unreleased]: https://github.com/o/r/compare/v1.0.0...HEAD\n[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0\n";

    fn cl(t: &str) -> Changelog {
        Changelog::parse(t).expect("valid changelog")
    }

    #[test]
    fn prose_is_not_a_keep_a_changelog_file() {
        assert!(!cl("Our release notes live on the wiki. Do not touch.\n").is_keep_a_changelog());
        assert!(cl("# Changelog\n\nSome text.\n").is_keep_a_changelog());
        // Releases written without `## ` sections: where Unreleased goes is not guessed.
        let listed = cl("# Changes\n\nv1.0 (2020)\n* stuff\n\nv0.9\n* old\n");
        assert!(!listed.is_keep_a_changelog());
        assert!(listed.unkept_because().unwrap().contains("list items"));
        assert!(cl("## [Unreleased]\n").is_keep_a_changelog());
        assert!(cl("").is_keep_a_changelog());
        assert!(cl(" \n\n").is_keep_a_changelog());
        assert!(cl(BASE).is_keep_a_changelog());
    }

    fn with(f: impl FnOnce(&mut Changelog)) -> Changelog {
        let mut c = cl(BASE);
        f(&mut c);
        c
    }

    fn texts(merged: &str) -> Vec<String> {
        cl(merged)
            .unreleased_entries()
            .into_iter()
            .map(|e| e.text)
            .collect()
    }

    #[test]
    fn a_stable_release_folds_in_its_pre_releases() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- late fix\n\n## [1.1.0-rc.2] - 2026-01-03\n\n### Fixed\n\n- rc fix (edited by hand)\n\n## [1.1.0-rc.1] - 2026-01-02\n\n### Added\n\n- the feature\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- old\n";
        let mut c = cl(text);
        c.release("1.1.0", "2026-01-04", "v", None)
            .expect("release");
        let got: Vec<String> = c
            .entries_of("1.1.0")
            .unwrap()
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(got, ["the feature", "late fix", "rc fix (edited by hand)"]);
        assert_eq!(c.entries_of("1.1.0-rc.1").unwrap().len(), 1);
        assert_eq!(c.entries_of("1.0.0").unwrap().len(), 1);
        // A pre-release folds nothing.
        let mut c = cl(text);
        c.release("1.1.0-rc.3", "2026-01-04", "v", None)
            .expect("release");
        assert_eq!(c.entries_of("1.1.0-rc.3").unwrap().len(), 1);
    }

    #[test]
    fn merge_both_add_different_entries() {
        let ours = with(|c| c.add_entry("Added", "x", false));
        let theirs = with(|c| c.add_entry("Fixed", "y", false));
        let m = Changelog::merge_unreleased(&cl(BASE), &ours, &theirs).expect("merge");
        assert_eq!(texts(&m), ["a", "b", "x", "y"]);
        assert!(m.ends_with("[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0\n"));
    }

    #[test]
    fn merge_same_entry_added_twice_appears_once() {
        let ours = with(|c| c.add_entry("Added", "same  thing", false));
        let theirs = with(|c| c.add_entry("Added", "same thing", false));
        let m = Changelog::merge_unreleased(&cl(BASE), &ours, &theirs).expect("merge");
        assert_eq!(texts(&m), ["a", "b", "same  thing"]);
    }

    #[test]
    fn merge_one_side_deletes() {
        let ours = with(|c| c.add_entry("Added", "c", false));
        let theirs = with(|c| {
            c.remove_entry("Added", "b");
        });
        let m = Changelog::merge_unreleased(&cl(BASE), &ours, &theirs).expect("merge");
        assert_eq!(texts(&m), ["a", "c"]);
    }

    #[test]
    fn merge_stale_branch_does_not_readd_released_entry() {
        let base = with(|c| {
            c.remove_entry("Added", "a");
            c.remove_entry("Added", "b");
        });
        // Ours merged "n" earlier and has released it since.
        let ours = {
            let mut c = base.clone();
            c.add_entry("Added", "n", false);
            c.release("1.1.0", "2026-02-01", "v", None)
                .expect("release");
            c.add_entry("Fixed", "later", false);
            c
        };
        let theirs = {
            let mut c = base.clone();
            c.add_entry("Added", "n", false);
            c.add_entry("Added", "new", false);
            c
        };
        let m = Changelog::merge_unreleased(&base, &ours, &theirs).expect("merge");
        assert_eq!(texts(&m), ["new", "later"]);
        assert_eq!(cl(&m).entries_of("1.1.0").map(|e| e.len()), Some(1));
    }

    /// `old` was released before the two sides forked; theirs adds it anew (a reapply of its
    /// released revert, or another change of the same wording): it is new there, and stays.
    #[test]
    fn merge_keeps_an_entry_released_before_the_fork_that_a_side_adds_anew() {
        let ours = with(|c| c.add_entry("Fixed", "x", false));
        let theirs = with(|c| c.add_entry("Added", "old", false));
        let m = Changelog::merge_unreleased(&cl(BASE), &ours, &theirs).expect("merge");
        assert_eq!(texts(&m), ["a", "b", "old", "x"]);
        let m = Changelog::merge_unreleased(&cl(BASE), &theirs, &ours).expect("merge");
        assert_eq!(texts(&m), ["a", "b", "old", "x"]);
    }

    #[test]
    fn merge_takes_release_from_the_side_that_made_it() {
        let ours = with(|c| c.add_entry("Added", "c", false));
        let theirs = with(|c| {
            c.release("1.1.0", "2026-02-01", "v", None)
                .expect("release")
        });
        let m = Changelog::merge_unreleased(&cl(BASE), &ours, &theirs).expect("merge");
        assert_eq!(texts(&m), ["c"]);
        let merged = cl(&m);
        assert_eq!(merged.versions(), ["1.1.0", "1.0.0"]);
        assert!(m.contains("[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0"));
    }

    /// A `git revert` of a released change: base (the reverted commit's file) lists a and b,
    /// theirs (its parent's) lacks b, ours released both and added c since: ours stands,
    /// either way round; ours rewording b instead is still a conflict.
    #[test]
    fn merge_of_a_revert_after_a_release_keeps_the_releasing_side() {
        let ours = with(|c| {
            c.release("1.1.0", "2026-02-01", "v", None)
                .expect("release");
            c.add_entry("Fixed", "c", false);
        });
        let theirs = with(|c| {
            c.remove_entry("Added", "b");
        });
        let m = Changelog::merge_unreleased(&cl(BASE), &ours, &theirs).expect("merge");
        assert_eq!(m, ours.render());
        let m = Changelog::merge_unreleased(&cl(BASE), &theirs, &ours).expect("merge");
        assert_eq!(m, ours.render());
        let reworded = with(|c| {
            c.replace_entry("Added", "b", "b reworded");
            c.add_entry("Fixed", "c", false);
        });
        assert!(Changelog::merge_unreleased(&cl(BASE), &reworded, &theirs).is_err());
        assert!(Changelog::merge_unreleased(&cl(BASE), &theirs, &reworded).is_err());
    }

    /// The revert of the commit that made Unreleased in a file that had none, after a
    /// release: theirs (that commit's parent) has no Unreleased, and its releases are
    /// releases, not its title. Ours stands, sections in their order, either way round.
    #[test]
    fn merge_with_a_side_without_unreleased_keeps_the_section_order() {
        let old = "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n- old\n";
        let base = {
            let mut c = cl(old);
            c.add_entry("Fixed", "a", false);
            c
        };
        let ours = {
            let mut c = base.clone();
            c.release("1.0.1", "2026-02-01", "v", None)
                .expect("release");
            c
        };
        let m = Changelog::merge_unreleased(&base, &ours, &cl(old)).expect("merge");
        assert_eq!(m, ours.render());
        let m = Changelog::merge_unreleased(&base, &cl(old), &ours).expect("merge");
        assert_eq!(m, ours.render());
        // No release yet: Unreleased goes above the link references, as post-commit puts it.
        let links = "# Changelog\n\n[a]: https://example.com\n";
        let made = {
            let mut c = cl(links);
            c.add_entry("Fixed", "a", false);
            c
        };
        let m = Changelog::merge_unreleased(&cl(links), &made, &cl(links)).expect("merge");
        assert_eq!(m, made.render());
    }

    /// `git revert` of a release commit: base is the release commit's file, theirs its
    /// parent's (the entries still unreleased), ours a later HEAD with a new entry. The
    /// revert takes the release section out, so its entries are unreleased again, not lost.
    #[test]
    fn merge_of_a_reverted_release_puts_its_entries_back() {
        let base = with(|c| {
            c.release("1.1.0", "2026-02-01", "v", None)
                .expect("release");
        });
        let ours = {
            let mut c = base.clone();
            c.add_entry("Fixed", "c", false);
            c
        };
        let theirs = cl(BASE);
        for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
            let m = Changelog::merge_unreleased(&base, a, b).expect("merge");
            assert!(!m.contains("## [1.1.0]"), "{m}");
            let mut got = texts(&m);
            got.sort();
            let mut want: Vec<String> = texts(BASE);
            want.push("c".into());
            want.sort();
            assert_eq!(got, want, "{m}");
        }
    }

    #[test]
    fn merge_conflicts_when_both_change_released_parts() {
        let ours = cl(&BASE.replace("- old", "- old ours"));
        let theirs = cl(&BASE.replace("- old", "- old theirs"));
        let err = Changelog::merge_unreleased(&cl(BASE), &ours, &theirs).unwrap_err();
        assert!(matches!(err, EditError::Conflict(_)));
        let theirs_same = cl(&BASE.replace("- old", "- old ours"));
        assert!(Changelog::merge_unreleased(&cl(BASE), &ours, &theirs_same).is_ok());
    }

    #[test]
    #[ignore = "performance check; run with --release --ignored"]
    fn ten_megabytes_is_fast() {
        let mut text = String::from("# Changelog\n\n## [Unreleased]\n\n### Added\n\n- new\n\n");
        let mut n = 0u32;
        while text.len() < 10_000_000 {
            text.push_str(&format!(
                "## [{}.{}.0] - 2020-01-01\n\n### Fixed\n\n",
                100_000 - n,
                n % 7
            ));
            for k in 0..20 {
                text.push_str(&format!(
                    "- fix number {k} of release {n} with some words\n  and a continuation\n"
                ));
            }
            text.push('\n');
            n += 1;
        }
        let start = std::time::Instant::now();
        let mut c = cl(&text);
        c.add_entry("Added", "x", false);
        c.add_entry("Security", "y", true);
        assert!(c.remove_entry("Added", "new"));
        c.release("100001.0.0", "2026-01-01", "v", Some("https://h/o/r"))
            .expect("release");
        let out = c.render();
        let took = start.elapsed();
        assert!(out.len() > text.len());
        assert!(took.as_millis() < 1000, "took {took:?}");
    }

    fn entry() -> impl Strategy<Value = Vec<String>> {
        (
            "[a-zA-Z0-9 *_()#:]{1,30}",
            prop::collection::vec("[a-z ]{1,20}", 0..3),
            any::<bool>(),
        )
            .prop_map(|(t, conts, star)| {
                let mut v = vec![format!("{} {t}", if star { '*' } else { '-' })];
                v.extend(conts.into_iter().map(|c| format!("  {c}")));
                v
            })
    }

    fn body() -> impl Strategy<Value = Vec<String>> {
        let sub = (
            prop::sample::select(vec!["Added", "Fixed", "Changed", "Custom", "Security"]),
            prop::collection::vec(entry(), 0..4),
        );
        prop::collection::vec(sub, 0..3).prop_map(|subs| {
            let mut out = vec![String::new()];
            for (name, entries) in subs {
                out.push(format!("### {name}"));
                out.push(String::new());
                out.extend(entries.into_iter().flatten());
                out.push(String::new());
            }
            out
        })
    }

    /// A generated valid changelog: lines, per-line CRLF choices, final EOL.
    fn changelog() -> impl Strategy<Value = String> {
        let version = (any::<bool>(), any::<bool>(), any::<bool>(), body());
        (
            any::<bool>(),
            prop::collection::vec("[A-Za-z .,]{0,40}", 0..3),
            prop::option::of(body()),
            prop::collection::vec(version, 0..4),
            any::<bool>(),
            // No `-`: an unclosed `<!--` is refused (it would hide what follows).
            prop::option::of("[a-z <>!]{0,20}"),
            prop::collection::vec(any::<bool>(), 1..64),
            any::<bool>(),
        )
            .prop_map(
                |(title, pre, unreleased, versions, links, trailing, crlf, final_eol)| {
                    let mut lines = vec![];
                    if title {
                        lines.extend(["# Changelog".to_string(), String::new()]);
                    }
                    lines.extend(pre);
                    if let Some(b) = unreleased {
                        lines.push("## [Unreleased]".into());
                        lines.extend(b);
                    }
                    let n = versions.len();
                    for (i, (bracket, date, yanked, b)) in versions.into_iter().enumerate() {
                        let v = format!("1.{}.0", n - i);
                        let mut h = if bracket {
                            format!("## [{v}]")
                        } else {
                            format!("## {v}")
                        };
                        if date {
                            h.push_str(" - 2026-01-02");
                        }
                        if yanked {
                            h.push_str(" [YANKED]");
                        }
                        lines.push(h);
                        lines.extend(b);
                    }
                    if links {
                        lines.push(
                            "[unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD".into(),
                        );
                        lines.push("[1.1.0]: https://github.com/o/r/releases/tag/v1.1.0".into());
                    }
                    lines.extend(trailing);
                    let mut out = String::new();
                    let last = lines.len().saturating_sub(1);
                    for (i, l) in lines.iter().enumerate() {
                        out.push_str(l);
                        if i < last || final_eol {
                            out.push_str(if crlf[i % crlf.len()] { "\r\n" } else { "\n" });
                        }
                    }
                    out
                },
            )
    }

    fn tokens() -> impl Strategy<Value = String> {
        let tok = prop::sample::select(vec![
            "## [Unreleased]",
            "## [1.0.0] - 2020-01-01",
            "## 2.0.0",
            "### Added",
            "# T",
            "- x",
            "* y",
            "  cont",
            "[a]: b",
            "[unreleased]: h/compare/v1...HEAD",
            "<!--",
            "-->",
            "```",
            "",
            "\r",
            "## [",
            "-",
            "é",
            "###",
        ]);
        prop::collection::vec(tok, 0..30).prop_map(|v| v.join("\n"))
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in any::<String>(), t in tokens()) {
            for input in [s, t] {
                if let Ok(mut c) = Changelog::parse(&input) {
                    prop_assert_eq!(c.render(), input);
                    c.add_entry("Added", "p", true);
                    c.remove_entry("", "x");
                    c.replace_entry("Added", "p", "q\nr");
                    let _ = c.release("9.9.9", "2026-01-01", "v", Some("https://h/o/r"));
                    prop_assert!(Changelog::parse(&c.render()).is_ok());
                }
            }
        }

        #[test]
        fn valid_changelogs_roundtrip_and_add_entry_is_local(text in changelog(), first in any::<bool>()) {
            let c = Changelog::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(c.render(), text.clone());
            if let Some(sec) = c.unreleased_index().and_then(|i| c.doc.sections.get(i)) {
                let bytes = |r: &[Line]| r.iter().map(|l| l.text.len() + l.eol.len()).sum::<usize>();
                let prefix = bytes(&c.lines[..sec.heading]);
                let suffix = bytes(&c.lines[sec.end..]);
                let mut edited = c.clone();
                edited.add_entry("Fixed", "added entry", first);
                let out = edited.render();
                prop_assert_eq!(&out[..prefix], &text[..prefix]);
                prop_assert_eq!(&out[out.len() - suffix..], &text[text.len() - suffix..]);
                prop_assert!(edited.unreleased_entries().iter().any(|e| normalize(&e.text) == "added entry"));
            }
        }
    }

    /// QA41: a byte order mark before a first-line `## [Unreleased]` hid the heading: no
    /// entry was added, and doctor advised deleting a release tag whose section was there.
    #[test]
    fn a_byte_order_mark_is_read_past_and_written_back() {
        let text = "\u{feff}## [Unreleased]\n\n### Fixed\n\n- zero\n\n## [1.0.0] - 2024-01-01\n\n- first\n\n## [0.1.0] - 2023-01-01\n\n- older\n";
        let log = Changelog::parse(text).unwrap();
        assert!(log.has_unreleased());
        assert_eq!(log.versions(), vec!["1.0.0".to_owned(), "0.1.0".to_owned()]);
        assert_eq!(log.render(), text);
        let (head, tail) = Changelog::parse_head(text).unwrap();
        assert_eq!(head.render() + tail, text);
    }
}
