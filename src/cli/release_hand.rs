//! `relhook release --resume` of a hand tag whose hook was interrupted before its release
//! commit: the commit the hook would have made, tested as a resumed release is before the tag
//! moves onto it, as for a hook interrupted after that commit.

use std::io::Write;
use std::path::Path;

use super::Outcome;
use super::release::{refused, resumed};
use super::release_next::{Made, say_next, say_untested, say_untested_by_hand};
use crate::Result;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::release::Options;
use crate::tag::hand;

/// Makes the hand tag's release commit and moves the tag onto it, as the hook would have;
/// with a test command (and no `--no-test`) the release commit is tested first and the tag
/// moved only once they pass, the pass recorded, as a resumed release does (pre-push refuses
/// an untested release tag). Failing, the tag stays on the commit before the release commit,
/// as a hook killed after that commit leaves it: one state, whichever step the hook was
/// killed at, which `relhook release --resume` finishes (a package's tag moves first: see
/// below). Without a test command, the hand tag's own lines say it was not tested and what
/// comes next.
pub(super) fn finish_hand_tag(
    repo: &Repo,
    config: &Config,
    root: &Path,
    opts: &Options,
    json: bool,
) -> Result<Outcome> {
    let Some(u) = hand::unfinished(repo, config) else {
        return refused(
            &Refusal::bare(Reason::NothingToResume, "nothing to resume"),
            json,
        );
    };
    // Its hook still at work, or the branch behind its upstream: not finished here.
    if let Some(r) = hand::not_resumable(repo, config, &u) {
        return refused(&r, json);
    }
    // A package's release commit with its tag on the commit before is not found as half-made
    // (`release::packages::half_made`): there the tag moves first, and a failure leaves it
    // untested on the release commit, with `relhook test --tag` named.
    let tests_run = super::release_after::resume_tests(config, opts) && config.package.is_none();
    let made = match tests_run {
        true => hand::complete_untagged(repo, config, root, &u, &opts.date)?,
        false => hand::complete(repo, config, root, &u, &opts.date)?,
    };
    let Some(done) = made else {
        return refused(
            &Refusal::bare(
                Reason::HandTagUnfinished,
                hand::describe_unfinished(repo, config, &u),
            ),
            json,
        );
    };
    let mut err = crate::cli::stream::stderr();
    // Tested before the tag moves; a package's (or none) after.
    let tests = match tests_run {
        true => match tested_then_moved(repo, config, root, &u, &done, opts) {
            Ok(tested) => Ok(tested),
            // Said as for a hand tag killed after its commit: what stays, and what finishes it.
            Err(e) if e.interrupted().is_some() => {
                let left = format!(
                    "the release commit stays, and {} stays on the commit before it, as it was (no test record): `{}` finishes it",
                    u.tag,
                    crate::resume_advice::command()
                );
                return Ok(super::release_after::interrupted(&e, &left));
            }
            Err(crate::Error::Refused(r)) => {
                for note in &done.notes {
                    let _ = writeln!(err, "relhook: note: {note}");
                }
                super::release_after::say_journal_left(&mut err, repo);
                return tests_failed(repo, config, &u, done.commit, r, json);
            }
            Err(e) => return Err(e),
        },
        false => crate::release::test_hand_release(repo, config, root, done.commit, opts),
    };
    // Finished, or its tag on the release commit: the killed hook's marker is done.
    hand::clear_marker(repo);
    let _ = writeln!(
        err,
        "relhook: {} now points at release commit {} ({} updated{}); `relhook notes {}` prints its notes",
        u.tag,
        crate::git::short_id(done.commit),
        crate::release::left_note::shortened(&done.files),
        if matches!(tests, Ok(true)) {
            ", tested"
        } else {
            ""
        },
        crate::shellword::quote(&u.tag)
    );
    // What follows the progress, which the JSON report carries too.
    let mut told = super::told::Told::stderr();
    for note in &done.notes {
        let _ = writeln!(told, "relhook: note: {note}");
    }
    super::release_after::say_journal_left(&mut told, repo);
    let tested = match tests {
        Ok(tested) => tested,
        Err(crate::Error::Refused(r)) => {
            let _ = writeln!(
                err,
                "relhook: {} is left untested: {}; {}",
                u.tag,
                r.what,
                crate::tag::failed::way_out(repo, config, &u.tag, done.commit)
            );
            if json {
                super::json::print(&super::json::ErrorReport::refused(&r))?;
            }
            return Ok(Outcome::Failed);
        }
        Err(e) => return Err(e),
    };
    let made = [Made {
        tag: &u.tag,
        config,
        tested,
    }];
    if config.checks.test.is_some() {
        say_untested(&mut told, repo, done.commit, &made, opts.no_test);
    } else {
        say_untested_by_hand(&mut told, repo, done.commit, &made);
    }
    say_next(&mut told, repo, done.commit, &made, true);
    if json {
        resumed(vec![&u.tag], done.commit.to_string(), tested, told.lines())?;
    }
    Ok(Outcome::Ok)
}

/// Tests release commit `done` of hand tag `u` (still on the commit before it), then moves
/// the tag onto it; failing, the tag stays where it is.
fn tested_then_moved(
    repo: &Repo,
    config: &Config,
    root: &Path,
    u: &hand::Update,
    done: &hand::Rewritten,
    opts: &Options,
) -> Result<bool> {
    // A Ctrl-C while testing stops the tests; the release commit stays, finishable.
    let _deferred = crate::interrupt::Deferred::begin();
    let tested = crate::release::test_hand_release(repo, config, root, done.commit, opts)?;
    hand::move_onto(repo, u, done.commit)?;
    Ok(tested)
}

/// Failing tests of hand tag `u`'s release commit `commit`, said as a resume of a hand tag
/// killed after that commit says them: the release commit stays, the tag stays on the commit
/// before it, and the next line names `relhook release --resume`, which finishes it.
fn tests_failed(
    repo: &Repo,
    config: &Config,
    u: &hand::Update,
    commit: git2::Oid,
    r: Refusal,
    json: bool,
) -> Result<Outcome> {
    let kept = repo
        .peel_to_commit(u.new)
        .map(|at| format!("{} stays on {}", u.tag, crate::git::short_id(at)));
    let version = u
        .tag
        .strip_prefix(config.version.tag_prefix.as_str())
        .unwrap_or(&u.tag);
    let undo = super::release_after::undo_to_fix_at(
        &super::release_after::Left {
            commit,
            version,
            tag: Some(&u.tag),
            at_head: repo.head() == Some(commit),
            pushed: false,
        },
        &config.release_command(),
    );
    super::release_after::refused_resume(r, kept.as_deref(), undo.as_deref(), json)
}
