//! JSON: a validating scanner that finds a dotted key's string value in place.

use std::ops::Range;
use std::path::Path;

use super::{Locator, Result, VersionFileError};

/// The span of the JSON string at the dotted `key`, quotes excluded.
pub(super) fn json_span(
    path: &Path,
    text: &str,
    key: &str,
    locator: &Locator,
) -> Result<Range<usize>> {
    let target: Vec<&str> = key.split('.').collect();
    let mut scanner = JsonScanner {
        src: text.as_bytes(),
        pos: 0,
        target: &target,
        found: None,
        duplicate: false,
    };
    scanner.document().map_err(|(offset, message)| {
        let (line, column) = crate::position::line_col(text, offset);
        VersionFileError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    })?;
    let err_path = path.to_path_buf();
    if scanner.duplicate {
        return Err(VersionFileError::DuplicateKey {
            path: err_path,
            locator: locator.clone(),
        });
    }
    let span = scanner.found.ok_or_else(|| VersionFileError::KeyMissing {
        path: path.to_path_buf(),
        locator: locator.clone(),
    })?;
    let raw = &text[span.clone()];
    if !raw.starts_with('"') {
        return Err(VersionFileError::NotAString {
            path: err_path,
            locator: locator.clone(),
            found: json_kind(raw).into(),
        });
    }
    let inner = &raw[1..raw.len() - 1];
    if inner.contains('\\') {
        return Err(VersionFileError::Unrewritable {
            path: err_path,
            locator: locator.clone(),
        });
    }
    Ok(span.start + 1..span.end - 1)
}

/// The span (quotes excluded) of the JSON string at the key path `keys` (keys may hold dots,
/// unlike [`json_span`]'s dotted key), when the document is valid JSON, the value is a string
/// without escapes and the path is not duplicated.
pub(super) fn json_string_at(text: &str, keys: &[&str]) -> Option<Range<usize>> {
    let mut scanner = JsonScanner {
        src: text.as_bytes(),
        pos: 0,
        target: keys,
        found: None,
        duplicate: false,
    };
    scanner.document().ok()?;
    let span = scanner.found.filter(|_| !scanner.duplicate)?;
    let raw = &text[span.clone()];
    (raw.len() >= 2 && raw.starts_with('"') && !raw.contains('\\'))
        .then(|| span.start + 1..span.end - 1)
}

/// A human name for the JSON value starting `raw`.
fn json_kind(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// Deep enough for any real manifest; stops stack exhaustion on hostile input.
const MAX_JSON_DEPTH: usize = 256;

/// A validating JSON scanner that records the byte span of the value at
/// `target` (a key path through objects) instead of building a tree, so the
/// file can be edited in place.
struct JsonScanner<'a> {
    src: &'a [u8],
    pos: usize,
    target: &'a [&'a str],
    found: Option<Range<usize>>,
    duplicate: bool,
}

/// A scan error: byte offset and message.
type ScanResult<T> = std::result::Result<T, (usize, String)>;

impl JsonScanner<'_> {
    /// Scans one whole document.
    fn document(&mut self) -> ScanResult<()> {
        if self.src.starts_with("\u{feff}".as_bytes()) {
            self.pos = 3;
        }
        self.value(Some(0), 0)?;
        self.skip_ws();
        if self.pos < self.src.len() {
            return self.fail("trailing characters after the document");
        }
        Ok(())
    }

    /// Scans a value; `matched` is how many target keys lead here (None if off-path).
    fn value(&mut self, matched: Option<usize>, depth: usize) -> ScanResult<()> {
        if depth > MAX_JSON_DEPTH {
            return self.fail("nested too deeply");
        }
        self.skip_ws();
        match self.peek() {
            Some(b'{') => self.object(matched, depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(|_| ()),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.fail("unexpected character"),
            None => self.fail("unexpected end of input"),
        }
    }

    fn object(&mut self, matched: Option<usize>, depth: usize) -> ScanResult<()> {
        self.pos += 1;
        self.skip_ws();
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return self.fail("expected a key string");
            }
            let key = self.string()?;
            self.skip_ws();
            if !self.eat(b':') {
                return self.fail("expected `:`");
            }
            let child = matched
                .filter(|&k| self.target.get(k) == Some(&key.as_str()))
                .map(|k| k + 1);
            self.member_value(child, depth)?;
            self.skip_ws();
            if self.eat(b'}') {
                return Ok(());
            }
            if !self.eat(b',') {
                return self.fail("expected `,` or `}`");
            }
        }
    }

    /// Scans an object member's value, recording it if it completes the path.
    fn member_value(&mut self, child: Option<usize>, depth: usize) -> ScanResult<()> {
        self.skip_ws();
        let start = self.pos;
        self.value(child, depth + 1)?;
        if child == Some(self.target.len()) {
            if self.found.is_some() {
                self.duplicate = true;
            }
            self.found = Some(start..self.pos);
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> ScanResult<()> {
        self.pos += 1;
        self.skip_ws();
        if self.eat(b']') {
            return Ok(());
        }
        loop {
            // Array elements are off the key path: dotted keys name objects only.
            self.value(None, depth + 1)?;
            self.skip_ws();
            if self.eat(b']') {
                return Ok(());
            }
            if !self.eat(b',') {
                return self.fail("expected `,` or `]`");
            }
        }
    }

    /// Scans a string literal and returns its decoded text.
    fn string(&mut self) -> ScanResult<String> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            match self.next_byte()? {
                b'"' => break,
                b'\\' => self.escape(&mut out)?,
                b if b < 0x20 => return self.fail("control character in string"),
                b => out.push(b),
            }
        }
        // The input is a &str and escapes push whole chars, so this holds.
        String::from_utf8(out).map_err(|_| (self.pos, "invalid UTF-8 in string".to_owned()))
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> ScanResult<()> {
        let simple = match self.next_byte()? {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(out),
            _ => return self.fail("invalid escape"),
        };
        out.push(simple);
        Ok(())
    }

    /// Decodes `\uXXXX`, pairing surrogates; a lone surrogate becomes U+FFFD.
    fn unicode_escape(&mut self, out: &mut Vec<u8>) -> ScanResult<()> {
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) && self.src[self.pos..].starts_with(b"\\u") {
            self.pos += 2;
            let lo = self.hex4()?;
            if (0xDC00..0xE000).contains(&lo) {
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            } else {
                0xFFFD
            }
        } else {
            hi
        };
        let c = char::from_u32(code).unwrap_or('\u{FFFD}');
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }

    fn hex4(&mut self) -> ScanResult<u32> {
        let digits = self
            .src
            .get(self.pos..self.pos + 4)
            .ok_or((self.pos, "truncated \\u escape".to_owned()))?;
        let text = std::str::from_utf8(digits)
            .ok()
            .filter(|t| t.bytes().all(|b| b.is_ascii_hexdigit()));
        let code = text.and_then(|t| u32::from_str_radix(t, 16).ok());
        let code = code.ok_or((self.pos, "invalid \\u escape".to_owned()))?;
        self.pos += 4;
        Ok(code)
    }

    fn number(&mut self) -> ScanResult<()> {
        let start = self.pos;
        while matches!(
            self.peek(),
            Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
        ) {
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.src[start..self.pos]).unwrap_or("");
        if text.parse::<f64>().is_err() || text.starts_with('+') {
            self.pos = start;
            return self.fail("invalid number");
        }
        Ok(())
    }

    fn literal(&mut self, word: &str) -> ScanResult<()> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            self.fail("invalid literal")
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn next_byte(&mut self) -> ScanResult<u8> {
        let b = self
            .peek()
            .ok_or((self.pos, "unterminated string".to_owned()))?;
        self.pos += 1;
        Ok(b)
    }

    fn fail<T>(&self, message: &str) -> ScanResult<T> {
        Err((self.pos, message.to_owned()))
    }
}

/// A JSON document (a package.json, a lock file) as npm reads it: a UTF-8 byte-order mark
/// before it is no error (an editor's save keeps it), so it is skipped.
pub fn value(bytes: &[u8]) -> Option<serde_json::Value> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    serde_json::from_slice(bytes).ok()
}
