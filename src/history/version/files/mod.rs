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
use std::io;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

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
            Locator::JsonKey(k) if !k.contains('|') => write!(f, "JSON key `{}`", json_path(k)),
            Locator::JsonKey(k) => {
                let keys: Vec<String> = k
                    .split('|')
                    .map(|k| format!("`{}`", json_path(k)))
                    .collect();
                let (last, rest) = keys.split_last().expect("split yields one");
                write!(f, "JSON keys {} and {last}", rest.join(", "))
            }
            Locator::Pattern(p) => write!(f, "pattern `{p}`"),
        }
    }
}

/// A dotted JSON key path as a reader writes it: an empty key (`packages..version`) is
/// `packages[""].version`.
fn json_path(key: &str) -> String {
    let mut out = String::new();
    for (i, part) in key.split('.').enumerate() {
        if part.is_empty() {
            out.push_str("[\"\"]");
        } else {
            if i > 0 {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
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
    /// What the release commit stores instead, when the file has uncommitted changes
    /// (--allow-dirty) and the edit was made to HEAD's version of it (the changelog's): `after`
    /// is then that edit with the changes carried over. `None`: the commit is `after` carried
    /// over onto HEAD's version (see `release::dirty`).
    pub committed: Option<Vec<u8>>,
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
    #[error("{path}:{line}:{column}: cannot parse: {message}", path = .path.display())]
    Parse {
        /// The file's path relative to the root.
        path: PathBuf,
        /// Where the parser stopped: line, from 1.
        line: usize,
        /// Column, from 1, in characters.
        column: usize,
        /// The parser's short reason, on one line.
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
    #[error("{path}: {locator} is written with escapes or as a multi-line string; write it as a plain string", path = .path.display())]
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
    /// A lock file's entry of the project is not as its tool writes it, or the new version
    /// has no spelling there: relhook refuses rather than guess.
    #[error("{path}: {message}", path = .path.display())]
    LockEntry {
        /// The lock file's path relative to the root.
        path: PathBuf,
        /// What is wrong, and the way on.
        message: String,
    },
    /// The new version has no PEP 440 spelling (`1.3.0-next.1`), so uv's lock cannot hold it.
    #[error("{path}: {version} has no PEP 440 spelling for uv's entry of {name} (a pre-release there is `a`, `b`, `rc` or `dev`, then a number)", path = .path.display())]
    NoLockSpelling {
        /// The lock file's path relative to the root.
        path: PathBuf,
        /// The version asked for.
        version: String,
        /// The project whose entry it is.
        name: String,
    },
    /// A Python version file's new version is not above what it holds in PEP 440's order,
    /// though it is in SemVer's (`1.3.0-dev.1` is `1.3.0.dev1`, below `1.3.0b1`): PyPI
    /// refuses a version it has, and pip takes a lower one for older.
    #[error("{path}: {}", pep440::not_above(.version, .old, *.same), path = .path.display())]
    NotAbovePep440 {
        /// The version file's path relative to the root.
        path: PathBuf,
        /// The version asked for.
        version: String,
        /// The version the file holds.
        old: String,
        /// Whether PEP 440 reads both as one version.
        same: bool,
    },
    /// The new version is a SemVer pre-release PEP 440 reads as a post-release
    /// (`1.3.0-post.1` is `1.3.0.post1`): below `1.3.0` in SemVer, above it in PEP 440.
    #[error(
        "{path}: {version} is a pre-release of {} in SemVer but the post-release {} in PEP 440, which pip puts above {} and its pre-releases",
        pep440::release_of(.version),
        pep440::spelled(.version),
        pep440::release_of(.version),
        path = .path.display()
    )]
    PostAsPre {
        /// The version file's path relative to the root.
        path: PathBuf,
        /// The version asked for.
        version: String,
    },
    /// A Python project cannot take the new version (see [`Pep440Error`]).
    #[error(transparent)]
    Pep440(#[from] Pep440Error),
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

/// Reads the version the locator points at in `text`, the file as stored elsewhere than in the
/// work tree (in a commit).
pub fn read_version_in(file: &VersionFile, text: &str) -> Result<String> {
    let spans = locate(&file.path, text, &file.locator)?;
    agreed_version(&file.path, &file.locator, text, &spans)
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
    let real_root = crate::fsx::real_root(root)
        .map_err(|e| refuse(&format!("repository root {}: {e}", root.display())))?;
    // The deepest existing ancestor decides where symlinks lead.
    let (resolved, _) = crate::fsx::resolve_below(&real_root, &normal)
        .map_err(|e| refuse(&format!("cannot resolve: {e}")))?;
    if !resolved.starts_with(&real_root) {
        return Err(refuse("resolves outside the repository root"));
    }
    Ok(resolved)
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

/// The byte spans of the version text for any locator (never empty on Ok).
fn locate(path: &Path, text: &str, locator: &Locator) -> Result<Vec<Range<usize>>> {
    match locator {
        // `a|b`: every one of these keys that exists (npm lock files hold the version twice; a
        // pyproject.toml may hold it as `project.version` and `tool.poetry.version`).
        Locator::JsonKey(key) | Locator::TomlKey(key) if key.contains('|') => {
            let span = |k: &str| match locator {
                Locator::TomlKey(_) => toml_span(path, text, k, locator),
                _ => json_span(path, text, k, locator),
            };
            let mut spans = Vec::new();
            let mut first_error = None;
            for k in key.split('|') {
                match span(k) {
                    Ok(span) => spans.push(span),
                    Err(VersionFileError::KeyMissing { .. }) => {}
                    Err(e) => {
                        first_error.get_or_insert(e);
                    }
                }
            }
            if let Some(e) = first_error {
                return Err(e);
            }
            if spans.is_empty() {
                return Err(VersionFileError::KeyMissing {
                    path: path.to_path_buf(),
                    locator: locator.clone(),
                });
            }
            spans.sort_by_key(|s| s.start);
            Ok(spans)
        }
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

/// Whether all of `s` is what [`SEMVER_RE`] matches. Written out: compiling the regex
/// cost a hand tag's hook a quarter of a millisecond, for one short string.
fn is_version_text(s: &str) -> bool {
    let ident = |t: &str| {
        !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    };
    // `+` is in neither identifier set, so the first one ends the pre-release.
    let (rest, build) = match s.split_once('+') {
        Some((r, b)) => (r, Some(b)),
        None => (s, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (rest, None),
    };
    let mut numbers = core.split('.');
    let numeric =
        |n: Option<&str>| n.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    numeric(numbers.next())
        && numeric(numbers.next())
        && numeric(numbers.next())
        && numbers.next().is_none()
        && pre.is_none_or(ident)
        && build.is_none_or(ident)
}

/// The span inside a quoted literal `raw` (at `start`) holding its text,
/// when the literal is a plain single-line string equal to `value`.
fn inner_span(raw: &str, start: usize, value: &str) -> Option<Range<usize>> {
    let quote = raw.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let inner = raw.strip_prefix(quote)?.strip_suffix(quote)?;
    (inner == value).then(|| start + 1..start + 1 + inner.len())
}

mod bump;
pub mod bun_lock;
pub mod cargo_deps;
mod cargo_lock;
pub mod deps;
mod detect;
mod fix;
mod json;
mod leftovers;
mod lerna;
mod locks;
mod pattern;
mod pep440;
pub mod pnpm_lock;
mod poetry_deps;
mod py_deps;
pub mod py_pre;
mod read;
#[cfg(test)]
mod tests;
mod toml;
mod uv_lock;
mod write;

pub use bump::{bump_text, plan_bump, plan_bumps};
pub use cargo_lock::{cargo_lock_edit, local_version, package_name};
pub use detect::{
    detect, hold_still, key_as_listed, let_go, listed_json_key, manifest_paths, still_period,
};
use json::json_span;
pub use json::value as json_value;
pub use leftovers::{file_leftovers, leftovers};
pub use lerna::{npm_lock_keys, npm_lock_keys_in, package_manifests as lerna_packages};
pub use locks::Locks;
use pattern::pattern_spans;
pub use pep440::{
    Pep440Error, at_or_below as pep440_at_or_below, check_order as check_pep440_order,
    check_spelled as check_pep440_spelled, check_tags as check_pep440_tags,
    instead as pep440_instead, is_local as pep440_local, semver_spelling,
    spelled_like as pep440_spelled_like, spells as pep440_spells, uv_spells,
};
pub use read::reads;
use read::{read_error, read_text};
use toml::toml_span;
pub use toml::{parsed_toml, toml_parses};
pub use uv_lock::{LocksLeft, slash_path, uv_lock_edits};
use write::{apply_with, write_atomic};
