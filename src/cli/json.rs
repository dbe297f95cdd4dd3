//! `--format json` output types: every document a command prints for machines is one of these
//! `Serialize` types, with `schema_version` first. docs/json.md describes them; tests pin them.
//! Commit ids are always full.

use serde::Serialize;

use crate::lint::Verdict;
use crate::report::MessageReport;
use crate::{Error, Result};

/// The version of every JSON document relhook prints. Adding a field keeps it; renaming,
/// removing or changing the meaning of one bumps it.
pub(crate) const SCHEMA_VERSION: u32 = 1;

/// Prints one JSON document and a newline on stdout.
pub(crate) fn print<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Usage(format!("cannot encode the JSON output: {e}")))?;
    super::write_out(|out| writeln!(out, "{text}"))
}

/// `relhook check --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct CheckReport<'a> {
    pub schema_version: u32,
    /// The range checked and why.
    pub range: RangeReport<'a>,
    /// Commits walked (merges and ignored ones included).
    pub checked: usize,
    /// Commits with at least one error.
    pub failed: usize,
    /// Commits exempted (merges, `ignore` patterns).
    pub ignored: usize,
    /// The commits with findings, newest first.
    pub commits: Vec<CommitReport<'a>>,
}

/// The range `check` walked.
#[derive(Debug, Serialize)]
pub(crate) struct RangeReport<'a> {
    /// As printed (`1a2b3c4d5..HEAD`, `origin/main..HEAD`, `HEAD`).
    pub spec: &'a str,
    /// The commit the range starts after (full id), or null for all history.
    pub base: Option<String>,
    /// HEAD's commit (full id), or null in a repository without commits.
    pub head: Option<String>,
    /// Why this range, in one line.
    pub reason: &'a str,
    /// What decided it: github, gitlab, base, all, upstream, tag, history, explicit.
    pub source: &'a str,
}

/// One commit with findings.
#[derive(Debug, Serialize)]
pub(crate) struct CommitReport<'a> {
    /// The full commit id.
    pub commit: String,
    /// The verdict on its message (`source` is the full id too).
    #[serde(flatten)]
    pub message: MessageReport<'a>,
}

impl<'a> CommitReport<'a> {
    pub(crate) fn new(id: &'a str, v: &'a Verdict) -> Self {
        CommitReport {
            commit: id.to_owned(),
            message: MessageReport::new(id, v),
        }
    }
}
