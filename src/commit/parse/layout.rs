//! Where the footers and breaking-change notes are in a message's lines ([`Layout`]), its
//! paragraphs, and the footer tokens that start them.

use std::ops::Range;

/// Where, in a message's lines, the footers and the breaking-change notes are. Line 0 is the
/// header; ranges are line indexes, end exclusive.
///
/// * The **footer block** is the last paragraph when its first line is a footer
///   (`Token: value`, `Token #value`, `BREAKING CHANGE: value`) and every line of it is a
///   footer or a continuation.
/// * A **breaking-change note** is a line that starts, at column 0, with `BREAKING CHANGE:` or
///   `BREAKING-CHANGE:`, wherever it is after the header (as conventional-changelog,
///   semantic-release and commitlint read it). Its text runs on, across blank lines, lists
///   and code fences, until the next line or paragraph that starts with a footer token
///   (`Closes #12`, `Signed-off-by: …`) or the message ends: the spec's "a footer's value
///   ends at the next token".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The footer block, if any.
    pub footers: Option<Range<usize>>,
    /// Each breaking-change note: the lines of its text (the first is the token's line).
    pub breaking: Vec<Range<usize>>,
}

impl Layout {
    /// Reads the layout of a cleaned message's lines.
    pub fn of(lines: &[&str]) -> Layout {
        let paragraphs = paragraphs(lines);
        let footer_paragraph = |p: &Range<usize>| {
            p.start > 0
                && footer_token(lines[p.start]).is_some()
                && lines[p.start..p.end].iter().all(|l| {
                    footer_token(l).is_some() || l.starts_with([' ', '\t']) || !l.contains(": ")
                })
        };
        let mut footers = paragraphs.last().filter(|p| footer_paragraph(p)).cloned();
        // git's trailers (`git commit -s`, `--trailer`) go in a paragraph of their own after
        // the footers the message had (`Fixes #9`): those paragraphs are footers too.
        if let Some(block) = footers
            .as_mut()
            .filter(|b| trailer_block(&lines[b.start..b.end]))
        {
            for p in paragraphs.iter().rev().skip(1) {
                if !footer_paragraph(p) {
                    break;
                }
                block.start = p.start;
            }
        }
        let mut breaking = Vec::new();
        let mut i = 1;
        while i < lines.len() {
            if breaking_token(lines[i]).is_none() {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            let mut j = i + 1;
            while j < lines.len() {
                let l = lines[j];
                if footer_token(l).is_some() {
                    break;
                }
                if !l.trim().is_empty() {
                    end = j + 1;
                }
                j += 1;
            }
            breaking.push(start..end);
            i = j;
        }
        Layout { footers, breaking }
    }

    /// Whether line `i` is part of the footer block or of a breaking-change note.
    pub fn is_footer_line(&self, i: usize) -> bool {
        self.footers.as_ref().is_some_and(|f| f.contains(&i))
            || self.breaking.iter().any(|b| b.contains(&i))
    }
}

/// Ranges of non-blank lines, skipping the header's line 0.
pub fn paragraphs(lines: &[&str]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate().skip(1) {
        match (line.trim().is_empty(), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lines.len());
    }
    out
}

/// A paragraph of git trailers: every line `Token: value` (as `git interpret-trailers`
/// writes them), or the continuation of one.
fn trailer_block(lines: &[&str]) -> bool {
    lines.iter().all(|l| {
        l.starts_with([' ', '\t'])
            || footer_token(l).is_some_and(|(t, _)| l[t.len()..].starts_with(':'))
    })
}

/// `BREAKING CHANGE:` / `BREAKING-CHANGE:` at column 0: the token and the rest of the line.
pub fn breaking_token(line: &str) -> Option<(&str, &str)> {
    ["BREAKING CHANGE", "BREAKING-CHANGE"].iter().find_map(|t| {
        line.strip_prefix(t)
            .and_then(|r| r.strip_prefix(':'))
            .map(|v| (*t, v))
    })
}

/// A footer line: `Token: value`, `Token #value` or `BREAKING CHANGE: value`; the token and
/// the value after the separator (its leading space kept, so lint can judge it).
pub fn footer_token(line: &str) -> Option<(&str, &str)> {
    if let Some(b) = breaking_token(line) {
        return Some(b);
    }
    let end = line.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))?;
    if end == 0 {
        return None;
    }
    let rest = &line[end..];
    if let Some(value) = rest.strip_prefix(':') {
        // `https://…` and a Rust or C++ path (`commit::vocab holds…`) open a body line.
        if !value.starts_with("//") && !value.starts_with(':') {
            return Some((&line[..end], value));
        }
    }
    rest.strip_prefix(" #").map(|v| (&line[..end], v))
}
