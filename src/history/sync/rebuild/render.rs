//! How `--rebuild` writes what history gives: the sub-sections under the names and at the
//! level the file it replaces uses (cocogitto's `#### Bug Fixes`, conventional-changelog's
//! `### Features`), entries with that file's scope style, the forge's link references; and
//! what the rebuilt text would lose of the file it replaces.

use std::collections::HashMap;

use crate::git::ReleaseTag;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::vocab::{Vocabulary, rank, spoken};
use crate::history::changelog::{Changelog, ScopeStyle};

/// The look of the file a rebuild replaces, which the rebuilt one keeps: a file another
/// tool made would otherwise get Keep a Changelog's names beside its own in every release.
pub(super) struct Layout {
    /// The file it replaces, parsed: its own sub-section names.
    like: Option<Changelog>,
    /// The sub-headings' level (cocogitto's 4, else 3).
    level: usize,
    style: ScopeStyle,
}

impl Layout {
    /// The layout of `current` (Keep a Changelog's, at level 3, with no file or one relhook
    /// cannot parse).
    pub(super) fn of(current: Option<&str>) -> Layout {
        let like = current.and_then(|t| Changelog::parse(t).ok());
        let (level, style) = like.as_ref().map_or((3, ScopeStyle::Relhook), |l| {
            (l.sub_level(), l.scope_style())
        });
        Layout { like, level, style }
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

    /// A section's sub-sections, in the order of the file's vocabulary (unknown names last,
    /// in the order met), breaking changes first in each.
    pub(super) fn entries(&self, entries: &[NewEntry]) -> String {
        let vocabulary = self.vocabulary();
        let named: Vec<(String, &NewEntry)> = entries.iter().map(|e| (self.name(e), e)).collect();
        let mut names: Vec<(usize, &str)> = Vec::new();
        for (name, e) in &named {
            if names.iter().all(|(_, n)| n != name) {
                // By the vocabulary's word for the kind too: cocogitto's `Revert` is its
                // `Reverts`; release-please's `⚠ BREAKING CHANGES` comes first by its sign.
                let word = spoken(&e.section, e.breaking, vocabulary);
                names.push((rank(name, vocabulary).min(rank(&word, vocabulary)), name));
            }
        }
        names.sort_by_key(|(rank, _)| *rank);
        let mut out = String::new();
        for (_, name) in names {
            out.push_str(&format!("\n{} {name}\n\n", "#".repeat(self.level)));
            let in_section = named.iter().filter(|(n, _)| n == name).map(|(_, e)| *e);
            let (breaking, rest): (Vec<_>, Vec<_>) = in_section.partition(|e| e.breaking);
            for e in breaking.into_iter().chain(rest) {
                let text = self.style.apply(&e.text);
                out.push_str(&format!("- {}\n", text.replace('\n', "\n  ")));
            }
        }
        out
    }
}

/// The link references under the sections: Unreleased compared from the last release, each
/// release from the one before it (`tags` in version order, `base` the forge's address).
pub(super) fn links(base: &str, tags: &[ReleaseTag]) -> String {
    let Some(last) = tags.last() else {
        return String::new();
    };
    let mut out = format!("\n[unreleased]: {base}/compare/{}...HEAD\n", last.name);
    for (i, t) in tags.iter().enumerate().rev() {
        // A stable release's section carries its pre-releases: it compares from the
        // release before them.
        let mut before = tags[..i].iter().rev();
        match before.find(|p| !crate::history::changelog::carries(&t.version, &p.version)) {
            Some(prev) => out.push_str(&format!(
                "[{}]: {base}/compare/{}...{}\n",
                t.version, prev.name, t.name
            )),
            None => out.push_str(&format!(
                "[{}]: {base}/releases/tag/{}\n",
                t.version, t.name
            )),
        }
    }
    out
}

/// The lines of `current` (1-based, with their text) that `rebuilt` does not have: what a
/// rebuild would drop or change that history does not give (hand-written entries and
/// sections, reworded entries). Blank lines are not counted, nor a release heading's date
/// (history's is the tag's, which a time zone or a pinned date may put a day apart).
pub fn lost_lines<'a>(current: &'a str, rebuilt: &str) -> Vec<(usize, &'a str)> {
    let key = |line: &str| -> String {
        let line = line.trim_end();
        match line.strip_prefix("## [").and_then(|r| r.split_once(']')) {
            Some((version, _)) => format!("## [{version}]"),
            None => line.to_owned(),
        }
    };
    let mut kept: HashMap<String, usize> = HashMap::new();
    for line in rebuilt.lines() {
        *kept.entry(key(line)).or_default() += 1;
    }
    let mut lost = Vec::new();
    for (i, line) in current.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        match kept.get_mut(&key(line)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => lost.push((i + 1, line)),
        }
    }
    lost
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
        assert_eq!(
            layout.entries(&entries),
            "\n#### Features\n\n- f\n\n#### Bug Fixes\n\n- e\n\n#### Revert\n\n- d\n\n#### Docs\n\n- g\n"
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
