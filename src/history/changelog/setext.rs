//! Setext headings: a paragraph line underlined with `===` (level 1) or `---` (level 2), as
//! Express's History.md heads its releases (`1.0.0 / 2020-01-01` over `===`). relhook reads
//! only `#` headings, so one that heads a release (or Unreleased) is refused with the `## `
//! line to write: read as text, its release would sit inside the section above it and be
//! released again with the next version. Any other is named in the hint for a file that has
//! no `## ` section.

use super::ParseError;
use super::heading::{names_version, parse_heading};
use super::lex;
use super::parse::{SectionKind, version_key};

/// The character of `under` when it underlines a paragraph line into a setext heading: only
/// `=`s or only `-`s (no blanks among them: `- - -` is a thematic break), indented at most 3
/// spaces.
pub(super) fn underline(under: &str) -> Option<char> {
    let under = under.trim_end();
    let rule = under.trim_start_matches(' ');
    let mark = rule.chars().next()?;
    let ok = under.len() - rule.len() <= 3
        && (mark == '=' || mark == '-')
        && rule.chars().all(|c| c == mark);
    ok.then_some(mark)
}

/// The refusal of paragraph line `i`, `t`, underlined with `mark`, when the heading it makes
/// heads a release or Unreleased.
pub(super) fn refusal(i: usize, t: &str, mark: char) -> Option<ParseError> {
    let text = t.trim();
    let line = release_line(text)?;
    let n = i + 1;
    let fix = format!("write lines {n} and {} as the one line `{line}`", n + 1);
    Some(ParseError {
        line: n,
        message: format!(
            "`{text}` underlined with `{mark}` is a setext heading, and relhook reads only `## ` release headings: {fix}"
        ),
        fix: Some(fix),
    })
}

/// The `## ` line that heads what setext heading `text` heads, when that is a release or
/// Unreleased: `text` itself when relhook reads it after `## `, else its leading version with
/// the date in it, in Keep a Changelog's form (`1.0.0 / 2020-01-01`: `## [1.0.0] - 2020-01-01`).
fn release_line(text: &str) -> Option<String> {
    let written = format!("## {text}");
    match parse_heading(0, &written) {
        Ok(SectionKind::Unreleased) => return Some("## [Unreleased]".to_string()),
        Ok(SectionKind::Release { .. }) => return Some(written),
        Err(_) => {}
    }
    let (token, version) = leading_version(text)?;
    let label = if token.starts_with('[') {
        token.to_string()
    } else {
        format!("[{}]", version_key(version))
    };
    let after = &text[token.len()..];
    let mut words = after.split(|c: char| c.is_whitespace() || "()[]/,;".contains(c));
    Some(match words.find(|w| lex::is_date(w)) {
        Some(date) => format!("## {label} - {date}"),
        None => format!("## {label}"),
    })
}

/// The version `text` starts with, and the text naming it (`v1.0.0`, `[1.0.0]`, the link
/// `[1.0.0](https://…)`).
fn leading_version(text: &str) -> Option<(&str, &str)> {
    if let Some(inner) = text.strip_prefix('[') {
        let close = inner.find(']')?;
        let version = &inner[..close];
        let link = inner[close + 1..]
            .strip_prefix('(')
            .and_then(|url| url.find(')'))
            .map_or(0, |end| end + 2);
        let token = &text[..close + 2 + link];
        return names_version(version).then_some((token, version));
    }
    let end = text
        .find(|c: char| c.is_whitespace() || "(,:;".contains(c))
        .unwrap_or(text.len());
    let version = &text[..end];
    names_version(version).then_some((version, version))
}

/// The words that tell a file's setext headings to be written as `#` lines, naming the first:
/// line `i` (0-based), `t`, underlined with `mark`.
pub(super) fn convert_hint(i: usize, t: &str, mark: char) -> String {
    let hashes = if mark == '=' { "#" } else { "##" };
    format!(
        "write each setext heading (a line underlined with `===` or `---`) as a `#` heading (lines {} and {} as `{hashes} {}`)",
        i + 1,
        i + 2,
        t.trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(t: &str, under: &str) -> Option<String> {
        refusal(3, t, underline(under)?).and_then(|e| e.fix)
    }

    /// Only an underlined line that heads a release is refused, with the one line to write:
    /// as written when relhook reads it after `## `, else in Keep a Changelog's form.
    #[test]
    fn setext_release_headings_only_are_refused() {
        let lines = |l: &str| Some(format!("write lines 4 and 5 as the one line `{l}`"));
        for (t, under, want) in [
            (
                "[1.0.0](https://x/1.0.0) - 2020-01-01",
                "---",
                "## [1.0.0](https://x/1.0.0) - 2020-01-01",
            ),
            ("v2.0.0", "   ===== ", "## v2.0.0"),
            ("1.0.0 / 2020-01-01", "===", "## [1.0.0] - 2020-01-01"),
            ("v1.0.0 / 2020-01-01", "-", "## [1.0.0] - 2020-01-01"),
            ("1.0.0 (2020-01-01)", "---", "## 1.0.0 (2020-01-01)"),
            ("[v1.0.0] / 2020-01-01", "---", "## [v1.0.0] - 2020-01-01"),
            (
                "[1.0.0](https://x/1.0.0) / 2020-01-01",
                "---",
                "## [1.0.0](https://x/1.0.0) - 2020-01-01",
            ),
            (
                "1.0.0-rc.1 / 2020-01-01",
                "===",
                "## [1.0.0-rc.1] - 2020-01-01",
            ),
            ("1.0.0: the first", "===", "## [1.0.0]"),
            ("Version 1.2.3", "---", "## Version 1.2.3"),
            ("unreleased", "==========", "## [Unreleased]"),
            ("[Unreleased]", "---", "## [Unreleased]"),
        ] {
            assert_eq!(fix(t, under), lines(want), "{t:?} {under:?}");
        }
        for (t, under) in [
            ("Changelog", "========="),
            ("Some prose.", "---"),
            ("1.0 / 2020-01-01", "==="),
            ("1.0.0", "- a"),
            ("1.0.0", "- - -"),
            ("1.0.0", "    ---"),
            ("1.0.0", "==-"),
            ("1.0.0", ""),
            ("2020-01-01", "---"),
            ("Released 1.0.0 today", "---"),
        ] {
            assert_eq!(fix(t, under), None, "{t:?} {under:?}");
        }
    }
}
