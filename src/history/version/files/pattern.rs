//! Regex patterns with a `{version}` placeholder.

use std::ops::Range;
use std::path::Path;

use regex::Regex;

use super::{Locator, Result, SEMVER_RE, VersionFileError};

/// The spans of every `{version}` capture of the pattern, in file order.
pub(super) fn pattern_spans(
    path: &Path,
    text: &str,
    pattern: &str,
    locator: &Locator,
) -> Result<Vec<Range<usize>>> {
    let bad = |message: String| VersionFileError::BadPattern {
        path: path.to_path_buf(),
        locator: locator.clone(),
        message,
    };
    let pieces: Vec<&str> = pattern.split("{version}").collect();
    if pieces.len() < 2 {
        return Err(bad("it has no `{version}` placeholder".to_owned()));
    }
    // Named groups so the user's own groups do not shift our indices.
    let mut re = String::from(pieces[0]);
    for (i, piece) in pieces[1..].iter().enumerate() {
        re.push_str(&format!("(?P<relhook_v{i}>{SEMVER_RE}){piece}"));
    }
    let regex = Regex::new(&re).map_err(|e| bad(e.to_string()))?;
    let spans: Vec<Range<usize>> = regex
        .captures_iter(text)
        .flat_map(|caps| {
            (0..pieces.len() - 1)
                .filter_map(|i| caps.name(&format!("relhook_v{i}")).map(|m| m.range()))
                .collect::<Vec<_>>()
        })
        .collect();
    if spans.is_empty() {
        return Err(VersionFileError::NoMatch {
            path: path.to_path_buf(),
            locator: locator.clone(),
        });
    }
    Ok(spans)
}
