//! `relhook doctor`'s row for commits not pushed yet that fail the lint (made with
//! `--no-verify`, or by git's cherry-pick or revert, which skip commit-msg): pre-push will
//! refuse them, so "all is well" would be wrong. Only the unpushed commits on HEAD's line are
//! read (none a remote-tracking ref reaches; with none, those since the latest release tag),
//! at most [`LIMIT`] of them, so a long history costs doctor nothing more.

use crate::config::Config;
use crate::git::Repo;
use crate::history::unlinted;
use crate::hooks::doctor::{Check, Status};

/// How many unpushed commits doctor reads at most.
const LIMIT: usize = 1000;

/// The warning, when HEAD's unpushed commits hold some that fail the lint.
pub(super) fn unpushed_unlinted(repo: &Repo, config: &Config) -> Option<Check> {
    let head = repo.head()?;
    let (failing, cut) = unlinted::unpushed(repo, config, head, LIMIT).ok()?;
    if failing.is_empty() {
        return None;
    }
    let (count, verb, them) = match failing.len() {
        1 => ("1 commit".to_owned(), "fails", "it"),
        n => (format!("{n} commits"), "fail", "them"),
    };
    let newest = if cut {
        format!(" (of the newest {LIMIT} not pushed yet)")
    } else {
        String::new()
    };
    let named = (failing.iter()).map(|f| format!("{} `{}`", crate::git::short_id(f.id), f.header));
    Some(Check {
        subject: "unpushed commits".into(),
        status: Status::Warning,
        detail: format!(
            "{count} not pushed yet {verb} the lint{newest}; pre-push refuses {them}: {}",
            crate::commit::report::first_few(named)
        ),
        fix: Some(fix(repo, config, &failing, them)),
    })
}

/// The fix: the rebase that rewords them, and, with a local release tag above them, the
/// steps around it that pre-push gives (the release made again, with the reworded commits).
fn fix(repo: &Repo, config: &Config, failing: &[unlinted::Failing], them: &str) -> String {
    with_local_tags(repo, config, failing).unwrap_or_else(|| {
        format!(
            "reword {them} before pushing: {}",
            unlinted::rebase_step(repo, failing)
        )
    })
}

/// With a local release tag above `failing`, how to reword them: the steps around the tag that
/// pre-push gives. The one text for doctor's fix and `relhook check`'s hint.
pub(super) fn with_local_tags(
    repo: &Repo,
    config: &Config,
    failing: &[unlinted::Failing],
) -> Option<String> {
    let bads: Vec<git2::Oid> = failing.iter().map(|f| f.id).collect();
    let rebase = unlinted::rebase_command(repo, failing);
    let steps = crate::prepush::local_tags_fix(repo, config, &bads, &rebase)?;
    Some(format!(
        "reword {} before pushing: {steps}",
        unlinted::them(failing)
    ))
}

/// [`with_local_tags`] for the commits HEAD has not pushed, when `relhook check` failed every
/// one of them (`failed`): its hint is then doctor's fix.
pub(super) fn check_hint(repo: &Repo, config: &Config, failed: &[git2::Oid]) -> Option<String> {
    let (failing, cut) = unlinted::unpushed(repo, config, repo.head()?, LIMIT).ok()?;
    let all = !cut && !failing.is_empty() && failing.iter().all(|f| failed.contains(&f.id));
    all.then(|| with_local_tags(repo, config, &failing))
        .flatten()
}
