//! How a file writes the scope ahead of an entry's words: relhook's `**api:** x`,
//! commitizen's `**api**: x`, git-cliff's `*(api)* x` or cocogitto's `(**api**) x`. New
//! entries follow the style the newest scoped section's entries agree on (Unreleased, then
//! the newest releases), so a file another tool made does not change its look; entries compare in relhook's style (`normalize`), so one
//! written either way is the same entry. Only the marks around the scope are recognised:
//! the authors and hashes those tools add are the file's own, never copied.

use super::Changelog;
use super::parse::SectionKind;

/// A way of writing an entry's scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScopeStyle {
    /// relhook's own: `**api:** x`.
    #[default]
    Relhook,
    /// commitizen's: `**api**: x`.
    Commitizen,
    /// git-cliff's: `*(api)* x`.
    Cliff,
    /// cocogitto's: `(**api**) x`.
    Cocogitto,
    /// No scope: a file written by hand whose entries name none (poetry's), QA281.
    Bare,
}

/// relhook's first: its marks are the ones every other reading is checked against.
const STYLES: [ScopeStyle; 4] = [
    ScopeStyle::Relhook,
    ScopeStyle::Commitizen,
    ScopeStyle::Cliff,
    ScopeStyle::Cocogitto,
];

/// The mark of a breaking entry, ahead of its scope in every style.
const BREAKING: &str = "**BREAKING** ";

impl ScopeStyle {
    /// The marks before and after the scope (the space that ends them included).
    fn marks(self) -> (&'static str, &'static str) {
        match self {
            ScopeStyle::Relhook => ("**", ":** "),
            ScopeStyle::Commitizen => ("**", "**: "),
            ScopeStyle::Cliff => ("*(", ")* "),
            ScopeStyle::Cocogitto => ("(**", "**) "),
            ScopeStyle::Bare => ("", ""),
        }
    }

    /// `text` (relhook's style) with its scope in this style; as it is when it has none, or
    /// when the scope would not read back as the same (a `)* ` inside git-cliff's marks).
    pub fn apply(self, text: &str) -> String {
        let Some((ScopeStyle::Relhook, scope, rest)) = split(text) else {
            return text.to_owned();
        };
        let mark = if text.starts_with(BREAKING) {
            BREAKING
        } else {
            ""
        };
        if self == ScopeStyle::Bare {
            return format!("{mark}{rest}");
        }
        let (open, close) = self.marks();
        let styled = format!("{mark}{open}{scope}{close}{rest}");
        match split(&styled) {
            Some(read) if read == (self, scope, rest) => styled,
            _ => text.to_owned(),
        }
    }
}

/// `text` with its scope in relhook's style, whatever style it was written in.
pub(super) fn canonical(text: String) -> String {
    // Most entries have no scope: they are returned without a look at the marks.
    if !text.starts_with(['*', '(']) {
        return text;
    }
    match split(&text) {
        Some((style, scope, rest)) if style != ScopeStyle::Relhook => {
            let mark = if text.starts_with(BREAKING) {
                BREAKING
            } else {
                ""
            };
            format!("{mark}**{scope}:** {rest}")
        }
        _ => text,
    }
}

/// `text` as each style writes it, relhook's first, each once: what a word-for-word search
/// of a file for the entry looks for.
pub(super) fn spellings(text: &str) -> Vec<String> {
    let own = canonical(text.to_owned());
    let mut all = vec![own.clone()];
    for style in &STYLES[1..] {
        let styled = style.apply(&own);
        if !all.contains(&styled) {
            all.push(styled);
        }
    }
    all
}

/// The scope of `text` (marked breaking or not) and the words after it, in any style.
pub fn scoped(text: &str) -> Option<(&str, &str)> {
    split(text).map(|(_, scope, rest)| (scope, rest))
}

/// The style `text` writes its scope in, the scope, and the words after it. A scope is one
/// line, with no unescaped `*` (relhook escapes it: `**\*:** x`), and not the breaking mark.
fn split(text: &str) -> Option<(ScopeStyle, &str, &str)> {
    let text = text.strip_prefix(BREAKING).unwrap_or(text);
    STYLES.into_iter().find_map(|style| {
        let (open, close) = style.marks();
        let (scope, rest) = text.strip_prefix(open)?.split_once(close)?;
        let bare_star = scope
            .char_indices()
            .any(|(i, c)| c == '*' && !scope[..i].ends_with('\\'));
        let plain = !scope.is_empty()
            && scope.trim() == scope
            && !scope.contains('\n')
            && !bare_star
            && !scope.starts_with("BREAKING");
        plain.then_some((style, scope, rest))
    })
}

/// Whether entry line `line` ends as cocogitto's template ends one: ` - (abc1234) - author`,
/// or ` - ([abc1234](…)) - author` with a remote.
fn cocogitto_ending(line: &str) -> bool {
    if !line.starts_with("- ") {
        return false;
    }
    line.match_indices(" - (").any(|(i, m)| {
        let rest = &line[i + m.len()..];
        let rest = rest.strip_prefix('[').unwrap_or(rest);
        let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        hex >= 7 && rest[hex..].starts_with([')', ']']) && line[i..].contains(") - ")
    })
}

/// How many releases, newest first, are looked through for one with scoped entries: enough
/// for a few patch releases of unscoped fixes, not so many that an old style comes back.
pub(super) const RELEASES_LOOKED_AT: usize = 5;

impl Changelog {
    /// The style new entries write their scope in: the one every scoped entry of the newest
    /// section that has any agrees on (Unreleased, then the newest few releases), else
    /// relhook's own (no scoped entry there, or two styles in that section).
    /// A file with no scoped entry there written from cocogitto's default template (a package's
    /// changelog of unscoped entries) takes cocogitto's; else one whose newest entries read as
    /// a hand's (a full stop after each, poetry's) names no scope, as its entries do (QA281).
    pub fn scope_style(&self) -> ScopeStyle {
        self.decided_scope_style()
            .or_else(|| {
                self.of_cocogitto_template()
                    .then_some(ScopeStyle::Cocogitto)
            })
            .or_else(|| self.hand().full_stop.then_some(ScopeStyle::Bare))
            .unwrap_or_default()
    }

    /// Whether the file (as far as it was parsed) has the marks of cocogitto's default template:
    /// its `- - -` rule between releases, with its `#### Bug Fixes` sub-headings or its
    /// entries' ` - (abc1234) - author` ending. The rule alone is any Markdown file's.
    fn of_cocogitto_template(&self) -> bool {
        let text = || self.lines.iter().map(|l| l.text.as_str());
        let rule = text().any(|l| l.trim_end() == "- - -");
        rule && text().any(|l| l.starts_with("#### ") || cocogitto_ending(l))
    }

    /// [`Changelog::scope_style`], `None` when no section looked at has a scoped entry.
    pub(super) fn decided_scope_style(&self) -> Option<ScopeStyle> {
        // Unreleased first: what this file's newest entries already say (QA46: a breaking
        // entry beside `- **cli**: fix` came out `**cli:**`).
        let unreleased = self.doc.sections.iter().enumerate();
        let unreleased = unreleased.filter(|(_, s)| s.kind == SectionKind::Unreleased);
        let releases = self
            .doc
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s.kind, SectionKind::Release { .. }))
            .take(RELEASES_LOOKED_AT);
        for (i, _) in unreleased.take(1).chain(releases) {
            let entries = self.style_entries(i);
            let mut styles = entries.iter().filter_map(|e| split(&e.text).map(|s| s.0));
            if let Some(first) = styles.next() {
                return Some(if styles.all(|s| s == first) {
                    first
                } else {
                    ScopeStyle::Relhook
                });
            }
        }
        None
    }

    /// `text` (an entry in any style) as this file writes it: the Unreleased entry that is
    /// the same entry, else `text` with its scope in the file's style. What a message quotes,
    /// so that the quote is found in the file (`*(api)* x`, not relhook's `**api:** x`).
    pub fn as_written(&self, text: &str) -> String {
        let key = super::normalize(text);
        self.unreleased_entries()
            .into_iter()
            .find(|e| super::normalize(&e.text) == key)
            .map_or_else(
                || self.entry_style().apply(&canonical(text.to_owned())),
                |e| e.text,
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_style_reads_back_as_relhooks() {
        for (style, written) in [
            (ScopeStyle::Relhook, "**api:** add x"),
            (ScopeStyle::Commitizen, "**api**: add x"),
            (ScopeStyle::Cliff, "*(api)* add x"),
            (ScopeStyle::Cocogitto, "(**api**) add x"),
        ] {
            assert_eq!(style.apply("**api:** add x"), written);
            assert_eq!(canonical(written.to_owned()), "**api:** add x");
            let breaking = format!("**BREAKING** {written}");
            assert_eq!(style.apply("**BREAKING** **api:** add x"), breaking);
            assert_eq!(canonical(breaking), "**BREAKING** **api:** add x");
        }
        // No scope, or none relhook wrote: as it is.
        assert_eq!(ScopeStyle::Cliff.apply("add x"), "add x");
        assert_eq!(
            ScopeStyle::Cliff.apply("**BREAKING** add x"),
            "**BREAKING** add x"
        );
        assert_eq!(ScopeStyle::Cliff.apply("*(api)* x"), "*(api)* x");
        // Escaped stars are a scope's; a scope that would not read back stays relhook's.
        assert_eq!(ScopeStyle::Commitizen.apply("**\\*:** x"), "**\\***: x");
        assert_eq!(canonical("**\\***: x".to_owned()), "**\\*:** x");
        assert_eq!(ScopeStyle::Cliff.apply("**a)* b:** x"), "**a)* b:** x");
        // No scope where the file names none.
        assert_eq!(ScopeStyle::Bare.apply("**api:** add x"), "add x");
        assert_eq!(
            ScopeStyle::Bare.apply("**BREAKING** **api:** add x"),
            "**BREAKING** add x"
        );
        assert_eq!(ScopeStyle::Bare.apply("add x"), "add x");
    }

    #[test]
    fn an_entry_is_searched_for_in_every_style() {
        assert_eq!(
            spellings("*(api)* x"),
            ["**api:** x", "**api**: x", "*(api)* x", "(**api**) x"]
        );
        assert_eq!(spellings("x"), ["x"]);
    }

    #[test]
    fn bold_words_that_are_no_scope_stay_as_they_are() {
        for text in [
            "**vapor mode** is experimental",
            "**BREAKING**: drop v1",
            "**a**b**: x",
            "(**) x",
            "* (api)* x",
        ] {
            assert_eq!(canonical(text.to_owned()), text);
        }
    }

    /// QA44: a release with no scoped entry said nothing, and relhook's own style was taken
    /// although the releases below it agreed on one.
    #[test]
    fn the_newest_release_with_scoped_entries_decides_the_style() {
        let style = |text: &str| Changelog::parse(text).expect("parses").scope_style();
        let releases = |n: usize, older: &str| {
            let mut text = "## v2.0.0 (2026-02-01)\n\n### Fix\n\n- plain\n".to_owned();
            for i in 0..n {
                text.push_str(&format!(
                    "\n## v1.{i}.0 (2026-01-01)\n\n### Fix\n\n- plain\n"
                ));
            }
            text.push_str(&format!("\n## v0.1.0 (2025-01-01)\n\n### Fix\n\n{older}\n"));
            text
        };
        assert_eq!(style(&releases(0, "- **a**: x")), ScopeStyle::Commitizen);
        assert_eq!(style(&releases(3, "- *(a)* x")), ScopeStyle::Cliff);
        // Mixed there: relhook's own, not a style from further down.
        assert_eq!(
            style(&releases(1, "- **a**: x\n- *(b)* y")),
            ScopeStyle::Relhook
        );
        // Too far back to say how the file writes now.
        assert_eq!(style(&releases(4, "- **a**: x")), ScopeStyle::Relhook);
        assert_eq!(style(&releases(0, "- plain")), ScopeStyle::Relhook);
    }

    /// QA44: messages quoted entries in relhook's style in a file that writes them another way.
    #[test]
    fn an_entry_is_quoted_as_the_file_writes_it() {
        let log = Changelog::parse(
            "## [Unreleased]\n\n- *(a)*   one\n\n## [1.0.0] - 2024-01-01\n\n- *(z)* old\n",
        )
        .expect("parses");
        // The file's own entry, its spacing and all; one it lacks in its style.
        assert_eq!(log.as_written("**a:** one"), "*(a)*   one");
        assert_eq!(log.as_written("**c:** three"), "*(c)* three");
        assert_eq!(log.as_written("(**c**) three"), "*(c)* three");
        assert_eq!(log.as_written("plain"), "plain");
    }

    #[test]
    fn the_newest_release_decides_the_style() {
        let style = |text: &str| Changelog::parse(text).expect("parses").scope_style();
        let file = |newest: &str| {
            format!(
                "# Changelog\n\n## [Unreleased]\n\n- u\n\n## [1.1.0] - 2026-01-02\n\n### Fixed\n\n{newest}\n## [1.0.0] - 2026-01-01\n\n- **old**: y\n"
            )
        };
        assert_eq!(
            style(&file("- **a**: x\n- plain\n- **b**: y\n")),
            ScopeStyle::Commitizen
        );
        assert_eq!(style(&file("- *(a)* X\n")), ScopeStyle::Cliff);
        assert_eq!(
            style(&file("- (**a**) x - (abc1234) - someone\n")),
            ScopeStyle::Cocogitto
        );
        // Two styles: relhook's own.
        assert_eq!(style(&file("- **a**: x\n- *(b)* y\n")), ScopeStyle::Relhook);
        // QA44: no scope in the newest release: the release below it that has one decides.
        assert_eq!(style(&file("- plain\n")), ScopeStyle::Commitizen);
        // QA46: Unreleased's scoped entries are the newest, and decide first.
        assert_eq!(
            style("# Changelog\n\n## [Unreleased]\n\n- **a**: x\n"),
            ScopeStyle::Commitizen
        );
        let unreleased = file("- *(a)* X\n").replace("- u\n", "- u\n- **u**: v\n");
        assert_eq!(style(&unreleased), ScopeStyle::Commitizen);
        assert_eq!(
            style("## [Unreleased]\n\n- **a:** x\n- *(b)* y\n"),
            ScopeStyle::Relhook
        );
    }
}
