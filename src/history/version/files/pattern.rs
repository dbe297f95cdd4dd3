//! Regex patterns with a `{version}` placeholder.

use std::ops::Range;
use std::path::Path;

use regex::Regex;

use super::{Locator, Result, SEMVER_RE, VersionFileError};

/// A PEP 440 version in its normal form's shape (`1.3.0rc1`, `1.3.0.post1.dev2`): what a
/// Python file may hold where another would hold SemVer.
const PEP440_RE: &str =
    r"[0-9]+\.[0-9]+\.[0-9]+(?:(?:a|b|rc)[0-9]+)?(?:\.post[0-9]+)?(?:\.dev[0-9]+)?";

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
    // A Python file may hold PEP 440's own spelling (`__version__ = "1.3.0rc1"`).
    let version = if super::pep440::is_python(path) {
        format!("{SEMVER_RE}|{PEP440_RE}")
    } else {
        SEMVER_RE.to_owned()
    };
    // Named groups so the user's own groups do not shift our indices.
    let mut re = String::from(pieces[0]);
    for (i, piece) in pieces[1..].iter().enumerate() {
        re.push_str(&format!("(?P<relhook_v{i}>{version}){piece}"));
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
