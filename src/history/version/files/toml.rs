//! TOML: the span of a dotted key's string value.

use std::ops::Range;
use std::path::Path;

use super::{Locator, Result, VersionFileError, inner_span};

/// The span of the TOML string value at the dotted `key`, quotes excluded.
pub(super) fn toml_span(
    path: &Path,
    text: &str,
    key: &str,
    locator: &Locator,
) -> Result<Range<usize>> {
    let doc = toml_edit::ImDocument::parse(text).map_err(|e| {
        // One line: the parser's reason, its lines joined, without the drawing of the place.
        let (line, column) = crate::position::line_col(text, e.span().map_or(0, |s| s.start));
        let reason: Vec<&str> = e.message().lines().map(str::trim).collect();
        VersionFileError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: reason.join(", "),
        }
    })?;
    let missing = || VersionFileError::KeyMissing {
        path: path.to_path_buf(),
        locator: locator.clone(),
    };
    let mut item = doc.as_item();
    for part in key.split('.') {
        item = item
            .as_table_like()
            .and_then(|t| t.get(part))
            .ok_or_else(missing)?;
    }
    let not_string = |found: &str| VersionFileError::NotAString {
        path: path.to_path_buf(),
        locator: locator.clone(),
        found: found.to_owned(),
    };
    let value = match item {
        toml_edit::Item::Value(toml_edit::Value::String(s)) => s,
        other
            if other
                .as_table_like()
                .is_some_and(|t| t.contains_key("workspace")) =>
        {
            return Err(VersionFileError::WorkspaceInherited {
                path: path.to_path_buf(),
                locator: locator.clone(),
            });
        }
        other => return Err(not_string(other.type_name())),
    };
    let span = value
        .span()
        .ok_or_else(|| not_string("a value without position"))?;
    let raw = text
        .get(span.clone())
        .ok_or_else(|| not_string("a value without position"))?;
    // Only `"x"` and `'x'` are rewritten: escapes or multi-line quoting would
    // need re-encoding, which a version string never needs in practice.
    inner_span(raw, span.start, value.value())
        .filter(|_| !raw.starts_with("\"\"\"") && !raw.starts_with("'''"))
        .ok_or_else(|| VersionFileError::Unrewritable {
            path: path.to_path_buf(),
            locator: locator.clone(),
        })
}
