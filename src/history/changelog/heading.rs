//! Release headings: which `## ` lines (and conventional-changelog's other levels) start a
//! release section, which version they name, and the refusal of those that start none, each
//! naming the edit that makes the line one relhook reads.

use super::ParseError;
use super::lex;
use super::parse::{SectionKind, heading_level, is_version};

fn heading_error(i: usize, t: &str) -> ParseError {
    // cargo-release's template (`## [Unreleased] - ReleaseDate`) and the like: one line to
    // change, which a general "not a Keep a Changelog file" would hide.
    let after = t.trim_start_matches('#').trim_start();
    if after
        .get(..12)
        .is_some_and(|h| h.eq_ignore_ascii_case("[unreleased]"))
    {
        return ParseError::at(
            i + 1,
            format!(
                "`{}` is not the Unreleased heading relhook keeps: change the line to `## [Unreleased]` (relhook dates the section when it releases it)",
                t.trim_end()
            ),
        );
    }
    ParseError::at(
        i + 1,
        format!(
            "`{}` is not a Keep a Changelog release heading; expected `## [Unreleased]` or `## [X.Y.Z] - YYYY-MM-DD`",
            t.trim_end()
        ),
    )
}

/// A version's heading in the forms conventional-changelog writes besides `## [X.Y.Z]`: at
/// level 1 for a minor release (`# [3.5.0](…) (2024-09-03)`), at level 3 for a patch
/// (`### [9.3.2](…) (2021-10-17)`, where `### Bug Fixes` follows at the same level), and
/// wrapped in `<small>` (`## <small>3.4.38 (2024-08-14)</small>`). Read as the release
/// section it is: read as text or as a sub-heading, its entries would count as another
/// section's (Unreleased's, at the top of the file), and a commit's entry would be added there.
pub(super) fn other_release_heading(t: &str) -> Option<String> {
    let level = heading_level(t)?;
    let mut rest = t[level..].trim();
    if let Some(inner) = rest
        .strip_prefix("<small>")
        .and_then(|r| r.strip_suffix("</small>"))
    {
        rest = inner.trim();
    }
    let line = format!("## {rest}");
    let label = lex::heading(&line)?.label.trim();
    is_version(label).then(|| label.to_string())
}

/// Whether a release heading is in a form relhook does not write (see
/// [`Structure::other_form`]).
pub(super) fn other_form(t: &str) -> bool {
    match lex::heading(t) {
        Some(h) => h.date.is_some_and(|d| t.contains(&format!("({d})"))),
        None => true,
    }
}

/// Classifies a `## ` heading.
pub(super) fn parse_heading(i: usize, t: &str) -> Result<SectionKind, ParseError> {
    let Some(h) = lex::heading(t) else {
        return other_release_heading(t)
            .map(|version| SectionKind::Release { version })
            .ok_or_else(|| heading_error(i, t));
    };
    let label = h.label.trim();
    if label.eq_ignore_ascii_case("unreleased") {
        if h.date.is_some() {
            return Err(ParseError::at(
                i + 1,
                "the Unreleased section must not carry a date",
            ));
        }
        return Ok(SectionKind::Unreleased);
    }
    if is_version(label) {
        return Ok(SectionKind::Release {
            version: label.to_string(),
        });
    }
    Err(heading_error(i, t))
}

/// An empty HTML anchor (`<a name="4.3.0"></a>`), as conventional-changelog wrote one above
/// each release heading: it belongs to the heading below it.
pub(super) fn anchor(t: &str) -> bool {
    t.starts_with("<a ") && (t.ends_with("></a>") || t.ends_with("/>")) && !t.contains("href")
}

/// The refusal of a version headed more than once (0-based `lines`), at its second heading.
pub(super) fn repeated_error(version: &str, lines: &[usize]) -> ParseError {
    let at: Vec<usize> = lines.iter().map(|l| l + 1).collect();
    let (what, fix) = super::repeated_version(version, &at);
    ParseError {
        line: at.get(1).copied().unwrap_or(1),
        message: format!("{what}: {fix}"),
        fix: Some(fix),
        repeated: Some((version.to_string(), at)),
    }
}
