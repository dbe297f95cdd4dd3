//! `relhook release --resume` of a hand tag whose hook was interrupted before its release
//! commit: the commit the hook would have made, then the tests a resumed release runs.

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
/// then tests it with the configured command and records the pass, as a resumed release
/// does (pre-push refuses an untested release tag). Without a test command, the hand tag's
/// own lines say it was not tested and what comes next.
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
    let Some(done) = hand::complete(repo, config, root, &u, &opts.date)? else {
        return refused(
            &Refusal::bare(
                Reason::HandTagUnfinished,
                hand::describe_unfinished(repo, config, &u),
            ),
            json,
        );
    };
    hand::clear_marker(repo);
    let mut err = crate::cli::stream::stderr();
    // The release is made whatever the tests say: a failure leaves the tag on it, untested.
    let tests = crate::release::test_hand_release(repo, config, root, done.commit, opts);
    let _ = writeln!(
        err,
        "relhook: {} now points at release commit {} ({} updated{}); `relhook notes {}` prints its notes",
        u.tag,
        crate::git::short_id(done.commit),
        done.files.join(", "),
        if matches!(tests, Ok(true)) {
            ", tested"
        } else {
            ""
        },
        u.tag
    );
    for note in &done.notes {
        let _ = writeln!(err, "relhook: note: {note}");
    }
    super::release_after::say_journal_left(&mut err, repo);
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
        say_untested(&mut err, repo, done.commit, &made, opts.no_test);
    } else {
        say_untested_by_hand(&mut err, repo, done.commit, &made);
    }
    say_next(&mut err, repo, done.commit, &made, true);
    if json {
        resumed(vec![&u.tag], done.commit.to_string(), tested)?;
    }
    Ok(Outcome::Ok)
}
