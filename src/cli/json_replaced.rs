//! The entries `changelog --sync --format json` lists: those it adds, and those it replaced
//! (or moved to another section) because their commit's message changed since.

use serde::Serialize;

use super::json::AddedEntry;
use crate::history::changelog::entry::NewEntry;

/// An entry `changelog --sync` replaced, or moved: as the commit's message has it now, and
/// as the file had it.
#[derive(Debug, Serialize)]
pub(crate) struct ReplacedEntry {
    /// `commit`, `section`, `text` and `breaking`, as for an entry added.
    #[serde(flatten)]
    pub entry: AddedEntry,
    /// The entry the file had: its `section` and `text`.
    pub old: OldEntry,
}

/// An entry as the file had it before `--sync` replaced it.
#[derive(Debug, Serialize)]
pub(crate) struct OldEntry {
    pub section: String,
    pub text: String,
}

/// `e`, the entry of `commit`, as the report lists it.
pub(crate) fn added(commit: &str, e: &NewEntry) -> AddedEntry {
    AddedEntry {
        commit: commit.to_owned(),
        section: e.section.clone(),
        text: e.text.clone(),
        breaking: e.breaking,
    }
}

/// The entries `--sync` replaced: (commit, the file's entry, the new one).
pub(crate) fn replaced(moved: &[(String, NewEntry, NewEntry)]) -> Vec<ReplacedEntry> {
    (moved.iter())
        .map(|(commit, old, e)| ReplacedEntry {
            entry: added(commit, e),
            old: OldEntry {
                section: old.section.clone(),
                text: old.text.clone(),
            },
        })
        .collect()
}
