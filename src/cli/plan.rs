//! A release plan as people and machines read it: `relhook release --dry-run` prints it (the
//! diff of every file the release would change), and `--format json` reports it, before or
//! after the release.

use crate::config::Config;
use crate::release::{self, Options, Plan};
use std::io::Write;

pub(super) fn release_report<'a>(
    plan: &'a Plan,
    config: &Config,
    opts: &Options,
    done: Option<&release::Done>,
) -> super::json::ReleaseReport<'a> {
    super::json::ReleaseReport {
        schema_version: super::json::SCHEMA_VERSION,
        dry_run: done.is_none(),
        tag: &plan.tag,
        version: plan.version.to_string(),
        previous: plan.info.current.to_string(),
        previous_from: &plan.info.current_from,
        head: plan.head.to_string(),
        commit_message: &plan.commit_message,
        tag_message: &plan.tag_message,
        tests: config.checks.test.clone().filter(|_| !opts.no_test),
        signed: opts.sign || config.release.sign,
        edits: plan
            .committed
            .iter()
            .map(|e| super::json::EditReport {
                path: e.path.display().to_string(),
                diff: edit_diff(e),
            })
            .collect(),
        left_alone: plan
            .left_alone
            .iter()
            .map(|(f, note)| super::json::LeftAloneReport {
                path: f.path.display().to_string(),
                note: note.clone(),
            })
            .collect(),
        release_commit: done.map(|d| d.commit.to_string()),
        tested: done.map(|d| d.tested),
    }
}

pub(super) fn print_plan(
    out: &mut dyn Write,
    plan: &Plan,
    config: &Config,
    opts: &Options,
) -> std::io::Result<()> {
    let info = &plan.info;
    let moves = info.transition(&plan.version);
    if info.from_initial && info.current != plan.version {
        // `version.initial` is not what this release is made from.
        writeln!(
            out,
            "release {} ({moves}; no release tag or version file yet)",
            plan.tag
        )?;
    } else if info.tag.is_none() && info.current == plan.version {
        writeln!(out, "release {} ({moves}; {})", plan.tag, info.current_from)?;
    } else {
        writeln!(out, "release {} ({moves}, {})", plan.tag, info.current_from)?;
    }
    writeln!(out, "commit: {}", plan.commit_message)?;
    match (&config.checks.test, opts.no_test) {
        (Some(t), false) => writeln!(
            out,
            "tests: {} on the release commit",
            crate::testrun::shown(t)
        )?,
        _ => writeln!(out, "tests: none (`[checks] test` not set, or --no-test)")?,
    }
    let signed = if opts.sign || config.release.sign {
        "signed "
    } else {
        ""
    };
    writeln!(out, "tag: {signed}annotated {}, message:", plan.tag)?;
    for line in plan.tag_message.lines() {
        writeln!(out, "    {line}")?;
    }
    // As the release commit makes them: from HEAD's files, not the work tree's.
    for e in &plan.committed {
        write!(out, "{}", edit_diff(e))?;
    }
    writeln!(out, "(dry run: nothing was written)")
}

/// An edit as a unified diff. A stable release folding thousands of pre-release entries moves
/// them all, and the diff's cost grows with the square of the lines moved (18 s for 20,000
/// entries): past the timeout the rest is diffed coarser, still a correct diff.
pub(super) fn edit_diff(e: &crate::history::version::files::Edit) -> String {
    let name = e.path.display().to_string();
    let before = String::from_utf8_lossy(&e.before);
    let after = String::from_utf8_lossy(&e.after);
    similar::TextDiff::configure()
        .timeout(std::time::Duration::from_secs(1))
        .diff_lines(before.as_ref(), after.as_ref())
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// The packages `release --all` leaves out, one line each, with why; a package with nothing
/// of its own that follows a package it requires is said to be released as its dependent.
pub(super) fn say_skipped(
    err: &mut dyn Write,
    plan: &release::packages::Plan,
    skipped: &release::packages::Skipped,
) {
    for (name, why) in skipped {
        let mut of: Vec<&str> = plan
            .packages
            .iter()
            .filter(|p| p.name == *name)
            .flat_map(|p| p.because.iter().map(|c| c.dependency.as_str()))
            .collect();
        of.sort_unstable();
        of.dedup();
        let _ = match of.as_slice() {
            [] => writeln!(err, "relhook: {name} is not released: {why}"),
            _ => writeln!(
                err,
                "relhook: {name} has nothing of its own to release: released as a dependent of {}",
                of.join(", ")
            ),
        };
    }
}
