//! `relhook release --resume` of a monorepo release interrupted after its commit: the tags
//! it lacks made (tested first), or one line saying what stays and the command that goes on.

use std::io::Write;

use super::super::release_next::{Made, say_next, say_untested};
use super::super::{Outcome, release, release_after};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::release::Options;
use crate::release::packages::{self, HalfMade};
use crate::{Error, Result};

/// Tests and tags the packages `half` lacks tags for.
pub(super) fn resume(
    repo: &Repo,
    config: &Config,
    root: &std::path::Path,
    half: &HalfMade,
    (opts, json): (&Options, bool),
    // What the release said before (a recovery), kept for the JSON report.
    mut told: super::super::told::Told,
) -> Result<Outcome> {
    // This clone's release dropped by a rebase onto a remote's: the remote's tags are taken.
    if let Some((problem, fix)) = half.take_theirs() {
        let why = format!("{problem}; {fix}");
        return release::refused(&Refusal::bare(Reason::HalfMade, why), json);
    }
    // A package's release made now would differ (rebased over changes): made again, not tagged.
    if let Some(r) = half.stale_refusal() {
        return release::refused(&r, json);
    }
    if let Some(r) =
        crate::release::settings::uncommitted(repo, config, crate::release::settings::RELEASE)?
    {
        return release::refused(&r, json);
    }
    let dirty = repo.dirty_paths(5)?;
    if half.at_head && !opts.allow_dirty && !dirty.is_empty() {
        if let Some(r) = crate::release::special_dirty(
            repo,
            &dirty,
            &format!("`{}`", crate::resume_advice::command()),
        ) {
            return release::refused(&r, json);
        }
        let tests = !opts.no_test
            && half.missing.iter().any(|(_, p)| {
                crate::history::packages::view(config, p, root)
                    .is_ok_and(|v| v.checks.test.is_some())
            });
        return release::refused(
            &Refusal::new(
                Reason::DirtyTree,
                format!("the working tree is not clean ({})", dirty.join(", ")),
                format!(
                    "{}: commit or stash first, or tag it with them: `{}`",
                    release_after::tagged_on(tests),
                    crate::resume_advice::with("--allow-dirty")
                ),
            ),
            json,
        );
    }
    let mut err = crate::cli::stream::stderr();
    let tags: Vec<&str> = half.missing.iter().map(|(t, _)| t.as_str()).collect();
    // The tags it makes are signed as asked: refused before the tests when git cannot sign.
    let finished = crate::release::signing_works(repo, config, opts, false).and_then(|()| {
        let _ = writeln!(
            err,
            "relhook: finishing the release of {} (commit {})",
            tags.join(", "),
            crate::git::short_id(half.commit)
        );
        packages::resume(repo, config, root, half, opts)
    });
    match finished {
        Ok(done) => {
            let tested = super::tested_note(&done.tested);
            let _ = writeln!(
                err,
                "relhook: {} tagged on {} ({tested}release finished)",
                tags.join(", "),
                crate::git::short_id(done.commit)
            );
            let views = half
                .missing
                .iter()
                .map(|(tag, package)| {
                    let view = crate::history::packages::view(config, package, root)?;
                    Ok((tag, package, view))
                })
                .collect::<Result<Vec<_>>>()?;
            let made: Vec<Made<'_>> = views
                .iter()
                .map(|(tag, package, view)| Made {
                    tag,
                    config: view,
                    tested: done.tested.contains(package),
                })
                .collect();
            say_untested(&mut told, repo, done.commit, &made, opts.no_test);
            say_next(&mut told, repo, done.commit, &made, half.at_head);
            if json {
                let (commit, tested) = (done.commit.to_string(), !done.tested.is_empty());
                release::resumed(tags, commit, tested, told.lines())?;
            }
            Ok(Outcome::Ok)
        }
        Err(e) if e.interrupted().is_some() => Ok(release_after::interrupted(
            &e,
            &format!(
                "the release commit stays, and `{}` makes the tags it still lacks",
                crate::resume_advice::command()
            ),
        )),
        Err(e) if e.is_refusal() => {
            // Tags left on the release commit as it was before a rewrite stay there.
            let kept: Vec<String> = (half.replaces.iter())
                .map(|(tag, _, at)| format!("{tag} stays on {}", crate::git::short_id(*at)))
                .collect();
            let kept = (!kept.is_empty()).then(|| kept.join(", "));
            release_after::refused_resume(e.into_refusal()?, kept.as_deref(), None, json)
        }
        Err(e @ Error::Unfinished { .. }) => Err(e),
        Err(e) => {
            let e = e.to_string().lines().collect::<Vec<_>>().join(" ");
            let _ = writeln!(
                err,
                "relhook: error: {} not released: {e}; the release commit stays: `{}` finishes it once that is fixed",
                tags.join(", "),
                crate::resume_advice::command()
            );
            Ok(Outcome::Code(2))
        }
    }
}
