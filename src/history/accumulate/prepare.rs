//! One target changelog as HEAD stores it, read and judged: the edit post-commit makes to it,
//! or why it makes none (a link, a filter, a file that is not Keep a Changelog, conflict
//! markers, an entry already there).

use std::path::PathBuf;

use git2::Oid;

use super::edit::Edit;
use super::op::{self, Op, decide};
use super::targets::Target;
use super::{Accumulated, already, deleted, kept_out, own_entry, skeleton, squash, unlisted};
use crate::Result;
use crate::config::Config;
use crate::git::{ReflogTop, Repo};
use crate::history::changelog::Changelog;
use crate::history::changelog::entry::NewEntry;

pub(super) enum Prepared {
    Edit(Box<Edit>),
    /// Nothing to do for this file (its entry is there, or it is a root changelog that
    /// does not exist); for a plain commit whose entry is already in Unreleased, that said.
    Nothing(Option<String>),
    /// The root changelog of a monorepo, which does not exist (and is not created).
    Absent(PathBuf),
    /// This file cannot take its entry: the reason, and no file is changed.
    Stop(Accumulated),
}

/// Reads one target file as HEAD stores it and decides its edit.
pub(super) fn prepare(
    (repo, config): (&Repo, &Config),
    head: Oid,
    top: &ReflogTop,
    (amend, reverted, unshipped, twin): (bool, Option<&NewEntry>, bool, Option<Oid>),
    target: Target,
) -> Result<Prepared> {
    let path = target.path;
    let shown = path.display();
    // A package's changelog is synced by a command that names its package.
    let sync = crate::history::sync::changelog_command(config, &path, "--sync");
    let stop = |a: Accumulated| Ok(Prepared::Stop(a));
    // A link that leads nowhere where the file was: the fix that puts the file back, not
    // the words for a link relhook will not write through.
    if let Some(root) = repo.work_tree()
        && crate::history::changelog::not_a_file(&root, &path)
            == Some(crate::history::changelog::NotAFile::DanglingLink)
        && let Some((what, fix)) = crate::history::sync::changelog_not_a_file(repo, config, &path)
    {
        return stop(Accumulated::Refused(format!(
            "no entry added: {what}: {fix}, then `{sync}` adds this one"
        )));
    }
    // A path that leads out of the work tree (`..`, a symlinked folder) is refused here, with
    // its reason, rather than failing later as a tree conflict.
    if let Some(root) = repo.work_tree()
        && let Err(e) = crate::fsx::confine(&root, &path)
        && matches!(e, crate::Error::UnsafePath { .. })
    {
        if !target.create
            && matches!(&e, crate::Error::UnsafePath { reason, .. } if reason.contains("does not exist"))
        {
            return Ok(Prepared::Absent(path));
        }
        // A folder a commit moved away with the file: no folder to make, the setting to
        // follow it (or the file to bring back).
        if let Some(said) = deleted::deleted_before(repo, config, &path) {
            return stop(Accumulated::Notice(said));
        }
        // A folder not made yet (a configured `docs/CHANGELOG.md`): relhook makes no folders
        // of its own, so the command that does is said.
        let fix = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(dir) if matches!(&e, crate::Error::UnsafePath { reason, .. } if reason.contains("does not exist")) =>
            {
                format!(
                    "; `mkdir -p {}`, then `{sync}` adds this one",
                    crate::shellword::below_top(dir)
                )
            }
            _ => String::new(),
        };
        return stop(Accumulated::Refused(format!("no entry added: {e}{fix}")));
    }
    // A FIFO or a directory where the file is: read by nothing, and said with its fix (the
    // root changelog of a monorepo, neither committed nor to be created, is simply absent).
    if let Some((what, fix)) = crate::history::sync::changelog_not_a_file(repo, config, &path)
        && (target.create || repo.blob_at(head, &path).is_some())
    {
        return stop(Accumulated::Refused(format!(
            "no entry added: {what}: {fix}, then `{sync}` adds this one"
        )));
    }
    // Under a filter (git-lfs) git stores what its filter makes of the file (a pointer),
    // which only git can run: an attribute lookup here, and no raw blob committed.
    if let Some(driver) = repo.filter_driver(&path) {
        return stop(Accumulated::Refused(format!(
            "no entry added: {shown} is under git's `{driver}` filter (set in gitattributes), which post-commit does not run; `{sync}` writes the entries into the file, to `git add` with your next commit"
        )));
    }
    let stored = match repo.committed_file(head, &path)? {
        Some(stored) if stored.mode == i32::from(git2::FileMode::Link) => {
            return stop(Accumulated::Refused(format!(
                "{shown} is a symbolic link (to `{}`); relhook does not replace links with files: point `changelog.path` at the file it names",
                String::from_utf8_lossy(&stored.bytes)
            )));
        }
        Some(stored) => Some(stored),
        None if !target.create => return Ok(Prepared::Absent(path)),
        None => {
            let on_disk = repo
                .work_tree()
                .and_then(|root| root.join(&path).symlink_metadata().ok());
            if on_disk.is_some() {
                // post-commit runs at the top, the user pastes wherever they committed.
                let add = crate::shellword::from_top(&path);
                return stop(Accumulated::Notice(format!(
                    "no entry added: {shown} is not committed yet; `git add {add} && git commit`, then `{sync}` adds this one"
                )));
            }
            if let Some(twin) = repo.case_twin(head, &path)? {
                use crate::history::changelog::{case_twin_fix, case_twin_what};
                return stop(Accumulated::Notice(format!(
                    "no entry added: {}: {}; then `{sync}` adds this one",
                    case_twin_what(&path, &twin),
                    case_twin_fix(
                        &path,
                        &twin,
                        &crate::history::sync::changelog_setting(config, &path)
                    )
                )));
            }
            if let Some(said) =
                reverted.and_then(|r| deleted::revert_took_file(repo, head, &path, r))
            {
                return Ok(Prepared::Nothing(Some(said)));
            }
            if let Some(said) = deleted::deleted_by(repo, config, head, &path, true) {
                return stop(Accumulated::Notice(said));
            }
            // Deleted by an earlier commit: a new file would hold this entry alone, without
            // the releases' sections (a bounded walk: the first entry of a clone asks it).
            if let Some(said) = deleted::deleted_before(repo, config, &path) {
                return stop(Accumulated::Notice(said));
            }
            // A changelog kept under another name (HISTORY.md) where the top has no
            // CHANGELOG.md (and no commit moved it there, said above): no second one beside
            // it, and the setting said.
            if let Some(other) = crate::history::sync::kept_under_other_name(repo, head, &path)? {
                return stop(Accumulated::Notice(format!(
                    "no entry added: {}; then `{sync}` adds this one",
                    crate::history::changelog::other_name::other_name_what_fix(&other)
                )));
            }
            // An orphan branch (gh-pages) beside the branches that keep the changelog: no
            // second one of the project started there.
            if let Some(said) = super::unrelated::unrelated_to_keepers(repo, head, &path) {
                return stop(Accumulated::Notice(said));
            }
            // The first changelog-worthy commit creates the file, inside that commit.
            None
        }
    };
    // Read in place: a long file is not copied to be parsed.
    let text = match &stored {
        Some(s) => match std::str::from_utf8(&s.bytes) {
            Ok(text) => text,
            Err(_) => {
                return stop(Accumulated::Refused(format!(
                    "{}; left unchanged",
                    crate::Error::changelog_not_utf8(&path, &s.bytes)
                )));
            }
        },
        None => crate::history::changelog::TEMPLATE,
    };
    // A long file is parsed only as far as the edit reaches (see `changelog::head`), unless
    // the rest may already hold the entry: then the whole file decides, as before.
    let may_hold =
        |tail: &str| (target.new.as_ref()).is_some_and(|e| Changelog::tail_may_hold(tail, &e.text));
    let split = Changelog::parse_head(text).filter(|(_, tail)| !may_hold(tail));
    let (mut log, tail) = match split {
        Some((log, tail)) => (log, tail),
        None => match Changelog::parse(text) {
            // No Unreleased yet (the first commit after adoption): read whole once, so that
            // a heading below is refused as before, then edited in its head, not re-read whole
            // after each line the edit inserts.
            Ok(log) if !log.has_unreleased() => Changelog::parse_head_released(text)
                .filter(|(_, tail)| !may_hold(tail))
                .unwrap_or((log, "")),
            Ok(log) => (log, ""),
            Err(_) if let Some(line) = crate::history::changelog::cr_only::lone_cr_line(text) => {
                return stop(Accumulated::Refused(super::cr_only::refusal(
                    repo, config, &path, line, &sync,
                )));
            }
            Err(e) => {
                // In install's words (and doctor's): why, what it costs, where the fix is.
                return stop(Accumulated::Refused(format!(
                    "{}:{} is not a Keep a Changelog file ({}): {}",
                    path.display(),
                    e.line,
                    e.message,
                    crate::history::changelog::UNKEPT_COSTS
                )));
            }
        },
    };
    crate::history::sync::place_as_configured(&mut log, repo, config);
    if let Some(why) = log.unkept_because() {
        return stop(Accumulated::Notice(format!(
            "{shown} is not a Keep a Changelog file ({why}), so relhook leaves it alone; make it one (https://keepachangelog.com/en/1.1.0/), or point {} at another file",
            crate::history::sync::changelog_setting(config, &path)
        )));
    }
    // A committed conflict: an entry added in between would be released inside it. Read as
    // far as the edit reaches (Unreleased is at the top).
    if let Some(line) =
        crate::history::changelog::conflict_markers(&text[..text.len() - tail.len()])
    {
        return stop(Accumulated::Refused(format!(
            "{shown}:{line} has unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`), so no entry was added and the file is left alone; resolve them and commit, then `{sync}` adds the missing entries"
        )));
    }
    let old_changed_file = amend
        && stored.is_some()
        && repo.changes_path(top.old, &path)
        && !crate::history::sync::added_by(repo, top.old, &path).is_empty();
    // A squash's own entry takes the place of the entries it brought (see `squash`).
    let squash::Brought {
        replaced: parts,
        kept,
        by_hand,
    } = match (&target.new, stored.is_some() && !amend) {
        (Some(new), true) => squash::parts(repo, config, head, (&path, &log), new)?,
        _ => Default::default(),
    };
    // An entry the person wrote in this very commit stands for it (as `--sync` counts it).
    if parts.is_empty()
        && kept.is_empty()
        && reverted.is_none()
        && let Some(new) = &target.new
        && let Some(said) = own_entry::notice((repo, config), head, (&path, &log), &by_hand, new)?
    {
        return Ok(Prepared::Nothing(Some(said)));
    }
    // So does one an earlier amend wrote, once an amend makes the message call for an entry.
    if amend
        && target.old.is_none()
        && reverted.is_none()
        && stored.is_some()
        && let Some(new) = &target.new
        && let Some(said) = own_entry::amended_to_call((repo, config), head, (&path, &log), new)?
    {
        return Ok(Prepared::Nothing(Some(said)));
    }
    // One of two unreleased changes worded alike: the other's entry stays (see `twin`).
    let revert = match (reverted, twin) {
        (Some(r), Some(twin)) => match super::twin::kept(&log, &shown.to_string(), r, twin) {
            Ok(keep) => Some(Some(keep)),
            Err(said) => return Ok(Prepared::Nothing(Some(said))),
        },
        _ => reverted.and_then(|r| op::decide_revert(&log, r, unshipped)),
    };
    // Its entry reworded by hand before the revert (`- fix x (see #12)`), which git's revert
    // could not take out: that entry goes too. Not when git's revert took the entry out (the
    // parent lists it as written), nor one a commit's message words (`fix: fix x in y`).
    let revert = match (revert, reverted) {
        (Some(None), Some(r)) if !amend && !unlisted::taken_out(repo, head, &path, r) => {
            match unlisted::reworded_entry(repo, config, head, &log, r)? {
                Some(hand) => Some(Some(Op::Cancel(hand))),
                None => Some(None),
            }
        }
        (revert, _) => revert,
    };
    // A reverted change listed nowhere: released before relhook adopted the clone (then the
    // revert's own entry, the usual choice), or never shipped (then neither, said below).
    let unreleased = matches!(revert, Some(None))
        .then(|| unlisted::reverts_unreleased(repo, config, head, &path))
        .flatten();
    let revert = revert.filter(|r| r.is_some() || unreleased != Some(false));
    let unlisted_revert = matches!(revert, Some(None));
    // The reflog's subject: the commit's (the amend's new) header.
    let subject = top.message.split_once(": ").map_or("", |(_, s)| s);
    // A reapply of that revert: the change it brings back gets its entry, when it has none;
    // the entry the change's own message wrote (`- x (#12)`), when the chain can be read.
    let reapplied = || {
        let message = repo.commit_text(head)?;
        crate::history::reverts::reapplied_entry(repo, &message, &config.changelog)
    };
    let back = match crate::commit::parse::reapplied(subject) {
        Some(_) if matches!(revert, Some(None)) => reapplied().or_else(|| target.new.clone()),
        _ => None,
    };
    let revert = match revert {
        Some(None) => Some(unlisted::brought_back(&log, subject, back.as_ref())),
        revert => revert,
    };
    // An amend that made the commit this revert: the entry its old message wrote goes too.
    let revert = match (revert, reverted) {
        (Some(op), Some(r)) if amend => Some(super::amended_revert::with_old_out(
            repo,
            (top.old, subject),
            (&path, &log),
            (target.old.as_ref(), target.new.as_ref(), r),
            op,
        )),
        (revert, _) => revert,
    };
    let op = match (revert, &target.new) {
        (Some(cancelled), _) => cancelled,
        (None, Some(new)) if !parts.is_empty() || !kept.is_empty() => {
            // An entry the person wrote for the squash stands in the place of its own.
            let own = own_entry::written((repo, config), head, (&path, &log), &by_hand, new)?;
            let own = own.map_or_else(|| new.clone(), |(e, _)| e);
            Some(Op::Squash(own, parts, kept))
        }
        (None, _) => {
            let own = decide(
                &log,
                target.old.as_ref(),
                target.new.as_ref(),
                old_changed_file,
            );
            // An amended squash weighs the entries it squashes again (see `squash`).
            if amend && stored.is_some() {
                let entries = (target.old.as_ref(), target.new.as_ref());
                squash::reweigh(repo, config, head, (&path, &log), entries, own)?
            } else {
                own
            }
        }
    };
    // An amend that writes its own entry by hand beside the generated one: that one goes.
    // Asked only of an amend that changed the file (one tree lookup otherwise).
    let changed_by_amend =
        |s: &crate::git::StoredFile| repo.blob_at(top.old, &path) != Some(s.blob);
    let op = match (op, &target.new, &stored) {
        (None, Some(new), Some(s)) if amend && changed_by_amend(s) => {
            own_entry::amended_in((repo, config), (head, top.old), (&path, &log), new)?
        }
        (op, _, _) => op,
    };
    // A revert whose conflict in the file was resolved by taking one side: the entries that
    // side lacked go back (as a merge's do), and the reverted change's stay out.
    let op = match (op, reverted) {
        (None, Some(r)) if !amend && unlisted_revert && unreleased == Some(true) => {
            let back = unlisted::dropped(repo, head, &path, &log, r);
            (!back.is_empty()).then_some(Op::Restore(back))
        }
        (op, _) => op,
    };
    let op = super::settle::settle(
        (repo, config),
        (head, amend.then_some(top.old)),
        (&path, &log),
        (target.old.as_ref(), target.new.as_ref()),
        (op, old_changed_file),
    )?;
    // Taken out as the files moved, not as the message changed: said so.
    let op = match (op, &target.moved) {
        (Some(Op::Remove(old)), Some(why)) => Some(Op::Leave(old, why.clone())),
        (op, _) => op,
    };
    // git's revert took the entry out and left the text a later commit wrote below it.
    let op = match (op, reverted) {
        (None, Some(r))
            if !amend && unlisted_revert && unlisted::taken_out(repo, head, &path, r) =>
        {
            super::orphans::op(repo, head, &path, &log, r)
        }
        (op, _) => op,
    };
    let Some(op) = op else {
        // The amend changed what the message calls for, but the entry is the person's.
        if old_changed_file
            && let Some(said) = super::hand_edited::notice(
                (repo, top.message.starts_with("commit (amend): ")),
                head,
                (&path, &log),
                (target.old.as_ref(), target.new.as_ref()),
            )
        {
            return Ok(Prepared::Nothing(Some(said)));
        }
        // An entry the amend took out by hand: left out, and said if `--sync` would undo that.
        if old_changed_file
            && let (Some(old), Some(new)) = (&target.old, &target.new)
            && let Some(said) = kept_out::notice((repo, config), head, (&path, &log), (old, new))
        {
            return Ok(Prepared::Nothing(Some(said)));
        }
        // An amend that made the commit this revert keeps the entry's rewording: said.
        if let Some(r) = reverted.filter(|_| amend && unlisted_revert && unreleased == Some(true))
            && let Some(said) = unlisted::kept_rewording((repo, config), head, (&shown, &log), r)?
        {
            return Ok(Prepared::Nothing(Some(said)));
        }
        if let Some(r) = reverted.filter(|_| !amend && unlisted_revert) {
            // git's revert took the entry out itself: said, as relhook did nothing.
            let said = if unlisted::taken_out(repo, head, &path, r) {
                format!(
                    "no entry added: this commit reverts `{} {}`, which no release has, and git's revert took that entry out of {shown}, so neither ships",
                    log.marker(),
                    crate::history::changelog::one_line(&log.as_written(&r.text))
                )
            } else {
                unlisted::notice(&shown, &log, (r, back.as_ref()), unreleased)
            };
            return Ok(Prepared::Nothing(Some(said)));
        }
        let plain = !amend && reverted.is_none();
        let new = target.new.as_ref().filter(|_| plain && stored.is_some());
        let said = new.and_then(|n| already::already_there(repo, head, &path, &log, n));
        return Ok(Prepared::Nothing(said));
    };
    // A plain commit after `git reset HEAD~1`: the undone commit's entry, left unstaged in the
    // work tree, goes from there (the new commit's entry stands in its place).
    let leftovers = match (&stored, amend || reverted.is_some()) {
        (Some(s), false) => super::reset_leftovers::find(
            (repo, config),
            head,
            (&path, &s.bytes),
            target.new.as_ref(),
        )?,
        _ => Vec::new(),
    };
    let op = op.named_in(&log);
    let had_unreleased = log.has_unreleased();
    let changesets = log.changesets_newest().map(str::to_owned);
    op.apply(&mut log);
    // A changesets file's first write: what it did to the file, said beside the entry.
    let adopted = changesets
        .filter(|_| log.has_unreleased())
        .map(|h| crate::history::changelog::changesets::adopted_said(config, &path, &h));
    // Said once, on the commit that puts Unreleased above it (no file read again for it).
    let undated = (!had_unreleased && log.has_unreleased())
        .then(|| crate::history::changelog::undated::undated_untagged(repo, config, &path, &log))
        .flatten()
        .map(Box::new);
    let marker = log.marker();
    let mode = stored
        .as_ref()
        .map_or(i32::from(git2::FileMode::Blob), |s| s.mode);
    let (mut edited, mut tail) = (log.render(), tail.len());
    // An amend that takes the entry out again leaves the file as the parent has it, byte for
    // byte (not with a blank line more): else the commit still changes it, and so still
    // belongs to the package whose changelog it is.
    if target.new.is_none()
        && let Some(parent) = repo.first_parent(head)
        && let Some(before) = repo.file_at(parent, &path)?
        && let Ok(before) = String::from_utf8(before.bytes)
        && before.trim_end() == (edited.clone() + &text[text.len() - tail..]).trim_end()
    {
        (edited, tail) = (before, 0);
    }
    // Only a file short enough to be read whole can be the bare template.
    let gone = target.new.is_none()
        && amend
        && tail == 0
        && skeleton::leaves(repo, head, &path, stored.as_ref(), &edited)?;
    Ok(Prepared::Edit(Box::new(Edit {
        path,
        stored,
        op,
        marker,
        head: edited,
        tail,
        mode,
        blob: Oid::zero(),
        gone,
        leftovers,
        undated,
        adopted,
        order: config.changelog.order.clone(),
    })))
}
