//! What the recovery of a killed relhook transaction did, said by the command that ran it:
//! the undone post-commit of an amend with the hand edit its entry needs, and a hand tag's
//! release left unfinished with the command that finishes it.

use std::io::Write;
use std::path::Path;

use crate::config::Config;
use crate::git::Repo;
use crate::git::txn::Recovered;
use crate::tag::hand;

/// Says what a recovery of a killed transaction did. An undone hand-tag release leaves the
/// tag git made on a commit without its section: that is said too, with the command that
/// finishes it (the undo alone reads as if nothing were left).
pub(super) fn say_recovered(
    repo: &Repo,
    root: &Path,
    config: &Config,
    done: &Recovered,
    syncing: bool,
) {
    say_recovered_to(
        &mut crate::cli::stream::stderr(),
        repo,
        root,
        config,
        done,
        syncing,
    );
}

/// [`say_recovered`] to `err` (a release's report keeps what it says).
pub(super) fn say_recovered_to(
    err: &mut dyn Write,
    repo: &Repo,
    root: &Path,
    config: &Config,
    done: &Recovered,
    syncing: bool,
) {
    const UNDID: &str = "undid an interrupted post-commit (nothing of it remains)";
    // An undone post-commit of `git commit --amend`: the file holds the replaced commit's entry,
    // which `--sync` leaves as it is (an entry is never re-derived from its commit), so the hand
    // edit is what finishes it, as when the amend cannot be rewritten at all. Found by the
    // commit it ran for, whatever was committed on top since.
    let stale = done
        .undone
        .and_then(|c| crate::history::sync::undone_amend(repo, config, root, c));
    match stale {
        // A `--sync` running now says the same line itself: said once.
        Some(_) if syncing => {
            let _ = writeln!(err, "relhook: {UNDID}");
        }
        Some(said) => {
            let _ = writeln!(err, "relhook: {UNDID}; {said}");
        }
        None => say_undone(err, repo, config, &with_asked(done)),
    }
    let found = match hand::unfinished(repo, config) {
        Some(u) => Some((config.clone(), u)),
        None => super::release_packages::unfinished_hand_view(repo, root, config)
            .and_then(|v| hand::unfinished(repo, &v).map(|u| (v, u))),
    };
    if let Some((view, u)) = found {
        let _ = writeln!(
            err,
            "relhook: {}",
            hand::describe_unfinished(repo, &view, &u)
        );
    }
}

/// The words of `done`, and, for a release undone before its commit whose journal recorded
/// what it was asked for (`relhook release 2.0.0`), the command that makes it again: after
/// this undo, `--resume` has nothing to resume, and a plain `relhook release` may make
/// another version. Not where this run is that very release again.
fn with_asked(done: &Recovered) -> String {
    let undone = done.said.starts_with("undid an interrupted release");
    let asked = done
        .asked
        .as_deref()
        .filter(|a| undone && crate::resume_advice::asked().as_deref() != Some(a.trim()));
    match asked {
        Some(asked) => format!(
            "{}; to make that release again: `{}`",
            done.said,
            crate::resume_advice::release_asked(asked)
        ),
        None => done.said.clone(),
    }
}

/// [`say_recovered`] for `relhook release --resume`, which finishes what it would name. A hand
/// tag's release commit undone whole is made again by this resume: "undid" would say the
/// opposite of what it then does, so that is said as the finishing it is.
pub(super) fn say_recovered_resuming(repo: &Repo, root: &Path, config: &Config, done: &str) {
    // Said mid-line when a re-staging follows it.
    let done = crate::git::txn::without_resume_makes_tag(done);
    let whole = done == "undid an interrupted release (nothing of it remains)";
    let tag = whole.then(|| {
        hand::unfinished(repo, config).or_else(|| {
            super::release_packages::unfinished_hand_view(repo, root, config)
                .and_then(|v| hand::unfinished(repo, &v))
        })
    });
    let said = match tag.flatten() {
        Some(u) => format!("finishing the interrupted release of {}", u.tag),
        None => done,
    };
    let _ = writeln!(crate::cli::stream::stderr(), "relhook: {said}");
}

/// The recovery's own words, or, for an undone post-commit of the amend HEAD still is (a
/// journal that names no commit), the hand edit its entry needs.
fn say_undone(err: &mut dyn Write, repo: &Repo, config: &Config, done: &str) {
    let amend = done
        .starts_with("undid an interrupted post-commit (")
        .then(|| {
            crate::history::accumulate::unrewritten_amend(
                repo,
                config,
                "its post-commit was interrupted, and its changes were undone",
            )
        })
        .flatten();
    match amend {
        Some(said) => {
            let _ = writeln!(
                err,
                "relhook: undid an interrupted post-commit (nothing of it remains)"
            );
            let _ = writeln!(err, "relhook: {said}");
        }
        None => {
            let _ = writeln!(err, "relhook: {done}");
        }
    }
}
