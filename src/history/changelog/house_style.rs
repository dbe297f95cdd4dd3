//! What a file's own entries say of the look of new ones beyond their scope and links: the
//! breaking mark (git-cliff's `*(api)* [**breaking**] x`, as its file and `cliff.toml` write
//! it, or relhook's `**BREAKING** **api:** x`), and the hand of a file written by people
//! (poetry's `- Fix an issue where x ([#1](…/pull/1)).`: a capital, a full stop). And which
//! entries tell: not the bullets of a part a tool wrote into a release (git-cliff's
//! `## New Contributors ❤️`), which are no change's.

use super::Changelog;
use super::parse::SectionKind;

/// git-cliff's breaking mark, after the scope (`*(api)* [**breaking**] x`).
const CLIFF_MARK: &str = "[**breaking**]";

/// How many entries of a section tell its hand at least, and how many in four of them must
/// agree: a file of one entry, or of mixed hands, keeps relhook's own. One is no evidence
/// (QA292): a first release of `- Initial release.` is most projects' whatever their hand.
const HAND_AT_LEAST: usize = 2;

impl Changelog {
    /// The entries of section `idx` that tell how new entries look: all but the bullets of a
    /// part a tool or a hand wrote into a release under a `## ` heading that names no group
    /// of changes (git-cliff's `## New Contributors ❤️`, each a pull request linked as
    /// `/pull/`, QA271).
    pub(super) fn style_entries(&self, idx: usize) -> Vec<super::Entry> {
        let entries = self.section_entries(idx);
        let Some(section) = self.doc.sections.get(idx) else {
            return entries;
        };
        let part = |sub: &&super::parse::Sub| {
            (sub.heading.and_then(|h| self.lines.get(h))).is_some_and(|l| {
                l.text.starts_with("## ") && !super::heading::names_change_group(&l.text)
            })
        };
        let parts: Vec<usize> = (section.subs.iter().filter(part))
            .flat_map(|sub| sub.entries.iter().map(|e| e.start + 1))
            .collect();
        if parts.is_empty() {
            return entries;
        }
        entries
            .into_iter()
            .filter(|e| !parts.contains(&e.line))
            .collect()
    }

    /// New breaking entries take git-cliff's mark where the project's `cliff.toml` template
    /// writes it (`yes`), unless the file's newest breaking entry says otherwise.
    pub fn set_cliff_breaking(&mut self, yes: bool) {
        self.cliff_breaking = yes;
    }

    /// Whether new breaking entries take git-cliff's mark: as the newest breaking entry of
    /// Unreleased and the newest release has it, else as the template writes it.
    pub(super) fn cliff_breaking(&self) -> bool {
        let newest = self.newest_lines().into_iter().find_map(|line| {
            let relhooks = line.starts_with("**BREAKING**");
            let cliffs = line.contains(CLIFF_MARK) && super::cliff_marked(&line);
            (relhooks || cliffs).then_some(cliffs)
        });
        newest.unwrap_or(self.cliff_breaking)
    }

    /// The first lines of the entries of Unreleased and the newest release: the part of the
    /// file post-commit always reads, so a long file's head tells as the whole file does.
    fn newest_lines(&self) -> Vec<String> {
        let unreleased = self.doc.sections.iter().enumerate();
        let unreleased = unreleased.filter(|(_, s)| s.kind == SectionKind::Unreleased);
        let newest = self.doc.sections.iter().enumerate();
        let newest = newest.filter(|(_, s)| matches!(s.kind, SectionKind::Release { .. }));
        (unreleased.take(1).chain(newest.take(1)))
            .flat_map(|(i, _)| self.style_entries(i))
            .map(|e| e.text.lines().next().unwrap_or("").trim().to_owned())
            .collect()
    }

    /// The hand of the file's newest entries ([`Changelog::newest_lines`]) that link no
    /// commit (a tool's do): whether they end with a full stop, and whether they start with
    /// a capital.
    pub(super) fn hand(&self) -> Hand {
        let mut lines = self.newest_lines();
        lines.retain(|l| !l.is_empty() && !super::link_style::commit_link_in(l));
        let agreed = |votes: Vec<bool>| {
            let yes = votes.iter().filter(|&&v| v).count();
            votes.len() >= HAND_AT_LEAST && yes * 4 >= votes.len() * 3
        };
        // Each tells on its own (QA292): capitals without a full stop are a hand's too (`-
        // Fix the parser`), or git-cliff's `upper_first` in a file it links no commit in,
        // which writes them so as well.
        let full_stop = agreed(lines.iter().map(|l| l.ends_with('.')).collect());
        let capitals = lines
            .iter()
            .filter_map(|l| super::tool_marks::starts_upper(l));
        Hand {
            capital: agreed(capitals.collect()),
            full_stop,
        }
    }
}

/// The hand of a file's newest entries ([`Changelog::hand`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Hand {
    /// Their words start with a capital (`Fix an issue …`).
    pub capital: bool,
    /// Their first line ends with a full stop.
    pub full_stop: bool,
}

/// `text` (its scope already in the file's style) with git-cliff's breaking mark after the
/// scope in place of relhook's before it: `*(api)* [**breaking**] x`, `[**breaking**] x`; as
/// it is where it has no mark or the result would not read back as breaking.
pub(super) fn with_cliff_mark(text: &str) -> String {
    let Some(rest) = text.strip_prefix("**BREAKING** ") else {
        return text.to_owned();
    };
    let at = super::scoped(rest).map_or(0, |(_, words)| rest.len() - words.len());
    let marked = format!("{}{CLIFF_MARK} {}", &rest[..at], &rest[at..]);
    match super::cliff_marked(&marked) {
        true => marked,
        false => text.to_owned(),
    }
}

/// `text` with a full stop at the end of its first line (the entry's words; a breaking note
/// quoted below stays as is), where that line ends with none (nor `!`, `?`, `:`).
pub(super) fn with_full_stop(text: &str) -> String {
    let (first, rest) = text.split_at(text.find('\n').unwrap_or(text.len()));
    let words = first.trim_end();
    if words.is_empty() || words.ends_with(['.', '!', '?', ':']) {
        return text.to_owned();
    }
    format!("{words}.{}{rest}", &first[words.len()..])
}

/// The words of `text` joined by single spaces, without the full stop after them
/// ([`without_full_stop`]): what [`super::normalize`] starts from.
pub(super) fn words_joined(text: &str) -> String {
    let words = without_full_stop(text);
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` without the full stop its first line (the entry's words) or its last line ends
/// with: a file written by hand ends its entries so, the commit's own has none, and they are
/// the same entry. An ellipsis is words.
pub(super) fn without_full_stop(text: &str) -> std::borrow::Cow<'_, str> {
    let stop = |t: &str| t.ends_with('.') && !t.ends_with("..");
    let first = text.find('\n').map_or(text, |at| &text[..at]).trim_end();
    if stop(first) {
        let mut out = String::with_capacity(text.len());
        out.push_str(&first[..first.len() - 1]);
        out.push_str(&text[first.len()..]);
        return out.into();
    }
    let last = text.trim_end();
    match stop(last) && text.contains('\n') {
        true => last[..last.len() - 1].to_owned().into(),
        false => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_breaking_mark_moves_after_the_scope() {
        assert_eq!(
            with_cliff_mark("**BREAKING** *(api)* Drop v1"),
            "*(api)* [**breaking**] Drop v1"
        );
        assert_eq!(
            with_cliff_mark("**BREAKING** Drop v1"),
            "[**breaking**] Drop v1"
        );
        assert_eq!(with_cliff_mark("*(api)* Drop v1"), "*(api)* Drop v1");
    }

    #[test]
    fn a_full_stop_ends_the_words_once() {
        assert_eq!(with_full_stop("x (#1)"), "x (#1).");
        assert_eq!(with_full_stop("x (#1).\n> note"), "x (#1).\n> note");
        assert_eq!(with_full_stop("x\n> note"), "x.\n> note");
        assert_eq!(with_full_stop("why?"), "why?");
        assert_eq!(without_full_stop("x (#1)."), "x (#1)");
        assert_eq!(without_full_stop("x.\n> note"), "x\n> note");
        assert_eq!(without_full_stop("x\nwrapped."), "x\nwrapped");
        assert_eq!(without_full_stop("and so on..."), "and so on...");
    }

    #[test]
    fn the_hand_is_the_newest_entries_that_link_no_commit() {
        let hand = |entries: &str| {
            let text = format!(
                "## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Fixed\n\n{entries}\n## [0.1.0] - 2023-01-01\n\n- Old one.\n- Old two.\n"
            );
            Changelog::parse(&text).unwrap().hand()
        };
        let both = Hand {
            capital: true,
            full_stop: true,
        };
        assert_eq!(hand("- Fix x ([#1](u/pull/1)).\n- Add `y`.\n"), both);
        // One entry tells nothing (a release of `- Initial release.` is most projects'
        // first); mixed hands keep relhook's; a tool's linked commits, none; capitals tell
        // without the full stop (QA292).
        assert_eq!(hand("- Fix x.\n"), Hand::default());
        let capital = Hand {
            capital: true,
            full_stop: false,
        };
        assert_eq!(hand("- Fix x\n- Add y\n"), capital);
        assert_eq!(hand("- Fix x.\n- fix y\n"), Hand::default());
        let linked = "- Fix x - ([abc1234](https://h/o/r/commit/abc1234))\n";
        assert_eq!(hand(&linked.repeat(3)), Hand::default());
    }
}
