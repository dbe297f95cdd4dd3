//! How a file links an entry's issue references: conventional-changelog's `([#12](https://
//! github.com/o/r/issues/12))` in vue's and commitlint's files. New entries follow the
//! newest entry that has a reference (Unreleased, then the newest releases, as the scope style
//! looks), so a clone whose remote names no known forge (a mirror, a path) still links like
//! the file, under the file's own address. With no linked reference there, an entry is
//! written as the remote made it (linked on a known forge, else bare).

use super::Changelog;
use super::entry::unlink_references;
use super::parse::SectionKind;

/// The look of a new entry in a file: its scope's marks and its issue links.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntryStyle {
    /// The marks around its scope.
    pub scope: super::ScopeStyle,
    /// The address a reference's number follows (`https://github.com/o/r/issues/`), taken
    /// from the file's newest linked reference; `None`: entries stay as made.
    issues: Option<String>,
}

impl EntryStyle {
    /// `text` (relhook's style, linked to the remote's forge or bare) as the file writes it.
    /// Only the first line is the entry's words; a breaking note quoted below it stays as is.
    pub fn apply(&self, text: &str) -> String {
        let scoped = self.scope.apply(text);
        let Some(prefix) = &self.issues else {
            return scoped;
        };
        if !scoped.contains('#') {
            return scoped;
        }
        let (first, rest) = scoped.split_at(scoped.find('\n').unwrap_or(scoped.len()));
        let bare = unlink_references(first);
        super::entry::link_references_to(&bare, prefix) + rest
    }
}

impl Changelog {
    /// The style new entries are written in: the scope's (`scope_style`) and the issue links
    /// the newest entry with a reference uses.
    pub fn entry_style(&self) -> EntryStyle {
        EntryStyle {
            scope: self.scope_style(),
            issues: self.decided_issue_links().flatten(),
        }
    }

    /// The newest reference's link address: `Some(None)` when it is bare, `None` when no
    /// section looked at names an issue.
    pub(super) fn decided_issue_links(&self) -> Option<Option<String>> {
        let unreleased = self.doc.sections.iter().enumerate();
        let unreleased = unreleased.filter(|(_, s)| s.kind == SectionKind::Unreleased);
        let releases = (self.doc.sections.iter().enumerate())
            .filter(|(_, s)| matches!(s.kind, SectionKind::Release { .. }))
            .take(super::scope_style::RELEASES_LOOKED_AT);
        for (i, _) in unreleased.take(1).chain(releases) {
            for e in self.section_entries(i) {
                let first = e.text.lines().next().unwrap_or("");
                if let Some(prefix) = issue_numbers_linked(first).into_iter().next() {
                    return Some(Some(prefix));
                }
                if super::entry::names_issue(first) {
                    return Some(None);
                }
            }
        }
        None
    }
}

/// Whether a line of the releases at the top of `tail` (those the style looks through) may
/// hold a linked reference: a false yes costs a whole parse only.
pub(super) fn linked_reference_near(tail: &str) -> bool {
    tail.lines()
        .filter_map(super::parse::bullet_body)
        .any(|body| !issue_numbers_linked(body).is_empty())
}

/// The addresses the linked references of `text` put their number after, in order
/// (`https://github.com/o/r/issues/` of `[#12](https://github.com/o/r/issues/12)`).
fn issue_numbers_linked(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("[#") {
        let after = &rest[i + 2..];
        let digits = &after[..after.bytes().take_while(u8::is_ascii_digit).count()];
        let url = after[digits.len()..]
            .strip_prefix("](")
            .and_then(|t| t.get(..t.find(')')?));
        if let Some(prefix) = url
            .filter(|u| !digits.is_empty() && !u.contains([' ', '<', '>', '(']))
            .and_then(|u| u.strip_suffix(digits))
            .filter(|p| p.ends_with('/') && p.contains("://"))
        {
            out.push(prefix.to_owned());
        }
        rest = after;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(text: &str) -> EntryStyle {
        Changelog::parse(text).unwrap().entry_style()
    }

    #[test]
    fn new_references_link_as_the_files_do() {
        let file = "# C\n\n## [Unreleased]\n\n## [1.0.0](u) (2024-01-01)\n\n### Bug Fixes\n\n* a ([#4](https://github.com/o/r/issues/4)) ([f571](https://github.com/o/r/commit/f571))\n";
        let s = style(file);
        assert_eq!(
            s.apply("x (#12)"),
            "x ([#12](https://github.com/o/r/issues/12))"
        );
        // Linked to another address (a fork's remote): the file's.
        assert_eq!(
            s.apply("x ([#12](https://github.com/me/r/issues/12))"),
            "x ([#12](https://github.com/o/r/issues/12))"
        );
        assert_eq!(s.apply("x\n> #3 y"), "x\n> #3 y");
        // Bare references, or none: entries stay as made.
        let bare = file.replace("([#4](https://github.com/o/r/issues/4))", "(#4)");
        assert_eq!(style(&bare).apply("x (#12)"), "x (#12)");
        let none = file.replace("([#4](https://github.com/o/r/issues/4))", "");
        assert_eq!(style(&none).apply("x (#12)"), "x (#12)");
    }
}
