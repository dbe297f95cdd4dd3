//! Whether a changelog already has an entry, asked of every commit by post-commit: word for
//! word first (no copy of an entry), and through [`normalize`] only for the few entries a
//! link or another tool's marks keep from reading the same word for word.

use super::parse::SectionKind;
use super::{Changelog, normalize, scope_style};

impl Changelog {
    /// Whether an entry whose text normalises (see [`normalize`]) to the same as `text` is in
    /// Unreleased (`unreleased_only`) or anywhere in the file. One pass, no copy of an entry:
    /// post-commit asks this on every commit, whatever the file's size.
    pub fn contains_entry(&self, text: &str, unreleased_only: bool) -> bool {
        // Its scope written as the file's tool writes scopes (`**api**: x`) is the same entry.
        let texts = scope_style::spellings(text);
        let found = self
            .doc
            .sections
            .iter()
            .filter(|s| !unreleased_only || s.kind == SectionKind::Unreleased)
            .flat_map(|s| s.subs.iter().flat_map(|sub| sub.entries.iter()))
            .any(|e| {
                let words = |t: &String| self.entry_words(e.start, e.end).eq(t.split_whitespace());
                texts.iter().any(words)
                    || self.same_when_unlinked(e.start..e.end, text)
                    || self.same_but_for_tool_marks(e.start..e.end, &texts, text)
                    || self.cliff_authored(e.start..e.end, text)
            });
        // A file that names no scope wrote a scoped commit's entry without it (QA281): that
        // entry is this one. The file's style is read only where the words without the scope
        // are found.
        found
            || scope_style::scoped(text).is_some() && {
                let own = scope_style::canonical(text.to_owned());
                let bare = scope_style::ScopeStyle::Bare.apply(&own);
                bare != own
                    && self.contains_entry(&bare, unreleased_only)
                    && self.scope_style() == scope_style::ScopeStyle::Bare
            }
    }

    /// Whether the entry on `lines` reads as `text` once another tool's capital and trailing
    /// hash or author are left out (`normalize`): asked only of an entry that starts with
    /// `text`'s words in any case, so the common miss costs no copy.
    fn same_but_for_tool_marks(
        &self,
        lines: std::ops::Range<usize>,
        spellings: &[String],
        text: &str,
    ) -> bool {
        let same = |a: &str, b: &str| {
            let lower = |w: &str| w.chars().flat_map(char::to_lowercase).collect::<Vec<_>>();
            a == b || lower(a) == lower(b)
        };
        let starts = |t: &String| {
            let mut entry = self.entry_words(lines.start, lines.end);
            t.split_whitespace()
                .all(|w| entry.next().is_some_and(|e| same(e, w)))
        };
        spellings.iter().any(starts)
            && normalize(&self.entry_text(lines.start, lines.end)) == normalize(text)
    }

    /// Whether the entry on `lines` is `text` as git-cliff writes it with a lone author
    /// (`Add x by @ann`, see [`super::cliff_authored`]): asked only of an entry with ` by @`.
    fn cliff_authored(&self, lines: std::ops::Range<usize>, text: &str) -> bool {
        let entry = self.lines.get(lines.clone()).unwrap_or(&[]);
        entry.iter().any(|l| l.text.contains(" by @"))
            && super::cliff_authored(&self.entry_text(lines.start, lines.end), text)
    }

    /// Whether the entry on `lines` reads as `text` once issue links are undone (`normalize`):
    /// asked only where either has a link, which word-for-word comparison cannot see through.
    fn same_when_unlinked(&self, lines: std::ops::Range<usize>, text: &str) -> bool {
        let linked = |t: &str| t.contains("[#");
        let entry = self.lines.get(lines.clone()).unwrap_or(&[]);
        (linked(text) || entry.iter().any(|l| linked(&l.text)))
            && normalize(&self.entry_text(lines.start, lines.end)) == normalize(text)
    }
}
