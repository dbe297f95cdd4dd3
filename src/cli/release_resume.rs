//! `relhook release --resume`: finishes the release an interrupted run (or a killed hand tag)
//! left, and reports what it finished.

use std::io::Write;

use super::Outcome;
use super::release_after::interrupted;
use super::release_next::{Made, refused, say_next, say_untested};
use crate::Result;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::release::{self, Options};
use crate::tag::hand;

/// Prints what a resume finished, for `--format json` (machines read stdout).
pub(super) fn resumed(
    tags: Vec<&str>,
    commit: String,
    tested: bool,
    told: super::told::Lines,
) -> Result<()> {
    super::json::print(&super::json::ResumeReport {
        schema_version: super::json::SCHEMA_VERSION,
        tags,
        release_commit: commit,
        tested,
        notes: told.notes,
        warnings: told.warnings,
        next: told.next,
    })
}

/// `relhook release --resume`: tags the release commit an interrupted release left.
pub(super) fn resume(
    repo: &Repo,
    config: &Config,
    root: &std::path::Path,
    half: &release::HalfMade,
    opts: &Options,
    json: bool,
) -> Result<Outcome> {
    // Its section leaves out changes below it (rebased over them): made again, not tagged.
    if let Some(r) = half.stale_refusal() {
        return refused(&r, json);
    }
    if let Some(r) =
        release::settings::uncommitted(repo, config, crate::release::settings::RELEASE)?
    {
        return refused(&r, json);
    }
    let dirty = repo.dirty_paths(5)?;
    if half.at_head && !opts.allow_dirty && !dirty.is_empty() {
        if let Some(r) = crate::release::special_dirty(
            repo,
            &dirty,
            &format!("`{}`", crate::resume_advice::command()),
        ) {
            return refused(&r, json);
        }
        return refused(
            &Refusal::new(
                Reason::DirtyTree,
                format!(
                    "the working tree is not clean ({}); {}",
                    dirty.join(", "),
                    super::release_after::tagged_on(super::release_after::resume_tests(
                        config, opts
                    ))
                ),
                format!(
                    "commit or stash first, or tag it with them: `{}`",
                    crate::resume_advice::with("--allow-dirty")
                ),
            ),
            json,
        );
    }
    let mut err = crate::cli::stream::stderr();
    // Its tag is signed as asked: refused before the tests when git cannot sign.
    let finished = release::signing_works(repo, config, opts, false).and_then(|()| {
        let _ = writeln!(
            err,
            "relhook: finishing the release of {} (commit {})",
            half.version,
            crate::git::short_id(half.commit)
        );
        release::resume(repo, config, root, half, opts)
    });
    match finished {
        Ok(done) => {
            // A hand tag's, moved onto its release commit: its killed hook's marker is done.
            if half.misplaced_tag.is_some() {
                hand::clear_marker_of(repo, &half.tag);
            }
            let tested = if done.tested { "tested, " } else { "" };
            let _ = writeln!(
                err,
                "relhook: {} is tagged on {} ({tested}release finished)",
                half.tag,
                crate::git::short_id(done.commit)
            );
            let made = [Made {
                tag: &half.tag,
                config,
                tested: done.tested,
            }];
            // What follows the progress, which the JSON report carries too.
            let mut told = super::told::Told::stderr();
            say_untested(&mut told, repo, done.commit, &made, opts.no_test);
            say_next(&mut told, repo, done.commit, &made, half.at_head);
            if json {
                let said = told.lines();
                resumed(vec![&half.tag], done.commit.to_string(), done.tested, said)?;
            }
            Ok(Outcome::Ok)
        }
        Err(e) if e.interrupted().is_some() => Ok(interrupted(
            &e,
            &format!(
                "{}: `{}` finishes it",
                super::release_after::left_behind(half),
                crate::resume_advice::command()
            ),
        )),
        Err(e) if e.is_refusal() => {
            // A tag left on the release commit as it was before a rewrite stays there, and a
            // hand tag on the commit before the release commit stays there too.
            let kept = half
                .replaces
                .or(half.misplaced_tag)
                .and_then(|t| repo.peel_to_commit(t))
                .map(|at| format!("{} stays on {}", half.tag, crate::git::short_id(at)));
            let undo = super::release_after::undo_to_fix(half, &config.release_command());
            super::release_after::refused_resume(
                e.into_refusal()?,
                kept.as_deref(),
                undo.as_deref(),
                json,
            )
        }
        // One line, as for a release undone at this step: what did not happen, what stays.
        Err(e @ crate::Error::Unfinished { .. }) => Err(e),
        Err(e) => Ok(super::release_after::not_resumed(&mut err, half, &e)),
    }
}
