//! The `--format json` report of a monorepo release, dry run or made.

use serde::Serialize;

use crate::release::packages::{self, Plan};

/// `--format json`.
#[derive(Serialize)]
pub(super) struct Report<'a> {
    schema_version: u32,
    dry_run: bool,
    packages: Vec<PackageReport<'a>>,
    commit_message: &'a str,
    head: String,
    edits: Vec<super::super::json::EditReport>,
    release_commit: Option<String>,
    tested: Option<&'a [String]>,
    /// The repository's files left as they are (a lock at the top), each as its note says.
    left_alone: Vec<&'a str>,
    /// What stderr says beside the progress, as the single release's report has them.
    notes: Vec<String>,
    warnings: Vec<String>,
    /// The `next:` step once the tags are made.
    next: Option<String>,
}

#[derive(Serialize)]
struct PackageReport<'a> {
    name: &'a str,
    tag: &'a str,
    version: String,
    previous: String,
    because: Vec<String>,
    /// The package's found version files left as they are, each as its note says.
    left_alone: Vec<&'a str>,
}

pub(super) fn report<'a>(
    plan: &'a Plan,
    done: Option<&'a packages::Done>,
    told: super::super::told::Lines,
) -> Report<'a> {
    Report {
        schema_version: super::super::json::SCHEMA_VERSION,
        dry_run: done.is_none(),
        packages: plan
            .packages
            .iter()
            .map(|p| PackageReport {
                name: &p.name,
                tag: &p.tag,
                version: p.version.to_string(),
                previous: p.current.to_string(),
                because: p.because.iter().map(|c| c.entry()).collect(),
                left_alone: full(&p.left_alone),
            })
            .collect(),
        commit_message: &plan.commit_message,
        head: plan.head.to_string(),
        edits: plan
            .committed
            .iter()
            .map(|e| super::super::json::EditReport {
                path: e.path.display().to_string(),
                diff: super::super::plan::edit_diff(e),
            })
            .collect(),
        release_commit: done.map(|d| d.commit.to_string()),
        tested: done.map(|d| d.tested.as_slice()),
        left_alone: full(&plan.left_alone),
        notes: told.notes,
        warnings: told.warnings,
        next: told.next,
    }
}

/// The notes in full: the report names every file stderr cuts short.
fn full(notes: &[crate::release::left_note::LeftNote]) -> Vec<&str> {
    notes.iter().map(|n| n.full.as_str()).collect()
}
