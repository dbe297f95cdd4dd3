//! post-commit: the new commit's entry goes into `## [Unreleased]` *and into that same
//! commit*, so `git status` is clean after `git commit`. Git builds the commit's tree before
//! any hook that could add to it runs (git-hook-facts.md §1.2), so HEAD is rewritten through
//! git2: same parents, author, committer and message, signed again by the same key when it
//! was signed (else left alone, with a warning); no hook runs again. Only the user's own
//! `git commit` is touched: never a rebase, cherry-pick, am or merge, whose commits already
//! carry their line; but a merge commit the user concluded after a conflict gets back the
//! entries its resolution dropped (`merged`), and `git revert` of a released change gets its
//! entry (under Removed) like a revert committed by hand.

mod already;
mod amend;
mod deleted;
mod edit;
mod entries;
mod kept_out;
mod merged;
mod op;
mod pending;
mod reapplied;
mod reword;
mod skeleton;
mod squash;
mod targets;
mod tree;
mod unlinted;
mod unlogged;
mod unmerged;

use std::path::PathBuf;

use git2::Oid;

use self::amend::{Amend, amend_head, describe};
use self::edit::Edit;
use self::entries::{entry_of, reverted_entry};
use self::op::{Op, decide};
pub use self::reword::unrewritten_amend;
use self::targets::{Target, no_root_changelog, scope_note, targets};
use crate::Result;
use crate::config::Config;
use crate::git::{ReflogTop, Repo};
use crate::history::changelog::Changelog;
use crate::history::changelog::entry::NewEntry;

/// What post-commit did. With `[packages]`, the commit's entry goes to the changelog of each
/// package it belongs to (`history::packages::attribute`), or, when it belongs to none, to the
/// root changelog if there is one; every file changes in the one amended commit, or none does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accumulated {
    /// Nothing to do, and why (nobody expected anything: not a plain `git commit`, a type with
    /// no changelog section, the entry already there).
    Skipped(String),
    /// The commit called for an entry and none was added, for a reason the user should hear
    /// in one line, with what to do (`RELHOOK_QUIET=1` silences these).
    Notice(String),
    /// The commit now carries the changelog change.
    Changed {
        /// What changed, for the user, file by file (`CHANGELOG.md: added - **api:** x under
        /// Added`; several files separated by `; `).
        what: String,
        /// The commit git reported.
        old: Oid,
        /// The commit HEAD now is.
        new: Oid,
        /// A problem with the work tree copy, if any.
        note: Option<String>,
        /// Why the commit lint refuses the message (made with `--no-verify`), if it does.
        lint: Option<String>,
    },
    /// Something is wrong with the file; the commit is left as it is.
    Refused(String),
}

/// Runs the post-commit step for the commit HEAD's reflog says was made (`top`, read once by
/// the hook, which also asks it whether the commit was an amend).
pub fn post_commit(
    repo: &Repo,
    config: &Config,
    top: Option<crate::git::ReflogTop>,
) -> Result<Accumulated> {
    let skip = |why: &str| Ok(Accumulated::Skipped(why.to_owned()));
    // Taken first: commit-msg's note speaks for this commit only, whatever is done with it.
    // One failed `open` when there is no note (every commit runs this).
    let concluding = repo.took_concluding_pick();
    let Some(top) = top else {
        return unlogged::unlogged(repo, config, None);
    };
    if top.message.starts_with("rebase (reword): ") {
        return reword::reworded(repo, config, &top);
    }
    if top.message.starts_with("commit (merge): ") {
        return merged::merge_commit(repo, config, &top);
    }
    let amend = top.message.starts_with("commit (amend): ");
    // A pick git stopped on a conflict and the user concluded: its entry came with the pick,
    // unless the resolution dropped it, which is put right here like a commit of one's own.
    let picked = top.message.starts_with("commit (cherry-pick): ")
        || top.message.starts_with("rebase (continue): ");
    // git's own revert commit: a released change's revert calls for an entry of its own,
    // which git's merge of the file cannot bring (an unreleased one's leaves with the merge).
    // So does a revert picked onto a base that released the change since (`git cherry-pick`,
    // a rebase of the branch that made it while the change was unreleased there).
    let reverting = top.message.starts_with("revert: ")
        || ["cherry-pick: ", "rebase (pick): "].iter().any(|p| {
            top.message
                .strip_prefix(p)
                .is_some_and(crate::commit::parse::is_revert_header)
        });
    if !(amend
        || picked
        || reverting
        || top.message.starts_with("commit: ")
        || top.message.starts_with("commit (initial): "))
    {
        if top.message.starts_with("rebase (fixup): ")
            || top.message.starts_with("rebase (squash): ")
        {
            return reword::folded(repo, config, &top);
        }
        return unlogged::unlogged(repo, config, Some(&top));
    }
    let Some(head) = repo.head().filter(|h| *h == top.new) else {
        return skip("HEAD moved since the commit");
    };
    // Made with `--no-verify` past the lint: said now, not first by a refused push, entry or
    // not (a `feat:` header over the length limit still gets its entry).
    let unlinted = || unlinted::notice(repo, head, config, !picked && !reverting);
    // The forge (read from the remote's URL) only turns `#12` into a link: asked for once,
    // and only by an entry that has a `#`.
    let forge = std::cell::OnceCell::new();
    let mut new_entry = entry_of(repo, head, config, &forge);
    // git's `Revert "Merge branch 'x'"` of a released merge: told by the reflog's subject,
    // since most commits have no entry and this reads history.
    let subject = top.message.split_once(": ").map_or("", |(_, s)| s);
    if new_entry.is_none() && !amend && subject.starts_with("Revert \"") {
        new_entry = crate::history::reverts::released_merge_revert_entry(
            repo,
            head,
            &config.version.tag_prefix,
            &config.changelog,
        )?;
    }
    // The same revert of an unreleased merge that post-commit rewrote (named by git's id
    // for it), which git's revert of the file could not take the branch's entries out of.
    if new_entry.is_none()
        && !amend
        && subject.starts_with("Revert \"")
        && let Some(said) = unmerged::rewritten_merge_reverted(repo, config, head)?
    {
        return Ok(said);
    }
    // git's `Reapply "Merge branch 'x'"` of a released merge revert: the branch's entries.
    if new_entry.is_none()
        && !amend
        && subject.starts_with("Reapply \"")
        && let Some(said) = reapplied::reapplied_merge(repo, config, head)?
    {
        return Ok(said);
    }
    let old_entry = if amend {
        entry_of(repo, top.old, config, &forge)
    } else {
        None
    };
    if new_entry.is_none() && old_entry.is_none() {
        return Ok(unlinted::or_skip(
            unlinted(),
            "the commit's type has no changelog section (or it is not conventional)",
        ));
    }
    // A plain commit of a revert (`Revert "feat: x" (#3)`, `revert: feat: x`): the entry of
    // the change it reverts.
    // Read again only for an entry that is a revert's: every commit runs this. A `Reapply
    // "fix: x"` (told by the subject the reflog names) reverts `Revert "fix: x"`: its entry
    // `- x` is added only while that revert's stays in a release, as a revert's is.
    let reapply = subject.starts_with("Reapply \"");
    let is_revert = reapply
        || crate::commit::parse::is_revert_header(subject)
        || new_entry
            .as_ref()
            .is_some_and(|e| e.text.contains("revert \""));
    // An amended revert too: its entry is still the revert's, judged against the change it
    // reverts (an unreleased one's leaves no `revert "…"` behind).
    let reverted = is_revert
        .then(|| reverted_entry(repo, head, config))
        .flatten();
    // From here on the user expects an entry: every reason not to add one is said.
    let targets = match targets(repo, config, &top, amend, (old_entry, new_entry))? {
        Ok(t) if t.is_empty() => {
            return Ok(unlinted::or_skip(
                unlinted(),
                "the commit belongs to no package and there is no root changelog",
            ));
        }
        Ok(t) => t,
        Err(refused) => return Ok(refused),
    };
    let scope_note = scope_note(repo, config, head, &targets);
    let shown = targets
        .iter()
        .map(|t| t.path.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if !config.changelog.accumulate {
        return Ok(Accumulated::Notice(format!(
            "no entry added to {shown}: `changelog.accumulate` is off in .relconfig.toml (`relhook changelog --sync` adds the missing entries)"
        )));
    }
    // The last pick of a series, concluded by `--continue`: the series is gone from disk, but
    // the git that continues it is still running and compares its index with HEAD.
    let in_progress = repo
        .operation_in_progress()
        .or_else(|| concluding.then_some("a cherry-pick or revert sequence"));
    if let Some(op) = in_progress.filter(|_| !picked && !reverting) {
        // The amended commit's own change to the file stands for its entry: `--sync` would
        // not replace it, so what to do by hand is said instead.
        if amend {
            return reword::left_as_made(repo, config, &top, "amended", op);
        }
        return Ok(Accumulated::Notice(format!(
            "no entry added to {shown}: {op} is in progress; when it is done, `relhook changelog --sync` adds it"
        )));
    }
    // All the files or none: any file that cannot take its entry stops the others too.
    let mut edits = Vec::new();
    let mut dropped = None;
    let mut there = Vec::new();
    for t in targets {
        let wanted = t.new.is_some();
        match prepare((repo, config), head, &top, (amend, reverted.as_ref()), t)? {
            Prepared::Edit(e) => edits.push(e),
            Prepared::Nothing(said) => there.extend(said),
            Prepared::Absent(path) if wanted => dropped = Some(no_root_changelog(config, &path)),
            Prepared::Absent(_) => {}
            Prepared::Stop(said) => return Ok(said),
        }
    }
    if edits.is_empty() {
        if let Some(said) = dropped {
            let said = std::iter::once(said).chain(scope_note).collect::<Vec<_>>();
            return Ok(Accumulated::Notice(said.join("; ")));
        }
        if !there.is_empty() {
            return Ok(Accumulated::Notice(there.join("; ")));
        }
        return Ok(unlinted::or_skip(
            unlinted(),
            "the entry is already there (or was edited by hand)",
        ));
    }
    // A pick concluded, or a revert made, in the middle of a sequence: HEAD is left to git;
    // said only when an entry is missing.
    if let Some(op) = in_progress {
        let said = pending::notice(&edits[0], &shown, reverting, op);
        return Ok(Accumulated::Notice(said));
    }
    // A monorepo's package changelogs are synced by `--all` (or `--package`), not `--sync`.
    let sync = (!config.packages.is_empty()).then_some("relhook changelog --sync --all");
    let (new, notes) = match amend_head(repo, head, &mut edits, ("post-commit", sync))? {
        Amend::Done { new, notes } => (new, notes),
        Amend::Refused(why) => {
            // `--sync` would count the amended commit's own change as its entry.
            if let Some(said) = amend
                .then(|| unrewritten_amend(repo, config, &why))
                .flatten()
            {
                return Ok(Accumulated::Refused(said));
            }
            return Ok(Accumulated::Refused(format!(
                "no entry added to {shown}: {why}; HEAD stays as git made it, and `relhook changelog --sync` writes the entry into the file, to commit (`git add` it) with your next commit"
            )));
        }
        Amend::Moved => return skip("HEAD moved since the commit"),
    };
    // A root entry with nowhere to go is said beside what was done.
    let what = std::iter::once(describe(&edits))
        .chain(dropped)
        .chain(scope_note)
        .collect::<Vec<_>>()
        .join("; ");
    Ok(Accumulated::Changed {
        what,
        old: head,
        new,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
        lint: unlinted(),
    })
}

enum Prepared {
    Edit(Edit),
    /// Nothing to do for this file (its entry is there, or it is a root changelog that
    /// does not exist); for a plain commit whose entry is already in Unreleased, that said.
    Nothing(Option<String>),
    /// The root changelog of a monorepo, which does not exist (and is not created).
    Absent(PathBuf),
    /// This file cannot take its entry: the reason, and no file is changed.
    Stop(Accumulated),
}

/// Reads one target file as HEAD stores it and decides its edit.
fn prepare(
    (repo, config): (&Repo, &Config),
    head: Oid,
    top: &ReflogTop,
    (amend, reverted): (bool, Option<&NewEntry>),
    target: Target,
) -> Result<Prepared> {
    let path = target.path;
    let shown = path.display();
    let stop = |a: Accumulated| Ok(Prepared::Stop(a));
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
        return stop(Accumulated::Refused(format!("no entry added: {e}")));
    }
    // Under a filter (git-lfs) git stores what its filter makes of the file (a pointer),
    // which only git can run: an attribute lookup here, and no raw blob committed.
    if let Some(driver) = repo.filter_driver(&path) {
        return stop(Accumulated::Refused(format!(
            "no entry added: {shown} is under git's `{driver}` filter (set in gitattributes), which post-commit does not run; `relhook changelog --sync` writes the entries into the file, to `git add` with your next commit"
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
            if on_disk.as_ref().is_some_and(|m| m.is_dir()) {
                return stop(Accumulated::Refused(format!(
                    "no entry added: {shown} is a directory; point the changelog at a file (e.g. {shown}/CHANGELOG.md)"
                )));
            }
            if on_disk.is_some() {
                return stop(Accumulated::Notice(format!(
                    "no entry added: {shown} is not committed yet; `git add {shown} && git commit`, then `relhook changelog --sync` adds this one"
                )));
            }
            if let Some(said) = deleted::deleted_by(repo, head, &path) {
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
    let split = Changelog::parse_head(text).filter(|(_, tail)| {
        !target
            .new
            .as_ref()
            .is_some_and(|e| Changelog::tail_may_hold(tail, &e.text))
    });
    let (mut log, tail) = match split {
        Some((log, tail)) => (log, tail),
        None => match Changelog::parse(text) {
            Ok(log) => (log, ""),
            Err(e) => {
                return stop(Accumulated::Refused(format!(
                    "{}:{}: not a Keep a Changelog file ({}); left unchanged",
                    path.display(),
                    e.line,
                    e.message
                )));
            }
        },
    };
    if let Some(why) = log.unkept_because() {
        return stop(Accumulated::Notice(format!(
            "{shown} is not a Keep a Changelog file ({why}), so relhook leaves it alone; set `changelog.path` to another file, or `changelog.accumulate = false`"
        )));
    }
    // A committed conflict: an entry added in between would be released inside it. Read as
    // far as the edit reaches (Unreleased is at the top).
    if let Some(line) =
        crate::history::changelog::conflict_markers(&text[..text.len() - tail.len()])
    {
        return stop(Accumulated::Refused(format!(
            "{shown}:{line} has unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`), so no entry was added and the file is left alone; resolve them and commit, then `relhook changelog --sync` adds the missing entries"
        )));
    }
    let old_changed_file = amend
        && stored.is_some()
        && repo.changes_path(top.old, &path)
        && !crate::history::sync::added_by(repo, top.old, &path).is_empty();
    // A squash's own entry takes the place of the entries it brought (see `squash`).
    let (parts, kept) = match (&target.new, stored.is_some() && !amend) {
        (Some(new), true) => squash::parts(repo, config, head, (&path, &log), new)?,
        _ => Default::default(),
    };
    let op = match (
        reverted.and_then(|r| op::decide_revert(&log, r)),
        &target.new,
    ) {
        (Some(cancelled), _) => cancelled,
        (None, Some(new)) if !parts.is_empty() || !kept.is_empty() => {
            Some(Op::Squash(new.clone(), parts, kept))
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
    let Some(op) = op else {
        // An entry the amend took out by hand: left out, and said if `--sync` would undo that.
        if old_changed_file
            && let Some(new) = target
                .new
                .as_ref()
                .filter(|n| target.old.as_ref() == Some(n))
            && let Some(said) = kept_out::notice(repo, head, &path, &log, new)
        {
            return Ok(Prepared::Nothing(Some(said)));
        }
        let plain = !amend && reverted.is_none();
        let new = target.new.as_ref().filter(|_| plain && stored.is_some());
        let said = new.and_then(|n| already::already_there(repo, head, &path, &log, n));
        return Ok(Prepared::Nothing(said));
    };
    op.apply(&mut log);
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
    Ok(Prepared::Edit(Edit {
        path,
        stored,
        op,
        marker,
        head: edited,
        tail,
        mode,
        blob: Oid::zero(),
        gone,
    }))
}
