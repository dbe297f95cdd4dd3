//! The sub-section names a changelog already uses. A project adopting relhook often keeps a
//! file another tool wrote: conventional-changelog (vue, commitlint, anything semantic-release
//! or lerna made) says `### Features`, `### Bug Fixes`, `### Performance Improvements`,
//! `### Reverts`; commitizen says `### Feat`, `### Fix`, `### Perf`; where Keep a Changelog
//! says `### Added`, `### Fixed`, `### Changed`, `### Removed`. A new entry goes under the
//! name the file already uses for its kind of change: the first known sub-section heading
//! from the top (Unreleased, then the newest release down) decides which vocabulary the file
//! speaks, and relhook's own names (the configured `[changelog.sections]`, which are Keep a
//! Changelog's by default) are written in it. Names of no vocabulary are written as configured.

use super::{Changelog, SUBSECTIONS};

/// One kind of change in each vocabulary: Keep a Changelog's, conventional-changelog's,
/// commitizen's. A breaking change of a type without a section of its own goes under
/// `Changed`, which the other two list under their breaking changes heading ([`BREAKING`]).
const KINDS: [[&str; 3]; 4] = [
    ["Added", "Features", "Feat"],
    ["Fixed", "Bug Fixes", "Fix"],
    ["Changed", "Performance Improvements", "Perf"],
    ["Removed", "Reverts", "Revert"],
];

/// The breaking changes heading of each vocabulary but Keep a Changelog's (release-please
/// adds a `⚠` to conventional-changelog's).
const BREAKING: [&str; 3] = ["Changed", "BREAKING CHANGES", "BREAKING CHANGE"];

/// Other tools' names for a kind of change, beside [`KINDS`]' (git-cliff's default
/// template says `### ⚡ Performance` and `### ◀️ Revert`, cocogitto `#### Revert`, beside
/// conventional-changelog's names for the rest).
const ALIASES: [(&str, &str); 2] = [("Performance", "Changed"), ("Revert", "Removed")];

/// The kind (Keep a Changelog's name) a bare sub-section name stands for, in any vocabulary.
fn kind_of(name: &str) -> Option<&'static str> {
    KINDS
        .iter()
        .find(|k| k.iter().any(|c| c.eq_ignore_ascii_case(name)))
        .map(|k| k[0])
        .or_else(|| {
            ALIASES
                .iter()
                .find(|(alias, _)| alias.eq_ignore_ascii_case(name))
                .map(|(_, kind)| *kind)
        })
}

/// conventional-changelog's sub-sections, in the order it writes them.
const CONVENTIONAL: [&str; 5] = [
    "Features",
    "Bug Fixes",
    "Performance Improvements",
    "Reverts",
    "BREAKING CHANGES",
];

/// commitizen's, in its order (`Refactor` is commitizen's too, and decides a file's
/// vocabulary as well).
const COMMITIZEN: [&str; 6] = [
    "BREAKING CHANGE",
    "Feat",
    "Fix",
    "Refactor",
    "Perf",
    "Revert",
];

/// Which names a changelog's sub-sections use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vocabulary {
    /// `### Added`, `### Fixed` (also a file that has no known sub-section yet).
    KeepAChangelog = 0,
    /// `### Features`, `### Bug Fixes`.
    Conventional = 1,
    /// `### Feat`, `### Fix`.
    Commitizen = 2,
}

impl Vocabulary {
    fn order(self) -> &'static [&'static str] {
        match self {
            Vocabulary::KeepAChangelog => &SUBSECTIONS,
            Vocabulary::Conventional => &CONVENTIONAL,
            Vocabulary::Commitizen => &COMMITIZEN,
        }
    }
}

/// A heading's name without the signs put before it: release-please's `⚠`, git-cliff's
/// emoji (`### ⛰️  Features`, `### 🐛 Bug Fixes`).
pub(crate) fn bare(name: &str) -> &str {
    name.trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// The vocabulary `name` belongs to, if it is a known sub-section name.
fn vocabulary_of(name: &str) -> Option<Vocabulary> {
    let name = bare(name);
    [
        Vocabulary::KeepAChangelog,
        Vocabulary::Conventional,
        Vocabulary::Commitizen,
    ]
    .into_iter()
    .find(|v| v.order().iter().any(|n| n.eq_ignore_ascii_case(name)))
}

/// The name of a `### ` heading, or of a `#### ` one (cocogitto writes conventional-changelog's
/// names at level 4, under `## [7.0.0](…) - date`).
fn sub_name(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("####")
        .or_else(|| line.strip_prefix("###"))?;
    rest.starts_with([' ', '\t'])
        .then(|| rest.trim().trim_end_matches('#').trim())
}

/// Whether a line (`### Name`, `#### Name`) is a sub-section heading of another vocabulary
/// than Keep a Changelog's: the part of a long file post-commit does not parse must be read
/// when it holds one.
pub(crate) fn conventional_heading(line: &str) -> bool {
    sub_name(line)
        .is_some_and(|name| vocabulary_of(name).is_some_and(|v| v != Vocabulary::KeepAChangelog))
}

/// Whether a line (`### Name`, or `#### Name`) is a sub-section heading of any vocabulary
/// (`### Added`, `### Bug Fixes`, `### ⛰️  Features`, cocogitto's `#### Features`).
pub(crate) fn subsection_heading(line: &str) -> bool {
    sub_name(line)
        .is_some_and(|name| vocabulary_of(name).is_some() || kind_of(bare(name)).is_some())
}

/// Keep a Changelog's name `name` as `vocabulary` writes it (`breaking`: the entry is marked
/// `**BREAKING**`). Any other name is returned as it is.
pub(crate) fn spoken(name: &str, breaking: bool, vocabulary: Vocabulary) -> String {
    let column = vocabulary as usize;
    if breaking && vocabulary != Vocabulary::KeepAChangelog && name.eq_ignore_ascii_case("Changed")
    {
        return BREAKING[column].to_owned();
    }
    KINDS
        .iter()
        .find(|k| k[0].eq_ignore_ascii_case(name))
        .map_or_else(|| name.to_owned(), |k| k[column].to_owned())
}

/// Whether the sub-section names `a` and `b` stand for the same kind of change, in any
/// vocabulary (an entry relhook looks for under `Fixed` may stand under `Bug Fixes`).
pub fn same_section(a: &str, b: &str) -> bool {
    let keep = |n: &str| -> String {
        let n = bare(n);
        kind_of(n)
            .or_else(|| {
                BREAKING
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(n))
                    .then_some("Changed")
            })
            .unwrap_or(n)
            .to_ascii_lowercase()
    };
    a.trim().eq_ignore_ascii_case(b.trim()) || keep(a) == keep(b)
}

/// Where a new sub-section named `name` sorts among a section's, in `vocabulary`'s order
/// (unknown names last). release-please's `⚠ BREAKING CHANGES` comes first, as it writes it
/// (conventional-changelog's own lists breaking changes last).
pub(crate) fn rank(name: &str, vocabulary: Vocabulary) -> usize {
    if name.trim_start().starts_with('⚠') {
        return 0;
    }
    let order = vocabulary.order();
    1 + order
        .iter()
        .position(|c| c.eq_ignore_ascii_case(bare(name)))
        .unwrap_or(order.len())
}

/// Where sub-section `name` sorts under a configured `order` (`[changelog] order`): its
/// place there (a listed name stands for its kind of change in any vocabulary: `Fixed` is
/// also `Bug Fixes`), else after every listed one, by [`rank`].
pub(crate) fn ranked(name: &str, vocabulary: Vocabulary, order: &[String]) -> usize {
    let listed = |o: &String| bare(o).eq_ignore_ascii_case(bare(name));
    order
        .iter()
        .position(listed)
        .or_else(|| order.iter().position(|o| same_section(o, name)))
        .unwrap_or_else(|| order.len() + rank(name, vocabulary))
}

impl Changelog {
    /// Places new sub-sections by `order` (`[changelog] order`, as configured), names it
    /// does not list after, in the file's vocabulary's order.
    pub fn set_order(&mut self, order: &[String]) {
        self.order = order.to_vec();
    }

    /// The configured order new sub-sections are placed by (empty: the vocabulary's).
    pub fn order(&self) -> &[String] {
        &self.order
    }

    /// The vocabulary of the file's sub-section names: the first known one from the top (a
    /// `### ` line, whatever the level of the release heading above it: commitlint's minor
    /// releases are `# [1.1.0](…) (…)`).
    pub(crate) fn vocabulary(&self) -> Vocabulary {
        self.named_vocabulary()
            .unwrap_or(Vocabulary::KeepAChangelog)
    }

    /// The vocabulary a known sub-section name decides, if the file (as far as it was parsed)
    /// has one: else it is Keep a Changelog's by default, and a part of the file not parsed
    /// may still decide it.
    pub(crate) fn named_vocabulary(&self) -> Option<Vocabulary> {
        self.lines
            .iter()
            .find_map(|l| vocabulary_of(sub_name(&l.text)?))
    }

    /// The level the file heads its sub-sections at, under a `## ` section as Unreleased is:
    /// 4 where its first known sub-section name from the top there is a `#### ` heading
    /// (cocogitto's `#### Features`), or its first level-4 one (cocogitto's `#### Documentation`
    /// in a file of docs alone, QA294), else 3 (also under releases headed at other levels).
    pub(crate) fn sub_level(&self) -> usize {
        let level = |i: usize| {
            let l = self.lines.get(i)?;
            super::parse::heading_level(&l.text)
        };
        let known = |name: &str| vocabulary_of(name).is_some() || kind_of(bare(name)).is_some();
        let first = self
            .doc
            .sections
            .iter()
            .filter(|s| level(s.heading) == Some(2))
            .flat_map(|s| s.subs.iter())
            .filter(|sub| known(&sub.name) || sub.heading.and_then(level) == Some(4))
            .find_map(|sub| level(sub.heading?));
        if first == Some(4) { 4 } else { 3 }
    }

    /// The name this file gives the section relhook calls `section` (`breaking`: for an entry
    /// marked `**BREAKING**`): a heading of the file's own for it, signs and all (git-cliff's
    /// `🐛 Bug Fixes`, in an older release when Unreleased has none yet), else the
    /// vocabulary's word.
    pub fn section_name(&self, section: &str, breaking: bool) -> String {
        let vocabulary = self.vocabulary();
        let word = spoken(section, breaking, vocabulary);
        // Another tool's word for the kind (`⚡ Performance` for conventional-changelog's
        // `Performance Improvements`), in a file that does not speak Keep a Changelog's.
        let kind = (vocabulary != Vocabulary::KeepAChangelog && !breaking)
            .then(|| kind_of(&word))
            .flatten();
        let alias = |name: &str| {
            ALIASES
                .iter()
                .any(|(a, k)| Some(*k) == kind && a.eq_ignore_ascii_case(bare(name)))
        };
        self.doc
            .sections
            .iter()
            .flat_map(|s| s.subs.iter())
            .filter(|sub| sub.heading.is_some())
            .map(|sub| sub.name.trim())
            .chain(self.elsewhere.iter().map(String::as_str))
            // The first from the top, spelled as the word or not: the newest release's
            // `Bug Fixes` over a `Bug fixes` of 2017 (QA37, commitlint's file).
            .find(|name| bare(name).eq_ignore_ascii_case(&word) || alias(name))
            .map(str::to_owned)
            .or_else(|| self.cliff_group(section, breaking, &word))
            .unwrap_or(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// QA32: git-cliff's own changelog writes `### ⛰️  Features`, `### 🐛 Bug Fixes`: sync
    /// added `### Added` and `### Fixed` beside them, two naming styles in one file.
    #[test]
    fn headings_with_signs_before_their_names_are_the_files_own() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### ⛰️  Features\n\n- a\n\n### 🐛 Bug Fixes\n\n- b\n\n## [1.0.0]\n\n- old\n";
        let mut log = Changelog::parse(text).expect("kept");
        assert_eq!(log.vocabulary(), Vocabulary::Conventional);
        let added = log.section_name("Added", false);
        log.add_entry(&added, "c", false);
        let fixed = log.section_name("Fixed", false);
        log.add_entry(&fixed, "d", false);
        assert_eq!(
            log.render(),
            "# Changelog\n\n## [Unreleased]\n\n### ⛰️  Features\n\n- a\n- c\n\n### 🐛 Bug Fixes\n\n- b\n- d\n\n## [1.0.0]\n\n- old\n"
        );
    }

    /// QA35: Unreleased had `🚀 Features` only; a fix went under a new `### Bug Fixes` while
    /// every release below says `### 🐛 Bug Fixes`.
    #[test]
    fn a_new_sub_section_takes_the_files_own_heading_from_a_release() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### 🚀 Features\n\n- a\n\n## [1.0.0] - 2024-01-01\n\n### 🚀 Features\n\n- b\n\n### 🐛 Bug Fixes\n\n- c\n\n### ⚠ BREAKING CHANGES\n\n- d\n";
        let mut log = Changelog::parse(text).expect("kept");
        assert_eq!(log.section_name("Fixed", false), "🐛 Bug Fixes");
        // A plain change is no breaking one because a heading pairs them up.
        assert_ne!(log.section_name("Changed", false), "⚠ BREAKING CHANGES");
        assert_eq!(log.section_name("Changed", true), "⚠ BREAKING CHANGES");
        let fixed = log.section_name("Fixed", false);
        log.add_entry(&fixed, "e", false);
        assert!(
            log.render()
                .contains("### 🐛 Bug Fixes\n\n- e\n\n## [1.0.0]"),
            "{}",
            log.render()
        );
    }

    /// QA37: commitlint's file says `### Bug Fixes` in every release but one of 2017 that
    /// says `### Bug fixes`: new fixes went under that old spelling.
    #[test]
    fn the_newest_spelling_of_a_heading_wins() {
        let text = "# Change Log\n\n## [1.1.0](https://x/compare/v1.0.0...v1.1.0) (2024-01-02)\n\n### Bug Fixes\n\n* b\n\n## [1.0.0](https://x) (2024-01-01)\n\n### Bug fixes\n\n* a\n";
        let log = Changelog::parse(text).expect("kept");
        assert_eq!(log.section_name("Fixed", false), "Bug Fixes");
        let old_first = text
            .replace("### Bug Fixes", "### X")
            .replace("### Bug fixes", "### Bug Fixes")
            .replace("### X", "### Bug fixes");
        let log = Changelog::parse(&old_first).expect("kept");
        assert_eq!(log.section_name("Fixed", false), "Bug fixes");
    }

    /// git-cliff's default template names perf commits' section `### ⚡ Performance`, and
    /// puts two spaces after some signs (`### ⛰️  Features`): a new sub-section takes both
    /// as a release below writes them.
    #[test]
    fn git_cliffs_performance_heading_is_the_files_own() {
        let text = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### ⛰️  Features\n\n- a\n\n### ⚡ Performance\n\n- b\n";
        let mut log = Changelog::parse(text).expect("kept");
        assert_eq!(log.section_name("Changed", false), "⚡ Performance");
        assert_ne!(log.section_name("Changed", true), "⚡ Performance");
        for (section, entry) in [("Changed", "c"), ("Added", "d")] {
            let name = log.section_name(section, false);
            log.add_entry(&name, entry, false);
        }
        let out = log.render();
        assert!(
            out.contains("## [Unreleased]\n\n### ⛰️  Features\n\n- d\n\n### ⚡ Performance\n\n- c\n\n## [1.0.0]"),
            "{out}"
        );
        assert!(same_section("Changed", "⚡ Performance"));
        let kac =
            Changelog::parse("## [Unreleased]\n\n## [1.0.0]\n\n### Performance\n\n- x\n").unwrap();
        assert_eq!(kac.section_name("Changed", false), "Changed");
    }

    /// QA46: git-cliff's `### ◀️ Revert` (cocogitto's `#### Revert`) was not the revert
    /// group's heading in a file of conventional-changelog's names: a `### Reverts` came.
    #[test]
    fn the_singular_revert_heading_is_the_files_own() {
        for heading in ["### ◀️ Revert", "#### Revert"] {
            let text = format!(
                "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### 🚀 Features\n\n- a\n\n{heading}\n\n- b\n"
            );
            let log = Changelog::parse(&text).expect("kept");
            let name = heading.trim_start_matches('#').trim();
            assert_eq!(log.section_name("Removed", false), name);
        }
    }

    #[test]
    fn names_pair_up_across_vocabularies() {
        assert!(same_section("Fixed", "Bug Fixes"));
        assert!(same_section("bug fixes", "Fixed"));
        assert!(same_section("Changed", "⚠ BREAKING CHANGES"));
        assert!(same_section("Added", "Added"));
        assert!(!same_section("Added", "Bug Fixes"));
        assert!(same_section("Docs", "docs"));
        assert_eq!(
            spoken("Fixed", false, Vocabulary::Conventional),
            "Bug Fixes"
        );
        assert_eq!(
            spoken("Changed", true, Vocabulary::Conventional),
            "BREAKING CHANGES"
        );
        assert_eq!(spoken("Fixed", false, Vocabulary::Commitizen), "Fix");
        assert!(same_section("Fix", "Bug Fixes"));
        assert_eq!(spoken("Docs", false, Vocabulary::Conventional), "Docs");
        assert_eq!(spoken("Fixed", false, Vocabulary::KeepAChangelog), "Fixed");
        assert!(conventional_heading("### Bug Fixes"));
        assert!(!conventional_heading("### Fixed"));
        assert!(conventional_heading("#### Bug Fixes"));
        assert!(!conventional_heading("##### Bug Fixes"));
    }

    /// QA249: a configured order places sub-sections by it, a listed name standing for its
    /// kind of change in any vocabulary; names not listed come after, in the vocabulary's.
    #[test]
    fn a_configured_order_ranks_first() {
        let order: Vec<String> = ["Added", "Fixed", "Changed", "Documentation"]
            .map(String::from)
            .to_vec();
        let kac = Vocabulary::KeepAChangelog;
        let by = |names: &[&'static str], v: Vocabulary| -> Vec<&'static str> {
            let mut names = names.to_vec();
            names.sort_by_key(|n| ranked(n, v, &order));
            names
        };
        assert_eq!(
            by(
                &[
                    "Miscellaneous Chores",
                    "Documentation",
                    "Changed",
                    "Fixed",
                    "Added"
                ],
                kac
            ),
            [
                "Added",
                "Fixed",
                "Changed",
                "Documentation",
                "Miscellaneous Chores"
            ]
        );
        // Unlisted: after, Keep a Changelog's (Removed before Security), then unknown ones.
        assert_eq!(
            by(&["Style", "Security", "Removed", "Documentation"], kac),
            ["Documentation", "Removed", "Security", "Style"]
        );
        // `Fixed` stands for `Bug Fixes` in a file of conventional-changelog's names.
        let cc = Vocabulary::Conventional;
        assert_eq!(
            by(&["Performance Improvements", "Bug Fixes", "Features"], cc),
            ["Features", "Bug Fixes", "Performance Improvements"]
        );
        // No order: as before.
        assert_eq!(ranked("Fixed", kac, &[]), rank("Fixed", kac));
        assert!(ranked("documentation", kac, &order) < ranked("Removed", kac, &order));
    }

    /// QA249: post-commit's new sub-section goes where the order puts it.
    #[test]
    fn a_new_sub_section_is_placed_by_the_order() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n\n### Changed\n\n- c\n\n## [1.0.0]\n\n- old\n";
        let mut log = Changelog::parse(text).expect("kept");
        log.set_order(&["Added".to_owned(), "Fixed".to_owned()]);
        log.add_entry("Fixed", "f", false);
        log.add_entry("Documentation", "d", false);
        assert_eq!(
            log.render(),
            "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n\n### Fixed\n\n- f\n\n### Changed\n\n- c\n\n### Documentation\n\n- d\n\n## [1.0.0]\n\n- old\n"
        );
    }

    #[test]
    fn the_first_known_heading_decides() {
        let cc = "## [1.1.0](https://x) (2020-01-02)\n\n### Bug Fixes\n\n* a\n\n\
                  ## [1.0.0] - 2020-01-01\n\n### Fixed\n\n- b\n";
        let log = Changelog::parse(cc).unwrap();
        assert_eq!(log.vocabulary(), Vocabulary::Conventional);
        let kac = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- x\n\n## [1.0.0]\n\n### Bug Fixes\n\n- y\n";
        let log = Changelog::parse(kac).unwrap();
        assert_eq!(log.vocabulary(), Vocabulary::KeepAChangelog);
    }
}
