//! A stable release carries what its pre-releases shipped: their entries are folded into
//! Unreleased before it becomes the release's section. A pre-release tagged before relhook
//! has no section to fold; its entries, read from its commits, are given to the fold instead.

use std::ops::Range;

use semver::Version;

use super::edit::heading_name;
use super::entry::NewEntry;
use super::same_entry::Taken;
use super::vocab::spoken;
use super::weight::is_breaking;
use super::{Changelog, release_version};

/// A pre-release's entries as carried: (sub-section, text, breaking, further paragraphs).
type Carried = Vec<(String, String, bool, Vec<String>)>;

impl Changelog {
    /// Folds the pre-release sections of the line that `version` (a stable release) finishes
    /// into Unreleased, so that the stable section carries everything since the previous
    /// stable release: every entry of each pre-release section above the last stable section
    /// whose base is at most `version` (`1.1.0-rc.1`, `1.1.0-beta.2` for `1.1.0`), in its
    /// sub-section, as written there (hand edits kept), once. The pre-release sections stay
    /// as they are: they record what each pre-release shipped. A pre-release `version` folds
    /// the lines it leaves when it starts its own (2.0.0-rc.1 after 1.1.0-rc.1: see
    /// [`carries`]), nothing when its line goes on.
    pub fn fold_prereleases(&mut self, version: &str) {
        self.fold_prereleases_with(version, &[]);
    }

    /// [`Changelog::fold_prereleases`], with the pre-releases of the line that have no section
    /// in the file (tagged before relhook): `unlogged`, each with the entries of its commits.
    /// They are carried in version order among the sections' (oldest first), each entry once;
    /// one that has a section after all is carried from its section. Entries alike that name
    /// different commits are each carried (see [`Taken`]); returns those carried once though
    /// listed again (in Unreleased or another pre-release), as written, save a promotion's:
    /// a later channel of the version listing just what its earlier pre-releases did, all of it.
    pub fn fold_prereleases_with(
        &mut self,
        version: &str,
        unlogged: &[(Version, Vec<NewEntry>)],
    ) -> Vec<String> {
        self.fold_prereleases_knowing(version, unlogged, &[])
    }

    /// [`Changelog::fold_prereleases_with`], knowing from history that the pre-releases
    /// `made_of_new` were released from new commits' entries: none is a promotion, though
    /// its entries read as one (all of them alike in words to what came before).
    pub fn fold_prereleases_knowing(
        &mut self,
        version: &str,
        unlogged: &[(Version, Vec<NewEntry>)],
        made_of_new: &[Version],
    ) -> Vec<String> {
        let Some(target) = release_version(version) else {
            return Vec::new();
        };
        let base = |v: &Version| Version::new(v.major, v.minor, v.patch);
        let mut carried: Vec<(Version, Carried)> = Vec::new();
        // Only the sections above the last stable release can be carried: a long file's
        // older ones are not read.
        let (tops, upto) = self.top_release_entries();
        let prose = self.prose_sub_lines(upto);
        // Each carried item's further paragraphs, read once for the file when one is carried.
        let mut paragraphs = None;
        for (v, entries) in tops {
            let Some(pv) = release_version(&v) else {
                continue;
            };
            if pv.pre.is_empty() {
                break;
            }
            // A pre-release of a line that goes on: its first pre-release carried the rest.
            if !target.pre.is_empty() && base(&pv) == base(&target) {
                return Vec::new();
            }
            if carries(&target, &pv) {
                // A list that a paragraph explains stays with it (named as not carried).
                let entries = entries.into_iter();
                let entries = entries.filter(|e| !in_any(&prose, e.line - 1));
                let paragraphs = &*paragraphs.get_or_insert_with(|| self.entry_paragraphs());
                let entries = entries.map(|e| {
                    let breaking = is_breaking(&e.text);
                    let further = paragraphs.get(&(e.line - 1)).cloned().unwrap_or_default();
                    (e.section, e.text, breaking, further)
                });
                carried.push((pv, entries.collect()));
            }
        }
        for (v, entries) in unlogged {
            let known = carried.iter().any(|(c, _)| c.cmp_precedence(v).is_eq());
            if !carries(&target, v) || known {
                continue;
            }
            let entries = entries
                .iter()
                .map(|e| (e.section.clone(), e.text.clone(), e.breaking, Vec::new()));
            carried.push((v.clone(), entries.collect()));
        }
        if carried.is_empty() {
            return Vec::new();
        }
        // Oldest pre-release first, so that the entries keep the order they shipped in.
        carried.sort_by(|a, b| a.0.cmp_precedence(&b.0));
        let mut have = Taken::default();
        // Unreleased's entries are later commits' than any a pre-release shipped: where
        // entries go by scope, the carried ones go above those of their scope.
        let mut newer = Taken::default();
        for e in self.unreleased_entries() {
            have.insert(&e.text);
            newer.insert(&e.text);
        }
        let mut repeated = Vec::new();
        let mut fresh: Carried = Vec::new();
        // What the version's pre-releases so far listed (as taken, and as written), and their
        // channels (oldest first, so a version's are together): the first of a later channel
        // listing just that, nothing else and nothing less, is a promotion (1.3.0-beta.1 →
        // 1.3.0-rc.1), whose section repeats theirs on purpose. One listing only some of it
        // was made from new commits alike in words (a second `fix: typo`): its repeats are said.
        let mut line: Option<(Version, Taken, Vec<String>, Vec<String>)> = None;
        for (v, entries) in carried {
            if line.as_ref().is_none_or(|(core, ..)| *core != base(&v)) {
                line = Some((base(&v), Taken::default(), Vec::new(), Vec::new()));
            }
            let Some((_, shipped, listed, channels)) = line.as_mut() else {
                continue;
            };
            let mut lists = Taken::default();
            for e in &entries {
                lists.insert(&e.1);
            }
            let promotion = !channels.is_empty()
                && !channels.contains(&channel(&v))
                && !made_of_new.iter().any(|m| m.cmp_precedence(&v).is_eq())
                && entries.iter().all(|e| shipped.has(&e.1))
                && listed.iter().all(|t| lists.has(t));
            for e in &entries {
                if shipped.insert(&e.1) {
                    listed.push(e.1.clone());
                }
            }
            channels.push(channel(&v));
            // An entry listed twice by the promotion itself is a repeat all the same.
            let mut own = Taken::default();
            for (section, text, breaking, paragraphs) in entries {
                let again = !own.insert(&text);
                if have.insert(&text) {
                    let section = if section.is_empty() {
                        "Changed".to_owned()
                    } else {
                        section
                    };
                    fresh.push((section, text, breaking, paragraphs));
                } else if again || !promotion {
                    repeated.push(text);
                }
            }
        }
        self.add_carried(&fresh, &|t| newer.has(t));
        repeated
    }

    /// Adds `entries` to Unreleased as [`Changelog::add_entry_with_paragraphs`] adds them one
    /// by one (a breaking one first), with the file read again once per run of entries under
    /// sub-sections Unreleased already has rather than once per entry: a pre-release of
    /// thousands of entries. An entry that needs a new heading goes alone, since the heading
    /// may change the file's vocabulary, and with it the names of the entries after it.
    fn add_carried(&mut self, entries: &Carried, later: &dyn Fn(&str) -> bool) {
        let mut vocabulary = self.vocabulary();
        let mut run = Vec::new();
        for (section, text, breaking, paragraphs) in entries {
            let name = spoken(&heading_name(section), is_breaking(text), vocabulary);
            if !self.unreleased_has_sub(&name) {
                self.add_grouped(run.drain(..), later);
                self.add_entry_with_paragraphs(section, text, paragraphs, *breaking);
                vocabulary = self.vocabulary();
                continue;
            }
            run.push((
                section.as_str(),
                text.as_str(),
                *breaking,
                paragraphs.as_slice(),
            ));
        }
        self.add_grouped(run, later);
    }
}

/// Whether `line` is in one of `ranges` (in order and apart, as sub-sections are): found by
/// a binary search, not a pass over the ranges per entry.
fn in_any(ranges: &[Range<usize>], line: usize) -> bool {
    let after = ranges.partition_point(|r| r.start <= line);
    after > 0 && ranges[after - 1].contains(&line)
}

/// The channel of pre-release `v`: its pre-release without the counter (`rc` of `1.1.0-rc.1`).
fn channel(v: &Version) -> String {
    let pre = v.pre.as_str();
    match pre.rsplit_once('.') {
        Some((id, n)) if n.bytes().all(|b| b.is_ascii_digit()) => id.to_owned(),
        _ => pre.to_owned(),
    }
}

/// Whether release `target` carries the entries of pre-release `pre` (one above the last
/// stable release): a stable release carries the pre-releases of its version and below; a
/// pre-release, those of the lines below its own (the lines it leaves: 1.1.0-rc.1 for
/// 2.0.0-rc.1, whose commits call for 2.0.0).
pub fn carries(target: &Version, pre: &Version) -> bool {
    let base = |v: &Version| (v.major, v.minor, v.patch);
    !pre.pre.is_empty()
        && if target.pre.is_empty() {
            base(pre) <= base(target)
        } else {
            base(pre) < base(target)
        }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::Changelog;
    use super::super::entry::NewEntry;
    use super::Carried;

    /// A stable release folds only what stands above the last stable section: a long file's
    /// older releases are not read (their entries were read, each, for every release).
    #[test]
    fn a_fold_reads_no_entry_below_the_last_stable_release() {
        let mut old = String::new();
        for v in (0..40).rev() {
            old.push_str(&format!(
                "## [1.0.{v}] - 2025-01-01\n\n### Fixed\n\n- fix {v}\n- more {v}\n\n"
            ));
        }
        let top = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- new\n\n";
        let mut c = Changelog::parse(&format!("{top}{old}")).expect("kept");
        let before = super::super::entries_read();
        assert!(c.fold_prereleases_with("1.1.0", &[]).is_empty());
        assert_eq!(super::super::entries_read() - before, 0);
        let rc = "## [1.1.0-rc.1] - 2026-01-02\n\n### Added\n\n- candidate\n\n";
        let mut c = Changelog::parse(&format!("{top}{rc}{old}")).expect("kept");
        c.fold_prereleases("1.1.0");
        let unreleased = c.unreleased_entries();
        let texts: Vec<&str> = unreleased.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(
            texts.contains(&"candidate") && texts.contains(&"new"),
            "{texts:?}"
        );
    }

    fn entry(section: &str, text: &str) -> NewEntry {
        NewEntry {
            section: section.into(),
            text: text.into(),
            breaking: false,
        }
    }

    /// vue's 3.6.0-alpha.1: `- **vapor mode** …` and, after a blank line, `  Please see …`:
    /// one list item, carried whole into the stable release (it was left out, and its whole
    /// sub-section named as "other text").
    #[test]
    fn an_entry_with_a_further_paragraph_is_carried_with_it() {
        let text = "## [Unreleased]\n\n### Fixed\n\n- two\n\n## [1.1.0-alpha.1]\n\n### Added\n\n- vapor mode\n\n  See the section below.\n  Two lines of it.\n\n- three\n\n## [1.0.0]\n\n- one\n";
        let mut log = Changelog::parse(text).expect("kept");
        assert!(log.uncarried_text("1.1.0").is_empty());
        log.fold_prereleases("1.1.0");
        let out = log.render();
        assert!(
            out.starts_with("## [Unreleased]\n\n### Added\n\n- vapor mode\n\n  See the section below.\n  Two lines of it.\n- three\n\n### Fixed\n\n- two\n\n## [1.1.0-alpha.1]"),
            "{out}"
        );
        let texts: Vec<String> = Changelog::parse(&out)
            .expect("kept")
            .unreleased_entries()
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(texts, ["vapor mode", "three", "two"]);
    }

    /// Words alike naming two commits are two entries; the same commit listed again, or
    /// relhook's entry for it, is carried once and returned.
    #[test]
    fn entries_naming_different_commits_are_each_carried() {
        let a = "x ([aaa1111](https://x/commit/aaa1111))";
        let b = "x ([bbb2222](https://x/commit/bbb2222))";
        let text = format!(
            "## [Unreleased]\n\n## [1.1.0-rc.3]\n\n### Fixed\n\n- {a}\n\n## [1.1.0-rc.2]\n\n\
             ### Fixed\n\n- {b}\n- x\n\n## [1.1.0-rc.1]\n\n### Fixed\n\n- {a}\n\n## [1.0.0]\n\n- o\n"
        );
        let mut log = Changelog::parse(&text).expect("kept");
        let once = log.fold_prereleases_with("1.1.0", &[]);
        let texts: Vec<String> = log
            .unreleased_entries()
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(texts, [a, b]);
        assert_eq!(once, ["x", a]);
    }

    /// rc.1, a promotion of beta.1, lists beta.1's entries on purpose: nothing is returned for
    /// them. rc.2 listing one again, or the promotion listing one twice, is a repeat.
    #[test]
    fn a_promotion_s_entries_are_no_repeats() {
        let once = |text: &str| {
            let mut log = Changelog::parse(text).expect("kept");
            log.fold_prereleases_with("1.3.0", &[])
        };
        let tail = "## [1.3.0-beta.1]\n\n### Added\n\n- a\n- b\n\n## [1.2.0]\n\n- o\n";
        let promoted =
            format!("## [Unreleased]\n\n## [1.3.0-rc.1]\n\n### Added\n\n- b\n- a\n\n{tail}");
        assert!(once(&promoted).is_empty());
        let again = promoted.replace(
            "## [Unreleased]\n",
            "## [Unreleased]\n\n## [1.3.0-rc.2]\n\n### Added\n\n- a\n",
        );
        assert_eq!(once(&again), ["a"]);
        let twice = promoted.replace(
            "- b\n- a\n\n## [1.3.0-beta",
            "- b\n- a\n- a\n\n## [1.3.0-beta",
        );
        assert_eq!(once(&twice), ["a"]);
        // Something new besides: no promotion, its repeats said.
        let more = promoted.replace("- b\n- a\n\n## [1.3.0-beta", "- b\n- c\n\n## [1.3.0-beta");
        assert_eq!(once(&more), ["b"]);
        // Only some of what beta.1 listed: rc.1 was made from new commits alike in words.
        let some = promoted.replace("- b\n- a\n\n## [1.3.0-beta", "- b\n\n## [1.3.0-beta");
        assert_eq!(once(&some), ["b"]);
    }

    #[test]
    fn pre_releases_without_a_section_are_carried_in_version_order() {
        let text = "## [Unreleased]\n\n### Fixed\n\n- z\n\n## [1.0.0-beta.10] - 2026-01-02\n\n### Added\n\n- f10, reworded\n\n## [0.9.0] - 2025-01-01\n\n- old\n";
        let mut log = Changelog::parse(text).expect("kept");
        let beta = |n: u64| semver::Version::parse(&format!("1.0.0-beta.{n}")).expect("version");
        let unlogged = [
            (beta(9), vec![entry("Added", "f9"), entry("Fixed", "z")]),
            // Has a section: carried from it, not from its commits.
            (beta(10), vec![entry("Added", "f10")]),
        ];
        log.fold_prereleases_with("1.0.0", &unlogged);
        let unreleased = log.unreleased_entries();
        let texts: Vec<&str> = unreleased.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["f9", "f10, reworded", "z"]);
        // A pre-release of the same line folds nothing.
        let mut log = Changelog::parse(text).expect("kept");
        log.fold_prereleases_with("1.0.0-rc.1", &unlogged);
        assert_eq!(log.unreleased_entries().len(), 1);
    }

    #[test]
    fn the_first_pre_release_of_a_higher_line_carries_the_line_it_leaves() {
        let text = "## [Unreleased]\n\n## [1.1.0-rc.1] - 2026-01-02\n\n### Added\n\n- **BREAKING** b\n\n## [1.0.0] - 2025-01-01\n\n- old\n";
        let mut log = Changelog::parse(text).expect("kept");
        log.fold_prereleases("2.0.0-rc.1");
        let texts: Vec<String> = log
            .unreleased_entries()
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(texts, ["**BREAKING** b"]);
        // Once the line has its first pre-release, the next one carries nothing again.
        let next = log
            .render()
            .replace("## [Unreleased]\n", "## [Unreleased]\n\n## [2.0.0-rc.1]\n");
        let mut log = Changelog::parse(&next).expect("kept");
        log.fold_prereleases("2.0.0-rc.2");
        assert!(log.unreleased_entries().is_empty(), "{}", log.render());
    }

    /// The files [`carried_entries_go_in_as_one_by_one`] adds to: no Unreleased, an empty one
    /// whose file speaks Keep a Changelog's names in its newest release and
    /// conventional-changelog's below it, sub-sections with entries, one with none.
    const FILES: [&str; 4] = [
        "# Changelog\n\n## [1.1.0-rc.1]\n\n### Fixed\n\n- f\n\n## [1.0.0]\n\n- x\n",
        "## [Unreleased]\n\n## [1.1.0-rc.2]\n\n### Fixed\n\n- f\n\n## [1.1.0-rc.1]\n\n### Bug Fixes\n\n- b\n",
        "## [Unreleased]\n\n### Added\n\n- a0\n\n  its paragraph\n\n### Fixed\n\n- f0\n\n## [1.0.0]\n\n- x\n",
        "## [Unreleased]\n\n### Features\n\n## [1.0.0]\n\n### Bug Fixes\n\n- x\n",
    ];

    fn carried() -> impl Strategy<Value = Carried> {
        let section = prop::sample::select(vec![
            "Added",
            "Fixed",
            "Changed",
            "Bug Fixes",
            "Features",
            "⚠ BREAKING CHANGES",
            "Notes",
        ]);
        let paragraphs = prop::sample::select(vec![
            vec![],
            vec![String::new(), "further".to_owned()],
            vec![
                String::new(),
                "one".to_owned(),
                String::new(),
                "two".to_owned(),
            ],
        ]);
        let entry = (section, 0..40u8, any::<bool>(), paragraphs).prop_map(|(s, n, b, p)| {
            let text = if b {
                format!("**BREAKING** e{n}")
            } else {
                format!("e{n}")
            };
            (s.to_owned(), text, b, p)
        });
        prop::collection::vec(entry, 0..30)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(100))]

        /// A pre-release's entries carried in runs come out as adding them one by one does:
        /// a breaking one above the others, its paragraphs with it, and a sub-section heading
        /// that changes the file's vocabulary (`Bug Fixes` above the newest release's `Fixed`)
        /// naming the entries after it.
        #[test]
        fn carried_entries_go_in_as_one_by_one(entries in carried()) {
            for file in FILES {
                let mut one = Changelog::parse(file).expect("kept");
                for (section, text, breaking, paragraphs) in &entries {
                    one.add_entry_with_paragraphs(section, text, paragraphs, *breaking);
                }
                let mut runs = Changelog::parse(file).expect("kept");
                runs.add_carried(&entries, &|_| false);
                prop_assert_eq!(runs.render(), one.render(), "{}", file);
            }
        }
    }

    /// The case [`carried_entries_go_in_as_one_by_one`] must not miss: rc.1's `Bug Fixes`,
    /// carried first into an Unreleased without headings, makes the file speak
    /// conventional-changelog's names, so rc.2's `Fixed` entry goes under it.
    #[test]
    fn a_heading_that_changes_the_vocabulary_names_the_entries_after_it() {
        let mut log = Changelog::parse(FILES[1]).expect("kept");
        log.fold_prereleases("1.1.0");
        assert!(
            log.render()
                .starts_with("## [Unreleased]\n\n### Bug Fixes\n\n- b\n- f\n\n## [1.1.0-rc.2]"),
            "{}",
            log.render()
        );
    }
}
