//! Owns reading and rewriting the version string inside project files
//! (Cargo.toml, pyproject.toml, package.json, `__init__.py`, Dockerfiles,
//! manifests…) without disturbing anything else in them.
//!
//! Every format is reduced to the same thing: a list of byte spans holding
//! the version text. Reading checks the spans agree; bumping splices the new
//! version into exactly those spans, so comments, key order, whitespace,
//! line endings and the presence of a final newline are kept byte for byte.
//! Writing is atomic per file and rolled back across files on failure.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use regex::Regex;

/// A SemVer-ish version: what `{version}` stands for in patterns, and what a
/// new version must look like so it cannot break the file's syntax.
const SEMVER_RE: &str = r"[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?";

/// Where the version lives inside a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Locator {
    /// A dotted TOML key whose value is a string, e.g. `package.version`,
    /// `workspace.package.version`, `project.version`, `tool.poetry.version`.
    TomlKey(String),
    /// A dotted JSON key path through nested objects, e.g. `version`.
    JsonKey(String),
    /// A regex with a `{version}` placeholder, e.g. `__version__ = "{version}"`.
    /// Everything else in it is regex syntax (escape literal dots if it matters).
    Pattern(String),
}

impl fmt::Display for Locator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Locator::TomlKey(k) => write!(f, "TOML key `{k}`"),
            Locator::JsonKey(k) => write!(f, "JSON key `{k}`"),
            Locator::Pattern(p) => write!(f, "pattern `{p}`"),
        }
    }
}

/// A file holding the project version, and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionFile {
    /// Path relative to the repository root.
    pub path: PathBuf,
    /// Where the version is inside the file.
    pub locator: Locator,
}

/// A planned change to one file: its whole contents before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Path relative to the repository root.
    pub path: PathBuf,
    /// The contents the plan was computed from (also used for rollback).
    pub before: Vec<u8>,
    /// The contents to write.
    pub after: Vec<u8>,
}

/// Why a version file could not be read, planned or written.
#[derive(Debug, thiserror::Error)]
pub enum VersionFileError {
    /// The file does not exist.
    #[error("{path}: version file not found", path = .path.display())]
    Missing {
        /// The file's path relative to the root.
        path: PathBuf,
    },
    /// Reading the file failed for another reason.
    #[error("{path}: cannot read: {source}", path = .path.display())]
    Read {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The underlying I/O error.
        source: io::Error,
    },
    /// The file is not UTF-8.
    #[error("{path}: not valid UTF-8", path = .path.display())]
    NotUtf8 {
        /// The file's path relative to the root.
        path: PathBuf,
    },
    /// The path is absolute, escapes the root, or resolves outside it.
    #[error("{path}: refused: {reason}", path = .path.display())]
    UnsafePath {
        /// The path as given.
        path: PathBuf,
        /// Why it was refused.
        reason: String,
    },
    /// The file does not parse in its format.
    #[error("{path}: cannot parse: {message}", path = .path.display())]
    Parse {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The parser's message, with the position.
        message: String,
    },
    /// The key path is absent.
    #[error("{path}: {locator} not found", path = .path.display())]
    KeyMissing {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The locator that found nothing.
        locator: Locator,
    },
    /// The key exists but holds something other than a string.
    #[error("{path}: {locator} is {found}, not a version string", path = .path.display())]
    NotAString {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The locator.
        locator: Locator,
        /// What was found instead (e.g. "a table").
        found: String,
    },
    /// A Cargo workspace member inherits its version (`version.workspace = true`).
    #[error(
        "{path}: {locator} is inherited from the workspace (`version.workspace = true`); \
         point relhook at the workspace root's `workspace.package.version` instead",
        path = .path.display()
    )]
    WorkspaceInherited {
        /// The member manifest.
        path: PathBuf,
        /// The locator.
        locator: Locator,
    },
    /// The same JSON key appears twice on the key path, so which one counts is ambiguous.
    #[error("{path}: {locator} appears more than once", path = .path.display())]
    DuplicateKey {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The locator.
        locator: Locator,
    },
    /// The version string uses escapes or a quoting that cannot be rewritten in place.
    #[error("{path}: {locator} is written with escapes; write it as a plain string", path = .path.display())]
    Unrewritable {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The locator.
        locator: Locator,
    },
    /// The pattern is not a valid regex or lacks `{version}`.
    #[error("{path}: invalid {locator}: {message}", path = .path.display())]
    BadPattern {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The locator.
        locator: Locator,
        /// What is wrong with it.
        message: String,
    },
    /// The pattern matches nowhere in the file.
    #[error("{path}: {locator} matches nothing", path = .path.display())]
    NoMatch {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The locator.
        locator: Locator,
    },
    /// The pattern matches several places holding different versions.
    #[error("{path}: {locator} finds different versions: {}", .versions.join(", "), path = .path.display())]
    Inconsistent {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The locator.
        locator: Locator,
        /// Every version found, in file order.
        versions: Vec<String>,
    },
    /// The file holds another version than the one being bumped from.
    #[error("{path}: {locator} holds {found}, expected {expected}", path = .path.display())]
    Mismatch {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The locator.
        locator: Locator,
        /// The version the bump starts from.
        expected: String,
        /// The version in the file.
        found: String,
    },
    /// The new version is not a plain SemVer string, so splicing it could corrupt the file.
    #[error("{new:?} is not a SemVer version")]
    BadNewVersion {
        /// The rejected version text.
        new: String,
    },
    /// After a bump, a file still holds the old version.
    #[error("{path}: {locator} still holds the old version {old}", path = .path.display())]
    StillOld {
        /// The file's path relative to the root.
        path: PathBuf,
        /// The locator.
        locator: Locator,
        /// The old version.
        old: String,
    },
    /// The file changed since the edit was planned; nothing was written.
    #[error("{path}: changed since the bump was planned; nothing was written", path = .path.display())]
    Stale {
        /// The file's path relative to the root.
        path: PathBuf,
    },
    /// Writing failed; the files written before it were restored, except `unrestored`.
    #[error(
        "{path}: cannot write: {source}; earlier files restored{}",
        if .unrestored.is_empty() { String::new() } else { format!(" except {:?}", .unrestored) },
        path = .path.display()
    )]
    Write {
        /// The file whose write failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: io::Error,
        /// Files already written whose restoration failed too (check them by hand).
        unrestored: Vec<PathBuf>,
    },
}

type Result<T, E = VersionFileError> = std::result::Result<T, E>;

/// Reads the version the locator points at.
pub fn read_version(root: &Path, file: &VersionFile) -> Result<String> {
    let text = read_text(root, &file.path)?;
    let spans = locate(&file.path, &text, &file.locator)?;
    agreed_version(&file.path, &file.locator, &text, &spans)
}

/// Computes the file's contents with `old` replaced by `new` at the located
/// spans, without writing. Fails if the file holds anything but `old`.
pub fn plan_bump(root: &Path, file: &VersionFile, old: &str, new: &str) -> Result<Edit> {
    if !full_match(SEMVER_RE, new) {
        return Err(VersionFileError::BadNewVersion {
            new: new.to_owned(),
        });
    }
    let text = read_text(root, &file.path)?;
    let spans = locate(&file.path, &text, &file.locator)?;
    let found = agreed_version(&file.path, &file.locator, &text, &spans)?;
    if found != old {
        return Err(VersionFileError::Mismatch {
            path: file.path.clone(),
            locator: file.locator.clone(),
            expected: old.to_owned(),
            found,
        });
    }
    Ok(Edit {
        path: file.path.clone(),
        after: splice(&text, &spans, new).into_bytes(),
        before: text.into_bytes(),
    })
}

/// Writes every edit, each atomically (temporary file in the same directory,
/// then rename, keeping the file's permissions). Before writing anything it
/// checks each file still holds `before`. If a write fails, the files
/// already written are restored from `before`.
pub fn apply(root: &Path, edits: &[Edit]) -> Result<()> {
    apply_with(root, edits, write_atomic)
}

/// After a bump: fails if any located version still equals `old`.
pub fn verify_no_old(root: &Path, files: &[VersionFile], old: &str) -> Result<()> {
    for file in files {
        if read_version(root, file)? == old {
            return Err(VersionFileError::StillOld {
                path: file.path.clone(),
                locator: file.locator.clone(),
                old: old.to_owned(),
            });
        }
    }
    Ok(())
}

/// Joins `rel` to `root`, refusing absolute paths, `..` that climbs above
/// the root, and symlinks that resolve outside it. For an existing file the
/// result is its resolved path (so writing through a symlink inside the root
/// updates the target, not the link); otherwise the lexical join.
pub fn safe_join(root: &Path, rel: &Path) -> Result<PathBuf> {
    let refuse = |reason: &str| VersionFileError::UnsafePath {
        path: rel.to_path_buf(),
        reason: reason.to_owned(),
    };
    let normal = normalize_relative(rel).map_err(refuse)?;
    let real_root = root
        .canonicalize()
        .map_err(|e| refuse(&format!("repository root {}: {e}", root.display())))?;
    let joined = real_root.join(&normal);
    // The deepest existing ancestor decides where symlinks lead.
    let mut existing = joined.as_path();
    while fs::symlink_metadata(existing).is_err() {
        existing = existing.parent().unwrap_or(&real_root);
    }
    let resolved = existing
        .canonicalize()
        .map_err(|e| refuse(&format!("cannot resolve: {e}")))?;
    if !resolved.starts_with(&real_root) {
        return Err(refuse("resolves outside the repository root"));
    }
    // `join("")` would add a trailing separator, which breaks file paths.
    match joined.strip_prefix(existing) {
        Ok(rest) if !rest.as_os_str().is_empty() => Ok(resolved.join(rest)),
        _ => Ok(resolved),
    }
}

/// Lexically checks `rel`: no root or prefix, `..` never above the start.
fn normalize_relative(rel: &Path) -> Result<PathBuf, &'static str> {
    let mut out = PathBuf::new();
    for comp in rel.components() {
        match comp {
            Component::Normal(c) => out.push(c),
            Component::CurDir => {}
            Component::ParentDir if out.pop() => {}
            Component::ParentDir => return Err("`..` leaves the repository root"),
            Component::RootDir | Component::Prefix(_) => {
                return Err("absolute paths are not allowed");
            }
        }
    }
    if out.as_os_str().is_empty() {
        return Err("empty path");
    }
    Ok(out)
}

/// Reads a file under the root as UTF-8 text.
fn read_text(root: &Path, rel: &Path) -> Result<String> {
    let full = safe_join(root, rel)?;
    let bytes = fs::read(&full).map_err(|e| read_error(rel, e))?;
    String::from_utf8(bytes).map_err(|_| VersionFileError::NotUtf8 {
        path: rel.to_path_buf(),
    })
}

/// Maps an I/O error to `Missing` or `Read`.
fn read_error(rel: &Path, e: io::Error) -> VersionFileError {
    if e.kind() == io::ErrorKind::NotFound {
        VersionFileError::Missing {
            path: rel.to_path_buf(),
        }
    } else {
        VersionFileError::Read {
            path: rel.to_path_buf(),
            source: e,
        }
    }
}

/// The byte spans of the version text for any locator (never empty on Ok).
fn locate(path: &Path, text: &str, locator: &Locator) -> Result<Vec<Range<usize>>> {
    match locator {
        Locator::TomlKey(key) => toml_span(path, text, key, locator).map(|s| vec![s]),
        Locator::JsonKey(key) => json_span(path, text, key, locator).map(|s| vec![s]),
        Locator::Pattern(pattern) => pattern_spans(path, text, pattern, locator),
    }
}

/// The single version all spans hold, or `Inconsistent`.
fn agreed_version(
    path: &Path,
    locator: &Locator,
    text: &str,
    spans: &[Range<usize>],
) -> Result<String> {
    let versions: Vec<String> = spans.iter().map(|s| text[s.clone()].to_owned()).collect();
    match versions.split_first() {
        Some((first, rest)) if rest.iter().all(|v| v == first) => Ok(first.clone()),
        Some(_) => Err(VersionFileError::Inconsistent {
            path: path.to_path_buf(),
            locator: locator.clone(),
            versions,
        }),
        None => Err(VersionFileError::NoMatch {
            path: path.to_path_buf(),
            locator: locator.clone(),
        }),
    }
}

/// Replaces each span (sorted, disjoint) with `new`.
fn splice(text: &str, spans: &[Range<usize>], new: &str) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * new.len());
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.start]);
        out.push_str(new);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Whether `re` matches the whole of `s`.
fn full_match(re: &str, s: &str) -> bool {
    Regex::new(&format!("^(?:{re})$")).is_ok_and(|r| r.is_match(s))
}

/// The span inside a quoted literal `raw` (at `start`) holding its text,
/// when the literal is a plain single-line string equal to `value`.
fn inner_span(raw: &str, start: usize, value: &str) -> Option<Range<usize>> {
    let quote = raw.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let inner = raw.strip_prefix(quote)?.strip_suffix(quote)?;
    (inner == value).then(|| start + 1..start + 1 + inner.len())
}

// ---------------------------------------------------------------- TOML

/// The span of the TOML string value at the dotted `key`, quotes excluded.
fn toml_span(path: &Path, text: &str, key: &str, locator: &Locator) -> Result<Range<usize>> {
    let doc = toml_edit::ImDocument::parse(text).map_err(|e| VersionFileError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
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

// ---------------------------------------------------------------- JSON

/// The span of the JSON string at the dotted `key`, quotes excluded.
fn json_span(path: &Path, text: &str, key: &str, locator: &Locator) -> Result<Range<usize>> {
    let target: Vec<&str> = key.split('.').collect();
    let mut scanner = JsonScanner {
        src: text.as_bytes(),
        pos: 0,
        target: &target,
        found: None,
        duplicate: false,
    };
    scanner
        .document()
        .map_err(|(offset, message)| VersionFileError::Parse {
            path: path.to_path_buf(),
            message: format!("{message} at byte {offset}"),
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

// ---------------------------------------------------------------- Pattern

/// The spans of every `{version}` capture of the pattern, in file order.
fn pattern_spans(
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

// ---------------------------------------------------------------- Writing

/// `apply` with the per-file writer injectable, so tests can make a write fail.
fn apply_with<W>(root: &Path, edits: &[Edit], mut write: W) -> Result<()>
where
    W: FnMut(&Path, &[u8]) -> io::Result<()>,
{
    let targets = check_unchanged(root, edits)?;
    for (i, (edit, target)) in edits.iter().zip(&targets).enumerate() {
        if let Err(source) = write(target, &edit.after) {
            let unrestored = restore(&edits[..i], &targets[..i], &mut write);
            return Err(VersionFileError::Write {
                path: edit.path.clone(),
                source,
                unrestored,
            });
        }
    }
    Ok(())
}

/// Resolves every edit's path and checks the file still holds `before`.
fn check_unchanged(root: &Path, edits: &[Edit]) -> Result<Vec<PathBuf>> {
    edits
        .iter()
        .map(|edit| {
            let target = safe_join(root, &edit.path)?;
            let now = fs::read(&target).map_err(|e| read_error(&edit.path, e))?;
            if now != edit.before {
                return Err(VersionFileError::Stale {
                    path: edit.path.clone(),
                });
            }
            Ok(target)
        })
        .collect()
}

/// Writes back `before` for already-written edits; returns those that failed.
fn restore<W>(edits: &[Edit], targets: &[PathBuf], write: &mut W) -> Vec<PathBuf>
where
    W: FnMut(&Path, &[u8]) -> io::Result<()>,
{
    edits
        .iter()
        .zip(targets)
        .rev()
        .filter(|(edit, target)| write(target, &edit.before).is_err())
        .map(|(edit, _)| edit.path.clone())
        .collect()
}

/// Replaces `target` atomically: temp file beside it, same permissions, rename.
fn write_atomic(target: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let perms = fs::metadata(target)?.permissions();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    fs::set_permissions(tmp.path(), perms)?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        for (name, text) in files {
            let path = dir.path().join(name);
            fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            fs::write(path, text).expect("write");
        }
        dir
    }

    fn toml(path: &str, key: &str) -> VersionFile {
        VersionFile {
            path: path.into(),
            locator: Locator::TomlKey(key.into()),
        }
    }

    fn json(path: &str, key: &str) -> VersionFile {
        VersionFile {
            path: path.into(),
            locator: Locator::JsonKey(key.into()),
        }
    }

    fn pattern(path: &str, pattern: &str) -> VersionFile {
        VersionFile {
            path: path.into(),
            locator: Locator::Pattern(pattern.into()),
        }
    }

    /// Reads `old`, plans old → new, checks the result equals `expected`
    /// byte for byte, applies it and checks the file on disk.
    fn roundtrip(file: &VersionFile, text: &str, old: &str, new: &str, expected: &str) {
        let dir = repo(&[(file.path.to_str().expect("utf8"), text)]);
        assert_eq!(read_version(dir.path(), file).expect("read"), old);
        let edit = plan_bump(dir.path(), file, old, new).expect("plan");
        assert_eq!(
            String::from_utf8(edit.after.clone()).expect("utf8"),
            expected
        );
        assert_eq!(edit.before, text.as_bytes());
        apply(dir.path(), &[edit]).expect("apply");
        assert_eq!(
            fs::read_to_string(dir.path().join(&file.path)).expect("read back"),
            expected
        );
        assert_eq!(read_version(dir.path(), file).expect("reread"), new);
        verify_no_old(dir.path(), std::slice::from_ref(file), old).expect("verify");
    }

    const CARGO: &str = "# top comment\n[package]\nname = \"relhook\"   # the name\nversion = \"1.2.3\" # bump me\nedition = \"2021\"\n\n[dependencies]\nsemver = { version = \"1.2.3\" }\n";

    #[test]
    fn cargo_package_version() {
        let want = CARGO.replacen("version = \"1.2.3\" #", "version = \"1.3.0\" #", 1);
        roundtrip(
            &toml("Cargo.toml", "package.version"),
            CARGO,
            "1.2.3",
            "1.3.0",
            &want,
        );
    }

    #[test]
    fn cargo_workspace_root_version() {
        let text = "[workspace]\nmembers = [\"a\"]\n\n[workspace.package]\nversion = '0.4.0-rc.1'\nlicense = \"MIT\"";
        let want = text.replace("0.4.0-rc.1", "0.4.0");
        roundtrip(
            &toml("Cargo.toml", "workspace.package.version"),
            text,
            "0.4.0-rc.1",
            "0.4.0",
            &want,
        );
    }

    #[test]
    fn cargo_dotted_key_version() {
        let text = "package.name = \"x\"\npackage.version = \"2.0.0\"\n";
        let want = text.replace("2.0.0", "2.0.1");
        roundtrip(
            &toml("Cargo.toml", "package.version"),
            text,
            "2.0.0",
            "2.0.1",
            &want,
        );
    }

    #[test]
    fn cargo_member_inheriting_version_is_refused() {
        for text in [
            "[package]\nname = \"a\"\nversion.workspace = true\n",
            "[package]\nversion = { workspace = true }\n",
        ] {
            let dir = repo(&[("a/Cargo.toml", text)]);
            let err = read_version(dir.path(), &toml("a/Cargo.toml", "package.version"))
                .expect_err("inherited");
            assert!(
                matches!(err, VersionFileError::WorkspaceInherited { .. }),
                "{err}"
            );
            assert!(
                err.to_string().contains("workspace.package.version"),
                "{err}"
            );
        }
    }

    #[test]
    fn pyproject_project_and_poetry() {
        let text = "[project]\r\nname = \"x\"\r\nversion = \"0.1.0\"\r\n\r\n[tool.poetry]\r\nversion = \"0.1.0\"  # keep\r\n";
        let first = text.replacen("0.1.0", "0.2.0", 1);
        roundtrip(
            &toml("pyproject.toml", "project.version"),
            text,
            "0.1.0",
            "0.2.0",
            &first,
        );
        let want = "[project]\r\nname = \"x\"\r\nversion = \"0.1.0\"\r\n\r\n[tool.poetry]\r\nversion = \"0.2.0\"  # keep\r\n";
        roundtrip(
            &toml("pyproject.toml", "tool.poetry.version"),
            text,
            "0.1.0",
            "0.2.0",
            want,
        );
    }

    #[test]
    fn toml_refusals() {
        let text = "[package]\nversion = 3\nname = \"\"\"multi\"\"\"\nesc = \"1.2\\u002e3\"\n";
        let dir = repo(&[("Cargo.toml", text), ("bad.toml", "[package\n")]);
        let read = |f: VersionFile| read_version(dir.path(), &f).expect_err("refused");
        assert!(matches!(
            read(toml("Cargo.toml", "package.version")),
            VersionFileError::NotAString { .. }
        ));
        assert!(matches!(
            read(toml("Cargo.toml", "package.missing")),
            VersionFileError::KeyMissing { .. }
        ));
        assert!(matches!(
            read(toml("Cargo.toml", "package.version.x")),
            VersionFileError::KeyMissing { .. }
        ));
        assert!(matches!(
            read(toml("Cargo.toml", "package")),
            VersionFileError::NotAString { .. }
        ));
        assert!(matches!(
            read(toml("Cargo.toml", "package.name")),
            VersionFileError::Unrewritable { .. }
        ));
        assert!(matches!(
            read(toml("Cargo.toml", "package.esc")),
            VersionFileError::Unrewritable { .. }
        ));
        assert!(matches!(
            read(toml("bad.toml", "package.version")),
            VersionFileError::Parse { .. }
        ));
        let msg = read(toml("Cargo.toml", "package.missing")).to_string();
        assert!(
            msg.contains("Cargo.toml") && msg.contains("package.missing"),
            "{msg}"
        );
    }

    #[test]
    fn package_json_top_level() {
        let text = "{\n  \"name\": \"x\",\n  \"scripts\": {\"version\": \"echo 9.9.9\"},\n  \"version\": \"1.0.0\",\n  \"deps\": [{\"version\": \"1.0.0\"}]\n}";
        let want = text.replace("\"version\": \"1.0.0\",", "\"version\": \"1.1.0\",");
        roundtrip(
            &json("package.json", "version"),
            text,
            "1.0.0",
            "1.1.0",
            &want,
        );
    }

    #[test]
    fn json_nested_with_escapes() {
        let text = "\u{feff}{ \"a\\\"b\": \"x\\\\\\\"\\u00e9\\ud83d\\ude00\", \"meta\" :{\"tag\":[1,-2.5e3,true,null,{}],\"ver\\u0073ion\"\t:\r\n\"3.0.0-beta.1+exp\"}}";
        let want = text.replace("3.0.0-beta.1+exp", "3.0.0");
        roundtrip(
            &json("sub/app.json", "meta.version"),
            text,
            "3.0.0-beta.1+exp",
            "3.0.0",
            &want,
        );
    }

    #[test]
    fn json_refusals() {
        let dir = repo(&[
            ("a.json", "{\"version\": 1}"),
            ("b.json", "{\"version\": \"1.0.0\", \"version\": \"1.0.0\"}"),
            ("c.json", "{\"version\": \"1.0.\\u0030\"}"),
            ("d.json", "{\"version\": \"1.0.0\"} x"),
            ("e.json", "{\"version\": \"1.0.0\""),
            ("f.json", "{\"other\": {\"version\": \"1.0.0\"}}"),
            ("g.json", "[{\"version\": \"1.0.0\"}]"),
        ]);
        let read = |p: &str| read_version(dir.path(), &json(p, "version")).expect_err(p);
        assert!(matches!(
            read("a.json"),
            VersionFileError::NotAString { .. }
        ));
        assert!(matches!(
            read("b.json"),
            VersionFileError::DuplicateKey { .. }
        ));
        assert!(matches!(
            read("c.json"),
            VersionFileError::Unrewritable { .. }
        ));
        assert!(matches!(read("d.json"), VersionFileError::Parse { .. }));
        assert!(matches!(read("e.json"), VersionFileError::Parse { .. }));
        assert!(matches!(
            read("f.json"),
            VersionFileError::KeyMissing { .. }
        ));
        assert!(matches!(
            read("g.json"),
            VersionFileError::KeyMissing { .. }
        ));
    }

    #[test]
    fn json_scanner_never_panics_on_garbage() {
        let deep = "[".repeat(100_000);
        let inputs = [
            "",
            "{",
            "\"",
            "\"\\u12",
            "\"\\ud800\\u",
            "{\"version\":",
            "-",
            "tru",
            "{\"a\" 1}",
            "\u{1}",
            &deep,
        ];
        for text in inputs {
            assert!(
                json_span(
                    Path::new("x.json"),
                    text,
                    "version",
                    &Locator::JsonKey("version".into())
                )
                .is_err(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn python_init_pattern() {
        let text = "\"\"\"Package.\"\"\"\n__version__ = \"0.9.1\"\n";
        let want = text.replace("0.9.1", "1.0.0");
        roundtrip(
            &pattern("pkg/__init__.py", r#"__version__ = "{version}""#),
            text,
            "0.9.1",
            "1.0.0",
            &want,
        );
    }

    #[test]
    fn dockerfile_label_pattern() {
        let text = "FROM alpine:3.19\r\nLABEL version=\"1.2.3\"\r\nRUN echo 1.2.3";
        let want = "FROM alpine:3.19\r\nLABEL version=\"2.0.0\"\r\nRUN echo 1.2.3";
        roundtrip(
            &pattern("Dockerfile", r#"LABEL version="{version}""#),
            text,
            "1.2.3",
            "2.0.0",
            want,
        );
    }

    #[test]
    fn kubernetes_label_pattern_replaces_every_match() {
        let text = "metadata:\n  labels:\n    app.kubernetes.io/version: \"1.4.0\"\nspec:\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/version: \"1.4.0\"\n";
        let want = text.replace("1.4.0", "1.5.0-rc.1");
        let file = pattern(
            "deploy/app.yaml",
            r#"app\.kubernetes\.io/version: "{version}""#,
        );
        roundtrip(&file, text, "1.4.0", "1.5.0-rc.1", &want);
    }

    #[test]
    fn pattern_with_user_groups_and_two_placeholders() {
        let text = "range(1.0.0, 1.0.0) (x)";
        let want = "range(1.0.1, 1.0.1) (x)";
        roundtrip(
            &pattern("v.txt", r"(range)\({version}, {version}\)"),
            text,
            "1.0.0",
            "1.0.1",
            want,
        );
    }

    #[test]
    fn pattern_refusals() {
        let dir = repo(&[("v.txt", "a = 1.0.0\na = 1.0.1\n")]);
        let read = |p: &str| read_version(dir.path(), &pattern("v.txt", p)).expect_err(p);
        assert!(matches!(read("a = 1"), VersionFileError::BadPattern { .. }));
        assert!(matches!(
            read("(a = {version}"),
            VersionFileError::BadPattern { .. }
        ));
        assert!(matches!(
            read("b = {version}"),
            VersionFileError::NoMatch { .. }
        ));
        let err = read("a = {version}");
        assert!(
            matches!(&err, VersionFileError::Inconsistent { versions, .. } if versions == &["1.0.0", "1.0.1"])
        );
    }

    #[test]
    fn plan_refuses_wrong_old_and_bad_new() {
        let dir = repo(&[("Cargo.toml", CARGO)]);
        let file = toml("Cargo.toml", "package.version");
        let err = plan_bump(dir.path(), &file, "1.2.2", "1.3.0").expect_err("mismatch");
        assert!(matches!(&err, VersionFileError::Mismatch { found, .. } if found == "1.2.3"));
        let err = plan_bump(dir.path(), &file, "1.2.3", "1.3.0\"x").expect_err("bad new");
        assert!(matches!(err, VersionFileError::BadNewVersion { .. }));
    }

    #[test]
    fn missing_and_non_utf8_files() {
        let dir = repo(&[]);
        fs::write(dir.path().join("bin.toml"), b"version = \"1.0.0\xff\"").expect("write");
        let err = read_version(dir.path(), &toml("nope.toml", "version")).expect_err("missing");
        assert!(matches!(err, VersionFileError::Missing { .. }));
        let err = read_version(dir.path(), &toml("bin.toml", "version")).expect_err("binary");
        assert!(matches!(err, VersionFileError::NotUtf8 { .. }));
    }

    #[test]
    fn verify_no_old_catches_a_forgotten_file() {
        let dir = repo(&[
            ("a.json", "{\"version\": \"2.0.0\"}"),
            ("b.py", "__version__ = '1.0.0'"),
        ]);
        let files = [
            json("a.json", "version"),
            pattern("b.py", "__version__ = '{version}'"),
        ];
        let err = verify_no_old(dir.path(), &files, "1.0.0").expect_err("b still old");
        assert!(
            matches!(&err, VersionFileError::StillOld { path, .. } if path == Path::new("b.py"))
        );
        verify_no_old(dir.path(), &files[..1], "1.0.0").expect("a bumped");
    }

    #[test]
    fn no_trailing_newline_kept() {
        let text = "{\"version\":\"1.0.0\"}";
        roundtrip(
            &json("p.json", "version"),
            text,
            "1.0.0",
            "1.0.1",
            "{\"version\":\"1.0.1\"}",
        );
    }

    fn two_edits(dir: &Path) -> Vec<Edit> {
        let a = plan_bump(dir, &json("a.json", "version"), "1.0.0", "1.1.0").expect("a");
        let b = plan_bump(dir, &json("b.json", "version"), "1.0.0", "1.1.0").expect("b");
        vec![a, b]
    }

    #[test]
    fn apply_rolls_back_when_a_later_write_fails() {
        let dir = repo(&[
            ("a.json", "{\"version\": \"1.0.0\"}"),
            ("b.json", "{\"version\": \"1.0.0\"}"),
        ]);
        let edits = two_edits(dir.path());
        let mut calls = 0;
        let failing = |target: &Path, bytes: &[u8]| {
            calls += 1;
            if target.ends_with("b.json") {
                return Err(io::Error::other("disk full"));
            }
            write_atomic(target, bytes)
        };
        let err = apply_with(dir.path(), &edits, failing).expect_err("b fails");
        assert!(
            matches!(&err, VersionFileError::Write { path, unrestored, .. } if path == Path::new("b.json") && unrestored.is_empty())
        );
        assert_eq!(calls, 3, "write a, fail b, restore a");
        assert_eq!(
            fs::read(dir.path().join("a.json")).expect("a"),
            edits[0].before
        );
    }

    #[test]
    fn apply_writes_nothing_when_a_target_became_a_directory_or_changed() {
        let dir = repo(&[
            ("a.json", "{\"version\": \"1.0.0\"}"),
            ("b.json", "{\"version\": \"1.0.0\"}"),
        ]);
        let edits = two_edits(dir.path());
        fs::remove_file(dir.path().join("b.json")).expect("rm");
        fs::create_dir(dir.path().join("b.json")).expect("mkdir");
        assert!(matches!(
            apply(dir.path(), &edits),
            Err(VersionFileError::Read { .. })
        ));
        assert_eq!(
            fs::read(dir.path().join("a.json")).expect("a"),
            edits[0].before
        );
        fs::remove_dir(dir.path().join("b.json")).expect("rmdir");
        fs::write(dir.path().join("b.json"), "{\"version\": \"1.0.5\"}").expect("rewrite");
        assert!(matches!(
            apply(dir.path(), &edits),
            Err(VersionFileError::Stale { .. })
        ));
        assert_eq!(
            fs::read(dir.path().join("a.json")).expect("a"),
            edits[0].before
        );
    }

    #[cfg(unix)]
    #[test]
    fn apply_keeps_permissions_and_symlinks() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = repo(&[("real/a.json", "{\"version\": \"1.0.0\"}")]);
        let real = dir.path().join("real/a.json");
        fs::set_permissions(&real, fs::Permissions::from_mode(0o754)).expect("chmod");
        symlink("real/a.json", dir.path().join("link.json")).expect("symlink");
        let edit =
            plan_bump(dir.path(), &json("link.json", "version"), "1.0.0", "1.0.1").expect("plan");
        apply(dir.path(), &[edit]).expect("apply");
        assert!(
            fs::symlink_metadata(dir.path().join("link.json"))
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(&real).expect("read"),
            "{\"version\": \"1.0.1\"}"
        );
        assert_eq!(
            fs::metadata(&real).expect("meta").permissions().mode() & 0o777,
            0o754
        );
    }

    #[test]
    fn safe_join_accepts_inner_paths() {
        let dir = repo(&[("a/b.toml", "")]);
        let root = dir.path().canonicalize().expect("root");
        assert_eq!(
            safe_join(dir.path(), Path::new("a/./b.toml")).expect("ok"),
            root.join("a/b.toml")
        );
        assert_eq!(
            safe_join(dir.path(), Path::new("a/../a/b.toml")).expect("ok"),
            root.join("a/b.toml")
        );
        assert_eq!(
            safe_join(dir.path(), Path::new("new/x.json")).expect("ok"),
            root.join("new/x.json")
        );
    }

    #[test]
    fn safe_join_refusals() {
        let dir = repo(&[("a/b.toml", "")]);
        for rel in ["/etc/passwd", "../x", "a/../../x", "", "."] {
            let err = safe_join(dir.path(), Path::new(rel)).expect_err(rel);
            assert!(matches!(err, VersionFileError::UnsafePath { .. }), "{rel}");
        }
        let err = read_version(dir.path(), &toml("../Cargo.toml", "package.version"))
            .expect_err("escape");
        assert!(matches!(err, VersionFileError::UnsafePath { .. }));
    }

    #[cfg(unix)]
    #[test]
    fn safe_join_refuses_symlinks_leaving_the_root() {
        let outside = repo(&[("secret.toml", "version = \"1.0.0\"")]);
        let dir = repo(&[]);
        std::os::unix::fs::symlink(
            outside.path().join("secret.toml"),
            dir.path().join("v.toml"),
        )
        .expect("link");
        std::os::unix::fs::symlink(outside.path(), dir.path().join("out")).expect("dir link");
        for rel in ["v.toml", "out/secret.toml", "out/new.toml"] {
            let err = safe_join(dir.path(), Path::new(rel)).expect_err(rel);
            assert!(matches!(err, VersionFileError::UnsafePath { .. }), "{rel}");
        }
    }

    proptest::proptest! {
        #[test]
        fn locators_never_panic(text in "\\PC{0,64}|[{}\\[\\]\":,\\\\u0-9a-f .\\n=]{0,64}") {
            let p = Path::new("f");
            for loc in [
                Locator::JsonKey("a.version".into()),
                Locator::TomlKey("package.version".into()),
                Locator::Pattern("v={version}".into()),
            ] {
                if let Ok(spans) = locate(p, &text, &loc) {
                    let _ = agreed_version(p, &loc, &text, &spans);
                    let _ = splice(&text, &spans, "9.9.9");
                }
            }
        }

        #[test]
        fn json_bump_changes_only_the_value(
            pad in proptest::collection::vec("[ \\t\\r\\n]{0,3}", 6),
            other in "[a-z\\\\\"]{0,6}",
        ) {
            let other = other.replace('\\', "\\\\").replace('"', "\\\"");
            let text = format!("{}{{{}\"k\":\"{other}\",{}\"version\"{}:{}\"1.0.0\"{}}}", pad[0], pad[1], pad[2], pad[3], pad[4], pad[5]);
            let loc = Locator::JsonKey("version".into());
            let spans = locate(Path::new("f"), &text, &loc).expect("valid json");
            proptest::prop_assert_eq!(splice(&text, &spans, "2.0.0"), text.replace("1.0.0", "2.0.0"));
        }
    }
}
