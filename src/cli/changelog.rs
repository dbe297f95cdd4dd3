//! `relhook changelog`, the post-commit hook and the CHANGELOG.md merge driver.

use std::io::Write;
use std::path::Path;

use super::args::{ChangelogArgs, Format};
use super::lint::skip_requested;
use super::{Context, Outcome, write_out};
use crate::accumulate::{Accumulated, post_commit};
use crate::changelog::Changelog;
use crate::git::Repo;
use crate::sync::{TEMPLATE, plan_sync, rebuild};
use crate::{Error, Result};

/// `relhook changelog [--sync|--rebuild] [--stdout]`.
pub(super) fn changelog(ctx: &Context, args: &ChangelogArgs) -> Result<Outcome> {
    let repo = Repo::open(&ctx.cwd)?;
    let root = repo
        .work_tree()
        .ok_or_else(|| Error::Usage("a bare repository has no CHANGELOG.md to keep".into()))?;
    let config = ctx.config(&root)?;
    let path = root.join(&config.changelog.path);
    let current = crate::fsx::read_optional(&path)?;
    let current = match current {
        Some(bytes) => Some(
            String::from_utf8(bytes).map_err(|_| Error::NotKeepAChangelog {
                path: config.changelog.path.clone(),
                line: 1,
                message: "the file is not UTF-8".into(),
            })?,
        ),
        None => None,
    };
    let mut err = std::io::stderr().lock();
    let json = args.format == Format::Json;
    let mut added = Vec::new();
    let text = if args.rebuild {
        if let Some(cur) = &current {
            refuse_uncommitted(&repo, &config.changelog.path, cur, args)?;
        }
        rebuild(&repo, &config)?
    } else {
        let base = current.clone().unwrap_or_else(|| TEMPLATE.to_owned());
        let plan = plan_sync(&repo, &config, &base)?;
        for (commit, e) in &plan.added {
            let short = commit.get(..9).unwrap_or(commit);
            let _ = writeln!(err, "relhook: {short}: `- {}` under {}", e.text, e.section);
        }
        if plan.added.is_empty() && !args.stdout {
            let _ = writeln!(
                err,
                "relhook: {} is up to date with history",
                config.changelog.path.display()
            );
        }
        added = plan.added;
        plan.text
    };
    let changed = current.as_deref() != Some(text.as_str());
    if args.stdout && !json {
        write_out(|out| out.write_all(text.as_bytes()))?;
    } else if changed && !args.stdout {
        crate::fsx::write_atomic(&path, text.as_bytes())?;
        let _ = writeln!(err, "relhook: wrote {}", config.changelog.path.display());
    }
    if json {
        super::json::print(&super::json::ChangelogReport {
            schema_version: super::json::SCHEMA_VERSION,
            path: config.changelog.path.display().to_string(),
            mode: if args.rebuild { "rebuild" } else { "sync" },
            changed,
            written: changed && !args.stdout,
            added: added
                .iter()
                .map(|(commit, e)| super::json::AddedEntry {
                    commit,
                    section: &e.section,
                    text: &e.text,
                    breaking: e.breaking,
                })
                .collect(),
            content: args.stdout.then_some(text.as_str()),
        })?;
    }
    Ok(Outcome::Ok)
}

/// `--rebuild` replaces the whole file: refuse when that would lose uncommitted edits.
fn refuse_uncommitted(repo: &Repo, rel: &Path, current: &str, args: &ChangelogArgs) -> Result<()> {
    if args.stdout || args.force {
        return Ok(());
    }
    let committed = repo
        .head()
        .and_then(|h| repo.file_at(h, rel).ok().flatten());
    if committed.is_some_and(|f| f.bytes == current.as_bytes()) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{} has changes that are not committed, and --rebuild rewrites the whole file; commit them first, print with --stdout, or pass --force",
        rel.display()
    )))
}

/// `relhook hook post-commit`: git ignores its exit status, so problems are reported, not fatal.
pub(super) fn post_commit_hook(ctx: &Context) -> Result<Outcome> {
    if skip_requested() {
        return Ok(Outcome::Ok);
    }
    let repo = Repo::open(&ctx.cwd)?;
    let Some(root) = repo.work_tree() else {
        return Ok(Outcome::Ok);
    };
    let config = ctx.config(&root)?;
    let mut err = std::io::stderr().lock();
    match post_commit(&repo, &config)? {
        Accumulated::Skipped(_) => {}
        Accumulated::Notice(why) => {
            if !quiet() {
                let _ = writeln!(err, "relhook: {why}");
            }
        }
        Accumulated::Changed {
            what,
            old,
            new,
            note,
        } => {
            let short = |o: git2::Oid| o.to_string()[..9].to_owned();
            let _ = writeln!(
                err,
                "relhook: {}: {what}; the commit is now {} (git named it {})",
                config.changelog.path.display(),
                short(new),
                short(old)
            );
            if let Some(note) = note {
                let _ = writeln!(err, "relhook: warning: {note}");
            }
        }
        Accumulated::Refused(why) => {
            let _ = writeln!(err, "relhook: warning: {why}");
        }
    }
    Ok(Outcome::Ok)
}

/// `RELHOOK_QUIET=1` (any value but empty or `0`) silences the hooks' informational lines:
/// why a hook did not act. Warnings and refusals are always printed.
pub(super) fn quiet() -> bool {
    std::env::var_os("RELHOOK_QUIET").is_some_and(|v| !v.is_empty() && v != "0")
}

/// `relhook hook merge-changelog %O %A %B [%P]`: unions the Unreleased entries of both sides
/// into %A. Anything it cannot merge falls back to git's own three-way merge with conflict
/// markers (exit 1), so nothing is lost.
pub(super) fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<&Path>,
) -> Result<Outcome> {
    let read = |p: &Path| -> Result<Option<Changelog>> {
        let bytes = crate::fsx::read(p)?;
        Ok(String::from_utf8(bytes)
            .ok()
            .and_then(|t| Changelog::parse(&t).ok()))
    };
    let label = name.map_or_else(|| "CHANGELOG.md".into(), |n| n.display().to_string());
    if let (Some(b), Some(o), Some(t)) = (read(base)?, read(ours)?, read(theirs)?) {
        match Changelog::merge_unreleased(&b, &o, &t) {
            Ok(text) => {
                crate::fsx::write_atomic(ours, text.as_bytes())?;
                return Ok(Outcome::Ok);
            }
            Err(e) => eprintln_note(&format!("{label}: {e}; falling back to a line merge")),
        }
    } else {
        eprintln_note(&format!(
            "{label}: one side is not a Keep a Changelog file; falling back to a line merge"
        ));
    }
    let status = std::process::Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .status()
        .map_err(|e| Error::io("run", "git merge-file", e))?;
    Ok(if status.success() {
        Outcome::Ok
    } else {
        Outcome::Failed
    })
}

fn eprintln_note(text: &str) {
    let _ = writeln!(std::io::stderr(), "relhook: {text}");
}
