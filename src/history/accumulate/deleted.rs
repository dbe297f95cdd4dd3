//! A commit that deletes the changelog its parent has: post-commit never makes a new one in
//! its place (that would hold this commit's entry alone), and says what was lost and how to
//! get it back. A `git revert` of the commit that created CHANGELOG.md stops on a
//! modify/delete conflict the merge driver never sees; taking the deletion takes every other
//! entry with it.

use std::path::Path;

use git2::Oid;

use crate::config::Config;
use crate::git::{Reach, Repo};
use crate::history::changelog::Changelog;
use crate::history::changelog::entry::NewEntry;

/// The notice for a commit `head` whose parent has `path` and which has it no more; `None`
/// when the parent has no such file either (the first changelog-worthy commit creates it).
/// `entry`: the commit's message calls for an entry (which then goes into the file kept).
pub(super) fn deleted_by(
    repo: &Repo,
    config: &Config,
    head: Oid,
    path: &Path,
    entry: bool,
) -> Option<String> {
    let parent = repo.first_parent(head)?;
    let before = repo.file_at(parent, path).ok()??;
    // A symbolic link taken out (one to nothing, as doctor's fix says) held no entries.
    if before.mode == 0o120_000 {
        return None;
    }
    if let Some(said) = moved_by(repo, config, head, path, entry) {
        return Some(said);
    }
    let unreleased = std::str::from_utf8(&before.bytes)
        .ok()
        .and_then(|t| Changelog::parse(t).ok())
        .map_or(0, |log| log.unreleased_entries().len());
    let shown = path.display();
    let what = match unreleased {
        0 => String::new(),
        1 => " and its 1 unreleased entry".to_owned(),
        n => format!(" and its {n} unreleased entries"),
    };
    let then = if entry {
        " (relhook then adds this commit's entry to it)"
    } else {
        ""
    };
    Some(format!(
        "no entry added: this commit deletes {shown}{what}, so relhook made no new one; to keep it: `git checkout HEAD~1 -- {} && git commit --amend --no-edit`{then}",
        crate::shellword::from_top(path)
    ))
}

/// The notice for a commit `head` that only moved `path` (`git mv`), as the commits after it
/// and doctor say it: the setting follows the file. Checking the file out again would turn
/// the move into a copy.
fn moved_by(repo: &Repo, config: &Config, head: Oid, path: &Path, entry: bool) -> Option<String> {
    let gone = crate::history::sync::changelog_deleted(repo, config, path, Reach::Head)?;
    let crate::history::sync::DeletionKind::Moved(to) = &gone.kind else {
        return None;
    };
    if gone.commit != head {
        return None;
    }
    // Names git took as they are (an ESC, `\r` or line break in them): shown, never obeyed.
    let shown = |p: &Path| crate::printable::visible(&p.display().to_string());
    let moves = format!("this commit moves {} to {}", shown(path), shown(to));
    let point = gone.restore(config, path);
    // Made again with the setting, the commit gets its entry from post-commit (a later
    // `--sync` adds it too). The merge driver's attribute line names the old path until
    // `relhook install` writes one for the new.
    Some(if entry {
        format!(
            "no entry added: {moves}, so relhook made no new one; {point}, then make this commit again with that change to get its entry there: `git add :/{} && git reset --soft HEAD~1 && git commit -C ORIG_HEAD && relhook install`",
            crate::config::FILE_NAME
        )
    } else {
        format!("{moves}; {point}, where relhook reads it from then on, then `relhook install`")
    })
}

/// The line for a revert (`head`, of the change whose entry is `reverted`) that deleted `path`
/// while it held that entry alone and no release: git's revert of the commit that created the
/// file took out exactly the change's entry, which neither ships, so the deletion stands (in a
/// monorepo, beside the `revert "…"` entry of a package that released the change).
pub(super) fn revert_took_file(
    repo: &Repo,
    head: Oid,
    path: &Path,
    reverted: &NewEntry,
) -> Option<String> {
    let parent = repo.first_parent(head)?;
    let before = repo.file_at(parent, path).ok()??;
    let log = Changelog::parse(std::str::from_utf8(&before.bytes).ok()?).ok()?;
    let alone = log.unreleased_entries().len() == 1
        && log.contains_entry(&reverted.text, true)
        && log.release_entries().is_empty();
    alone.then(|| {
        format!(
            "{}: git's revert deleted it, with `{} {}`, its only entry, which no release has, so neither ships",
            path.display(),
            log.marker(),
            crate::history::changelog::one_line(&log.as_written(&reverted.text))
        )
    })
}

/// The notice for a commit made after `path` was deleted by an earlier one (HEAD has no such
/// file, an ancestor on its first-parent line does) with what a new file would lack (the
/// sections of releases, or the entries listed before, which no sync adds again): no new file
/// is made.
pub(super) fn deleted_before(repo: &Repo, config: &Config, path: &Path) -> Option<String> {
    let gone = crate::history::sync::changelog_deleted(repo, config, path, Reach::Line)?;
    // A package's changelog is rebuilt and synced by commands that name its package.
    let rebuild = crate::history::sync::changelog_command(config, path, "--rebuild");
    let sync = crate::history::sync::changelog_command(config, path, "--sync");
    let restore = gone.restore(config, path);
    let or_rebuild = match gone.kind {
        crate::history::sync::DeletionKind::Moved(_) => String::new(),
        _ => format!(" (or `{rebuild}` writes it again from history)"),
    };
    Some(format!(
        "no entry added: {}, so relhook made no new one; {restore}{or_rebuild}, then `{sync}` adds this one",
        gone.what(path)
    ))
}
