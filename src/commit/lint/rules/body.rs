//! The rules for the lines after the header: the blank separator, footers, breaking-change
//! notes and their near misses, and line lengths.

use super::finding;
use crate::commit::lint::{Rule, Sink};
use crate::commit::parse;

/// Lines after the header: blank separator, footers, breaking-change near misses, lengths.
pub(super) fn check_rest(sink: &mut Sink<'_>) {
    let lines: Vec<&str> = sink.cleaned.text.lines().collect();
    if lines.len() < 2 {
        return;
    }
    if !lines[1].trim().is_empty() {
        sink.push(finding(Rule::BodyLeadingBlank, 1, 0..lines[1].len().max(1), "the body must be separated from the header by one blank line".into())
            .help("insert an empty line after the header; otherwise git shows these lines as part of the subject"));
    }
    // The one reading of where footers and breaking-change notes are (`parse::Layout`), so
    // that what lint accepts as breaking is what version and changelog count as breaking.
    let layout = parse::Layout::of(&lines);
    for (i, line) in lines.iter().enumerate().skip(1) {
        let in_block = layout.footers.as_ref().is_some_and(|p| p.contains(&i));
        let starts_note = layout.breaking.iter().any(|b| b.start == i);
        if in_block || starts_note {
            check_footer_line(sink, i, line, &layout);
        }
        check_breaking_near_miss(sink, i, line, lines.get(i + 1..).unwrap_or(&[]));
        let (rule, max) = if layout.is_footer_line(i) {
            (
                Rule::FooterMaxLineLength,
                sink.config.footer_max_line_length,
            )
        } else {
            (Rule::BodyMaxLineLength, sink.config.body_max_line_length)
        };
        check_line_length(sink, rule, max, i, line);
    }
}

fn check_footer_line(sink: &mut Sink<'_>, i: usize, line: &str, layout: &parse::Layout) {
    let Some((token, value)) = parse::footer_token(line) else {
        return;
    };
    let sep_at = token.len();
    if line[sep_at..].starts_with(':') && !value.starts_with(' ') && !value.is_empty() {
        let fixed = format!("{token}: {value}");
        sink.push(
            finding(
                Rule::FooterFormat,
                i,
                sep_at + 1..sep_at + 2,
                format!("expected a space after `{token}:`"),
            )
            .expected("`Token: value` or `Token #value`")
            .suggest(Some(fixed)),
        );
    }
    // A note's text may continue on the next lines and paragraphs; only a note with no text
    // at all (whitespace is none) is refused.
    let note_has_text = layout
        .breaking
        .iter()
        .find(|b| b.start == i)
        .is_some_and(|b| b.end > i + 1);
    if token.starts_with("BREAKING") && value.trim().is_empty() && !note_has_text {
        sink.push(
            finding(
                Rule::FooterFormat,
                i,
                0..line.len().max(1),
                format!("`{token}:` needs a description of what breaks"),
            )
            .expected(format!("`{token}: <what changed and what users must do>`")),
        );
    }
}

/// `below`: the lines below, whose first text a bare `BREAKING CHANGE` heading's is (on the
/// next line, or the first of the paragraph after a blank line).
fn check_breaking_near_miss(sink: &mut Sink<'_>, i: usize, line: &str, below: &[&str]) {
    let trimmed = line.trim_start();
    let lower = trimmed.to_lowercase();
    let Some(rest_at) = [
        "breaking changes",
        "breaking change",
        "breaking-changes",
        "breaking-change",
        "breaking_change",
    ]
    .iter()
    .find(|p| lower.starts_with(**p))
    .map(|p| p.len()) else {
        return;
    };
    if parse::breaking_token(line).is_some() {
        // At column 0 it is a breaking-change note wherever it is (see `parse::Layout`).
        return;
    }
    let exact = trimmed.starts_with("BREAKING CHANGE:") || trimmed.starts_with("BREAKING-CHANGE:");
    // conventional-commits-parser (commitlint's, semantic-release's) takes the uppercase
    // keyword followed by `:` or a space, anywhere after leading spaces; not `BREAKING
    // CHANGES` or another case.
    let peers_would = ["BREAKING CHANGE", "BREAKING-CHANGE"].iter().any(|k| {
        trimmed
            .strip_prefix(k)
            .is_some_and(|r| r.starts_with(|c: char| c == ':' || c.is_whitespace()))
    });
    let why = if exact {
        "a `BREAKING CHANGE:` note must start at the beginning of its line; indented, it is body text, so the change is not marked breaking".to_owned()
    } else {
        format!(
            "this looks like a breaking-change note but is not the spec's uppercase `BREAKING CHANGE: ` footer, so relhook does not treat the change as breaking{}",
            if peers_would {
                " (commitlint and semantic-release would)"
            } else {
                ""
            }
        )
    };
    let rest = trimmed
        .get(rest_at..)
        .unwrap_or("")
        .trim_start_matches([':', ' ']);
    let lead = line.len() - trimmed.len();
    // A bare heading (`BREAKING CHANGE` with the text on the lines below): the suggestion
    // takes the text below, so that it is not an empty note (itself an error); with none
    // there (or a footer: `Refs: #1` is no description), nothing is suggested.
    let text_below = below
        .iter()
        .position(|l| !l.trim().is_empty())
        .filter(|&k| parse::footer_token(below[k]).is_none())
        .map(|k| (below[k].trim(), k == 0));
    let (rest, joined) = match text_below {
        Some((n, next)) if rest.trim().is_empty() => (Some(n), Some(next)),
        _ => (Some(rest).filter(|r| !r.trim().is_empty()), None),
    };
    let help = match joined {
        Some(true) => {
            "write `BREAKING CHANGE: <description>` at the start of a line (a footer), joining the line below to it, or add `!` before the colon in the header"
        }
        Some(false) => {
            "write `BREAKING CHANGE: <description>` at the start of a line (a footer), joining the first line of the paragraph below to it, or add `!` before the colon in the header"
        }
        None => {
            "write `BREAKING CHANGE: <description>` at the start of a line (a footer), or add `!` before the colon in the header"
        }
    };
    sink.push(
        finding(
            Rule::BreakingChangeFormat,
            i,
            lead..lead + rest_at.min(trimmed.len()),
            why,
        )
        .suggest(rest.map(|r| format!("BREAKING CHANGE: {r}")))
        .help(help),
    );
}

fn check_line_length(sink: &mut Sink<'_>, rule: Rule, max: usize, i: usize, line: &str) {
    if !sink.on(rule) {
        return;
    }
    let count = line.chars().count();
    // A line without a space (a URL, a path) cannot be wrapped.
    if count > max && line.trim().contains(char::is_whitespace) {
        let start = line.char_indices().nth(max).map_or(line.len(), |(b, _)| b);
        sink.push(
            finding(
                rule,
                i,
                start..line.len(),
                format!("this line is {count} characters long"),
            )
            .expected(format!("at most {max} characters")),
        );
    }
}
