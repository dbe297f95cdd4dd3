//! TOML: the span of a dotted key's string value.

use std::cell::RefCell;
use std::ops::Range;
use std::path::Path;
use std::rc::Rc;

use super::{Locator, Result, VersionFileError, inner_span};

type Document = toml_edit::ImDocument<String>;

thread_local! {
    /// The last few texts parsed, each with its document: a hand tag's checks ask for the
    /// same Cargo.toml's version a dozen times, each parse costing more than the rest.
    static PARSED: RefCell<Vec<(Rc<str>, Rc<Document>)>> = const { RefCell::new(Vec::new()) };
}

/// How many texts [`PARSED`] keeps, and the longest one it keeps (a manifest, not a lock).
const KEPT: usize = 4;
const KEPT_LEN: usize = 256 * 1024;

/// How many TOML texts this process parsed (a text [`PARSED`] kept is not parsed again).
static PARSES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The TOML parses so far: a test bounds a command's parses of its manifests by them
/// (`RELHOOK_TEST_TOML_PARSES`), where timing would be flaky.
pub fn toml_parses() -> usize {
    PARSES.load(std::sync::atomic::Ordering::Relaxed)
}

/// A manifest's `text` (Cargo.toml, pyproject.toml) parsed as TOML, shared with every reader of
/// the very same text: a hand tag's checks read one Cargo.toml's package, path dependencies
/// and workspace each on their own. `None`: the text does not parse.
pub fn parsed_toml(text: &str) -> Option<Rc<Document>> {
    parse(text).ok()
}

/// `text` parsed, once for as long as [`PARSED`] keeps it: the document of the very same text,
/// so every span in it is the same.
fn parse(text: &str) -> std::result::Result<Rc<Document>, toml_edit::TomlError> {
    let known = PARSED.with_borrow(|parsed| {
        parsed
            .iter()
            .find(|(t, _)| **t == *text)
            .map(|(_, doc)| Rc::clone(doc))
    });
    if let Some(doc) = known {
        return Ok(doc);
    }
    PARSES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let doc = Rc::new(Document::parse(text.to_owned())?);
    if text.len() <= KEPT_LEN {
        PARSED.with_borrow_mut(|parsed| {
            if parsed.len() == KEPT {
                parsed.remove(0);
            }
            parsed.push((text.into(), Rc::clone(&doc)));
        });
    }
    Ok(doc)
}

/// The span of the TOML string value at the dotted `key`, quotes excluded.
pub(super) fn toml_span(
    path: &Path,
    text: &str,
    key: &str,
    locator: &Locator,
) -> Result<Range<usize>> {
    let doc = parse(text).map_err(|e| {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_parsed_before_gives_the_spans_of_its_own_document() {
        let path = Path::new("Cargo.toml");
        let key = "package.version";
        let locator = Locator::TomlKey(key.into());
        let span = |text: &str| toml_span(path, text, key, &locator).ok();
        let short = "[package]\nname = \"a\"\nversion = \"0.1.0\"\n";
        let long = "[package]\nname = \"abc\"\nversion = \"10.1.0\"\n";
        assert_eq!(span(short), Some(32..37));
        // Another text, however alike, is parsed for itself; the first is still answered.
        assert_eq!(span(long), Some(34..40));
        assert_eq!(span(short), Some(32..37));
        let text = short.replace("0.1.0", "0.2.0");
        assert_eq!(span(&text), Some(32..37));
        assert_eq!(&text[32..37], "0.2.0");
        // A text that does not parse is refused each time, never given another's document.
        for _ in 0..2 {
            assert!(matches!(
                toml_span(path, "[package\n", key, &locator),
                Err(VersionFileError::Parse { .. })
            ));
        }
        for text in ["a = 1\n", "b = 2\n", "c = 3\n", "d = 4\n", "e = 5\n"] {
            assert!(span(text).is_none());
        }
        assert_eq!(span(long), Some(34..40));
    }
}
