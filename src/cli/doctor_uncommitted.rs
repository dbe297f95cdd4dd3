//! `relhook doctor`'s rows for a changelog with changes not committed: the commit that
//! keeps them, or, where a git killed mid-update left the index's lock and its half-made
//! change, the lock's removal first and how to drop that change.

use crate::config::Config;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Report, Status};

use super::doctor_changelog::Setting;

/// One row per changelog with changes not committed, where no other row names that changelog
/// already, no git operation is stopped, and no squash or `-n` pick staged it. Asked only
/// when no release is left unfinished: that one's row and fix come first.
pub(super) fn uncommitted_changelogs(repo: &Repo, config: &Config, report: &Report) -> Vec<Check> {
    // Mid cherry-pick, merge, rebase or revert, what is staged there is that operation's (a
    // picked commit's own entry): committing it alone would split a commit from its entry.
    if repo.operation_in_progress().is_some() {
        return Vec::new();
    }
    let held = staged_for_next_commit(repo);
    std::iter::once(config.clone())
        .chain(super::doctor::views_of(repo, config))
        .filter(|view| {
            let subject = Setting::of(view).subject;
            !report.checks.iter().any(|c| c.subject == subject)
        })
        .filter(|view| !held.contains(&view.changelog.path))
        .filter_map(|view| uncommitted(repo, &view))
        .collect()
}

/// The files a `git merge --squash` (SQUASH_MSG) or a `git cherry-pick -n` (MERGE_MSG alone)
/// staged, or left in conflict, for the commit the person makes next: a changelog among them
/// holds the entries of the commits brought in, and committed alone first it would split them
/// from their changes (the next commit then keeps entries its message no longer matches).
fn staged_for_next_commit(repo: &Repo) -> Vec<std::path::PathBuf> {
    let state = repo.stopped();
    if !(state.squash || state.message_alone) {
        return Vec::new();
    }
    (repo.staged_paths(10_000).unwrap_or_default())
        .into_iter()
        .map(std::path::PathBuf::from)
        .chain(repo.conflicts().into_iter().map(|c| c.path))
        .collect()
}

/// A changelog with changes not committed (what `relhook changelog --sync` wrote, or edits):
/// all is not well while the next release refuses the tree as dirty.
fn uncommitted(repo: &Repo, config: &Config) -> Option<Check> {
    let path = &config.changelog.path;
    let shown = path.to_string_lossy().replace('\\', "/");
    let dirty = repo.dirty_paths(10_000).ok()?;
    if !dirty.contains(&shown) {
        return None;
    }
    let commit = super::changelog::commit_command(
        repo,
        &[super::changelog::Written::whole(path)],
        false,
        config,
    );
    // A git killed mid-update (a cherry-pick, merge or revert killed before it stopped) left
    // the index's lock and its half-made change: no sync, and git commits nothing until the
    // lock goes.
    if let Some(lock) = repo.index_lock_left() {
        let rel = crate::shellword::from_top(path);
        return Some(Check {
            subject: Setting::of(config).subject,
            status: Status::Warning,
            detail: format!(
                "{shown} has changes not committed, and {} is left (by a git killed mid-update, unless one is still at work: then wait for it instead): a cherry-pick, merge or revert killed before it stopped leaves its half-made changes so, which are no sync to commit",
                lock.display()
            ),
            fix: Some(format!(
                "`rm {}`, then read `git diff -- {rel}`: a killed operation's half-made change goes with `git checkout -- {rel}` (then run that operation again); your own edits are committed with `{commit}`",
                crate::shellword::quote(&lock.display().to_string())
            )),
        });
    }
    Some(Check {
        subject: Setting::of(config).subject,
        status: Status::Warning,
        detail: format!(
            "{shown} has changes not committed (what `relhook changelog --sync` wrote, or edits): `relhook release` refuses the tree as dirty until they are"
        ),
        fix: Some(commit),
    })
}
