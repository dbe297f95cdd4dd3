//! Doctor's row for Unreleased entries of commits history lost (`history::sync::dropped`):
//! `--sync` keeps them (a person may have written them) and a release would ship them, so
//! they are said, with the hand edit.

use crate::config::Config;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// The row for the root changelog's entries of lost commits, if any.
pub(super) fn dropped_row(repo: &Repo, config: &Config) -> Option<Check> {
    let path = &config.changelog.path;
    // Read only as a regular file: a FIFO or a device there would hang doctor.
    let bytes = crate::fsx::read_regular_optional(&repo.work_tree()?.join(path)).ok()??;
    let text = String::from_utf8(bytes).ok()?;
    let dropped = crate::history::sync::dropped_entries(repo, config, &text).ok()?;
    let marker = crate::history::sync::parsed(repo, &text).map_or('-', |l| l.marker());
    let said: Vec<String> = dropped.iter().map(|d| d.said(path, marker)).collect();
    (!said.is_empty()).then(|| Check {
        subject: "changelog".into(),
        status: Status::Warning,
        detail: said.join("; "),
        fix: None,
    })
}
