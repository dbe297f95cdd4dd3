//! How `--rebuild` writes what history gives: the release headings in the form the file it
//! replaces uses (as a release cuts them: `changelog::styled`), the sub-sections under its
//! names and at its level (cocogitto's `#### Bug Fixes`, conventional-changelog's
//! `### Features`), entries with its bullet and scope style, the forge's link references for
//! headings that refer to them; and what the rebuilt text would lose of the file it replaces.

use std::collections::HashMap;

use crate::git::ReleaseTag;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::vocab::{Vocabulary, ranked, spoken};
use crate::history::changelog::{
    Changelog, EntryStyle, HeadingSpacing, Since, without_commit_link,
};

/// The look of the file a rebuild replaces, which the rebuilt one keeps: a file another
/// tool made would otherwise get Keep a Changelog's names beside its own in every release.
pub(super) struct Layout {
    /// The file it replaces, parsed: its own sub-section names.
    like: Option<Changelog>,
    /// The sub-headings' level (cocogitto's 4, else 3).
    level: usize,
    /// Its entries' scope marks and issue links.
    style: EntryStyle,
    /// The bullet its entries use (`*` in conventional-changelog's files).
    marker: char,
    /// The blank lines around its headings (none in cocogitto's files: `#### Features` right
    /// below the release's heading, its entries right below it), as post-commit keeps them.
    spacing: HeadingSpacing,
    /// What a release with no entry says ([`super::look::empty_release_note`]).
    note: String,
    /// The configured `[changelog] order` of sub-sections (empty: the vocabulary's).
    order: Vec<String>,
    /// A sub-section's entries by scope, as the project's git-cliff configuration lists
    /// them ([`super::cliff_order`]), rather than breaking changes first.
    by_scope: bool,
}

impl Layout {
    /// The layout of `current` (Keep a Changelog's, at level 3, with no file or one relhook
    /// cannot parse).
    pub(super) fn of(current: Option<&str>) -> Layout {
        let like = current.and_then(|t| Changelog::parse(t).ok());
        let (level, style, marker) = like.as_ref().map_or((3, EntryStyle::default(), '-'), |l| {
            (l.sub_level(), l.entry_style(), l.marker())
        });
        let loose = HeadingSpacing {
            section: true,
            sub: true,
            before_sub: true,
        };
        let spacing = like.as_ref().map_or(loose, Changelog::release_spacing);
        let segments = like.as_ref().and_then(Changelog::segments);
        let sections = segments.as_ref().map_or(&[][..], |s| s.sections.as_slice());
        Layout {
            note: super::look::empty_release_note(sections),
            like,
            level,
            style,
            marker,
            spacing,
            order: Vec::new(),
            by_scope: false,
        }
    }

    /// The layout with entries in the order the git-cliff configuration at the top of the
    /// work tree `top` asks for, if it asks for one.
    pub(super) fn sorted_as_cliff(mut self, top: Option<&std::path::Path>) -> Layout {
        self.by_scope = top.is_some_and(super::cliff_order::sorts_by_scope);
        self
    }

    /// The layout with its sub-sections in `order` (`[changelog] order`), names it does not
    /// list after, in the file's vocabulary's order.
    pub(super) fn ordered(mut self, order: &[String]) -> Layout {
        self.order = order.to_vec();
        self
    }

    /// The heading of release `tag` made on `date`, compared `from` the release before it
    /// ([`compared_from`]), in the form of the file's newest release as `release` writes it
    /// (vue's `## [3.4.0](…/compare/v3.3.0...v3.4.0) (2023-12-28)`), else Keep a Changelog's.
    pub(super) fn heading(
        &self,
        tag: &ReleaseTag,
        from: Option<&ReleaseTag>,
        date: &str,
    ) -> String {
        let v = self.label(tag);
        let since = Since::Rebuilt(from.map(|t| t.name.as_str()));
        // changesets heads its releases bare and undated (`## 3.0.1`): a rebuilt one too.
        if self
            .like
            .as_ref()
            .is_some_and(Changelog::headed_like_changesets)
        {
            return format!("## {v}");
        }
        let styled =
            (self.like.as_ref()).and_then(|l| l.styled_like_newest(&v, date, &tag.name, since));
        // A file whose releases have no dates (`## [1.2.0]`) gets none, as `release` writes.
        let undated = self.like.as_ref().is_some_and(Changelog::releases_undated);
        styled.unwrap_or_else(|| match undated {
            true => format!("## [{v}]"),
            false => format!("## [{v}] - {date}"),
        })
    }

    /// The label of release `tag`'s heading: as `release` spells it in the file
    /// ([`Changelog::heading_label`]: `1.1.0-rc.2` where its pre-releases are headed so, though
    /// tagged `1.1.0rc2`), else as the tag does.
    pub(super) fn label(&self, tag: &ReleaseTag) -> String {
        let spelled = tag.spelled();
        match &self.like {
            Some(like) => like.heading_label(&spelled, &tag.version),
            None => spelled,
        }
    }

    /// `e` linked to its commit `id` as the file's entries link theirs, if they do.
    pub(super) fn with_commit(&self, id: git2::Oid, e: NewEntry) -> NewEntry {
        let text = self.style.with_commit(&e.text, &id.to_string());
        NewEntry { text, ..e }
    }

    /// The versions of the file's release sections, in its order (none without a file).
    pub(super) fn versions(&self) -> Vec<semver::Version> {
        let like = self.like.iter().flat_map(Changelog::versions);
        let versions = like.filter_map(|v| crate::history::changelog::release_version(&v));
        versions.collect()
    }

    /// The bullet its entries are written with.
    pub(super) fn marker(&self) -> char {
        self.marker
    }

    fn vocabulary(&self) -> Vocabulary {
        self.like
            .as_ref()
            .map_or(Vocabulary::KeepAChangelog, Changelog::vocabulary)
    }

    /// The heading the file gives `e`'s kind of change (Keep a Changelog's name when it
    /// names none), as `--sync` writes it.
    fn name(&self, e: &NewEntry) -> String {
        match &self.like {
            Some(like) => like.section_name(&e.section, e.breaking),
            None => e.section.clone(),
        }
    }

    /// A release section's body: [`Layout::entries`], or the file's note for a release with
    /// no entry (one made of merges alone, or of commits that get none).
    pub(super) fn release_body(&self, entries: &[NewEntry]) -> String {
        match entries.is_empty() {
            true => format!("\n{}\n", self.note),
            false => self.entries(entries),
        }
    }

    /// A section's sub-sections, in the order of the file's vocabulary (unknown names last,
    /// in the order met), breaking changes first in each; spaced as the file spaces its
    /// headings (a blank line first where one follows a release's heading).
    pub(super) fn entries(&self, entries: &[NewEntry]) -> String {
        let vocabulary = self.vocabulary();
        let named: Vec<(String, &NewEntry)> = entries.iter().map(|e| (self.name(e), e)).collect();
        let mut names: Vec<(usize, &str)> = Vec::new();
        for (name, e) in &named {
            if names.iter().all(|(_, n)| n != name) {
                // By the vocabulary's word for the kind too: cocogitto's `Revert` is its
                // `Reverts`; release-please's `⚠ BREAKING CHANGES` comes first by its sign.
                let word = spoken(&e.section, e.breaking, vocabulary);
                let order = &self.order;
                let at = ranked(name, vocabulary, order).min(ranked(&word, vocabulary, order));
                names.push((at, name));
            }
        }
        names.sort_by_key(|(rank, _)| *rank);
        let mut out = String::new();
        let sp = self.spacing;
        for (k, (_, name)) in names.into_iter().enumerate() {
            if (k == 0 && sp.section) || (k > 0 && sp.before_sub) {
                out.push('\n');
            }
            out.push_str(&format!("{} {name}\n", "#".repeat(self.level)));
            if sp.sub {
                out.push('\n');
            }
            let in_section: Vec<&NewEntry> =
                (named.iter().filter(|(n, _)| n == name).map(|(_, e)| *e)).collect();
            let listed = if self.by_scope {
                super::cliff_order::ordered(in_section)
            } else {
                let (breaking, rest): (Vec<_>, Vec<_>) =
                    in_section.into_iter().partition(|e| e.breaking);
                breaking.into_iter().chain(rest).collect()
            };
            for e in listed {
                let text = self.style.apply(&e.text);
                let text = text.replace('\n', "\n  ");
                out.push_str(&format!("{} {text}\n", self.marker));
            }
        }
        out
    }
}

/// The release `tags[i]` compares from: the one before it, but a stable release's section
/// carries its pre-releases, so it compares from the release before them (`None`: none).
pub(super) fn compared_from(tags: &[ReleaseTag], i: usize) -> Option<&ReleaseTag> {
    let t = tags.get(i)?;
    let mut before = tags[..i].iter().rev();
    before.find(|p| !crate::history::changelog::carries(&t.version, &p.version))
}

/// A release section as the rebuild writes it.
pub(super) struct Section {
    pub(super) tag: ReleaseTag,
    /// The release it compares from ([`compared_from`]; a maintenance line's, the one it was
    /// branched from).
    pub(super) from: Option<ReleaseTag>,
    pub(super) heading: String,
    /// Its heading's label ([`Layout::label`]).
    pub(super) label: String,
    pub(super) entries: Vec<NewEntry>,
    /// Its tag is HEAD's or an ancestor's (not a maintenance line's apart from HEAD).
    pub(super) on_head: bool,
}

impl Section {
    /// Its heading refers to a link definition: its `[1.0.0]` is neither an inline link nor
    /// missing (a bare heading refers to none).
    fn refers(&self) -> bool {
        let label = format!("[{}]", self.label);
        self.heading.contains(&label) && !self.heading.contains(&format!("{label}("))
    }
}

/// The link references under the sections (in the order written, `base` the forge's
/// address): Unreleased compared from HEAD's last release, each release from the one before
/// it. Only those a heading refers to, as a release writes them: none unless the heading of
/// HEAD's last release refers to its own. A file whose releases link their tag pages gets
/// those, in the form of its newest link, as a release writes them (`tag_page_like`).
pub(super) fn links(base: &str, sections: &[Section], layout: &Layout, prefix: &str) -> String {
    let Some(last) = sections.iter().find(|s| s.on_head).filter(|s| s.refers()) else {
        return String::new();
    };
    let mut out = format!("\n[unreleased]: {base}/compare/{}...HEAD\n", last.tag.name);
    for s in sections.iter().filter(|s| s.refers()) {
        let (v, name) = (&s.label, &s.tag.name);
        let page = (layout.like.as_ref()).and_then(|l| l.tag_page_like(v, name, prefix));
        if let Some(url) = page {
            out.push_str(&format!("[{v}]: {url}\n"));
            continue;
        }
        match &s.from {
            Some(prev) => out.push_str(&format!("[{v}]: {base}/compare/{}...{name}\n", prev.name)),
            None => out.push_str(&format!("[{v}]: {base}/releases/tag/{name}\n")),
        }
    }
    out
}

/// The lines of `current` (1-based, with their text) that `rebuilt` does not have: what a
/// rebuild would drop or change that history does not give (hand-written entries and
/// sections, reworded entries). Blank lines are not counted, nor a release heading's date
/// (history's is the tag's, which a time zone or a pinned date may put a day apart), in any
/// form of heading (`## 1.0.0 (2024-01-01)`), nor a link definition's address.
pub fn lost_lines<'a>(current: &'a str, rebuilt: &str) -> Vec<(usize, &'a str)> {
    lost_among(current, &mut Written::of(rebuilt))
}

/// The lines of a text, each as [`lost_lines`] compares it, with how many times it occurs;
/// and those that end with a commit link, as they read without it.
pub(super) struct Written(HashMap<String, usize>, HashMap<String, usize>);

impl Written {
    pub(super) fn of(text: &str) -> Written {
        let mut kept: HashMap<String, usize> = HashMap::new();
        let mut unlinked: HashMap<String, usize> = HashMap::new();
        for line in text.lines() {
            *kept.entry(key(line)).or_default() += 1;
            if let Some(bare) = without_commit_link(line) {
                *unlinked.entry(key(bare)).or_default() += 1;
            }
        }
        Written(kept, unlinked)
    }
}

/// [`lost_lines`] against a text read once ([`Written::of`]), each line found used up.
fn lost_among<'a>(current: &'a str, kept: &mut Written) -> Vec<(usize, &'a str)> {
    let mut lost = Vec::new();
    for (i, line) in current.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        if let Some(n) = kept.0.get_mut(&key(line)).filter(|n| **n > 0) {
            *n -= 1;
            continue;
        }
        // Post-commit's entry names no commit (it is part of it); the rebuild links it.
        let linked = without_commit_link(line).is_none();
        match kept.1.get_mut(&key(line)).filter(|_| linked) {
            Some(n) if *n > 0 => *n -= 1,
            _ => lost.push((i + 1, line)),
        }
    }
    lost
}

impl Written {
    /// Whether every line of `text` (blank lines aside) is one of these, in any number: an
    /// entry without a commit link (post-commit's, released) as one of these with it.
    pub(super) fn has_all(&self, text: &[String]) -> bool {
        let unlinked = |l: &str| without_commit_link(l).is_none() && self.1.contains_key(&key(l));
        let given =
            |l: &&String| l.trim().is_empty() || self.0.contains_key(&key(l)) || unlinked(l);
        text.iter().all(|l| given(&l))
    }
}

/// A line as [`lost_lines`] compares it: a heading without its date, a link definition by its
/// label.
fn key(line: &str) -> String {
    let line = line.trim_end();
    match line.strip_prefix("## [").and_then(|r| r.split_once(']')) {
        Some((version, _)) => format!("## [{version}]"),
        // A definition's address is the forge's: only its label is the file's.
        None if crate::history::changelog::segments::link_label(line).is_some() => {
            let label = crate::history::changelog::segments::link_label(line);
            format!("[{}]:", label.unwrap_or_default().to_lowercase())
        }
        None if line.starts_with('#') => undated(line),
        None => line.to_owned(),
    }
}

/// `line` with every `YYYY-MM-DD` in it made alike.
fn undated(line: &str) -> String {
    let b = line.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < b.len() {
        let date = i + 10 <= b.len()
            && digits(i..i + 4)
            && b[i + 4] == b'-'
            && digits(i + 5..i + 7)
            && b[i + 7] == b'-'
            && digits(i + 8..i + 10);
        if date {
            out.push_str("YYYY-MM-DD");
            i += 10;
        } else {
            let c = line[i..].chars().next().unwrap_or_default();
            out.push(c);
            i += c.len_utf8().max(1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_the_rebuild_does_not_write_are_lost() {
        let current =
            "# Changelog\n\n## [1.0.0] - 2026-01-02\n\n### Security\n\n- hand\n- a\n- a\n";
        let rebuilt = "# Changelog\n\n## [1.0.0] - 2026-01-01\n\n### Fixed\n\n- a\n";
        assert_eq!(
            lost_lines(current, rebuilt),
            [(5, "### Security"), (7, "- hand"), (9, "- a")]
        );
        assert!(lost_lines(rebuilt, rebuilt).is_empty());
    }

    fn entry(section: &str, text: &str, breaking: bool) -> NewEntry {
        NewEntry {
            section: section.into(),
            text: text.into(),
            breaking,
        }
    }

    /// QA90: cocogitto's file says `#### Features`, `#### Bug Fixes`, `#### Revert`: a
    /// rebuild wrote `#### Added`, `#### Fixed`, `#### Removed` in every release.
    #[test]
    fn sub_sections_take_the_files_own_names_in_its_order() {
        let coco = "# Changelog\n\n- - -\n## [1.0.0](https://x) - 2024-01-01\n#### Bug Fixes\n- a\n#### Features\n- b\n#### Revert\n- c\n";
        let layout = Layout::of(Some(coco));
        let entries = [
            entry("Removed", "d", false),
            entry("Fixed", "e", false),
            entry("Added", "f", false),
            entry("Docs", "g", false),
        ];
        // Spaced as the file spaces its headings: no blank line around cocogitto's.
        assert_eq!(
            layout.entries(&entries),
            "#### Features\n- f\n#### Bug Fixes\n- e\n#### Revert\n- d\n#### Docs\n- g\n"
        );
        // No file, or one of Keep a Changelog's names: its names, in its order.
        for current in [
            None,
            Some("# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- x\n"),
        ] {
            assert_eq!(
                Layout::of(current).entries(&entries),
                "\n### Added\n\n- f\n\n### Removed\n\n- d\n\n### Fixed\n\n- e\n\n### Docs\n\n- g\n"
            );
        }
    }
}
