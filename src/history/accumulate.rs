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
mod amended_revert;
mod carried;
mod carry_over;
mod cr_only;
mod deleted;
mod earlier;
mod edit;
mod entries;
mod first_entry;
mod hand_edited;
mod kept_out;
pub mod lock_met;
mod merged;
mod off;
mod op;
mod orphans;
mod own_entry;
mod pending;
mod pick_dropped;
mod prepare;
mod reapplied;
mod released_merge;
mod reset_leftovers;
mod reword;
mod settle;
mod skeleton;
mod squash;
mod targets;
mod tree;
mod twin;
mod undone;
mod unlinted;
mod unlisted;
mod unlogged;
mod unmerged;
mod unnamed_revert;
mod unrelated;

use std::path::{Path, PathBuf};

use git2::Oid;

pub use self::amend::ADDING;
use self::amend::{Amend, amend_head, describe};
use self::edit::Edit;
use self::entries::{entry_of, reverted_entry};
use self::prepare::{Prepared, prepare};
pub use self::reword::unrewritten_amend;
use self::targets::{no_root_changelog, others_stopped, scope_note, targets};
use crate::Result;
use crate::config::Config;
use crate::git::{ReflogTop, Repo};
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
    // Taken first: commit-msg's note speaks for this commit only, whatever is done with it.
    // One failed `open` when there is no note (every commit runs this).
    let concluding = repo.took_concluding_pick();
    let noted_revert = repo.took_revert_head();
    // A concluded pick's resolution may also have dropped the entries of the commit it was
    // picked onto: seen to once its own entry is.
    let pick = top
        .as_ref()
        .filter(|t| pick_dropped::concluded(t) || pick_dropped::committed_revert(repo, t))
        .cloned();
    let done = own_commit(repo, config, top, (concluding, noted_revert))?;
    match pick {
        Some(top) => pick_dropped::restore(repo, config, &top, concluding, done),
        None => Ok(done),
    }
}

/// [`post_commit`] for the commit's own entry.
fn own_commit(
    repo: &Repo,
    config: &Config,
    top: Option<crate::git::ReflogTop>,
    (concluding, noted_revert): (bool, Option<Oid>),
) -> Result<Accumulated> {
    let skip = |why: &str| Ok(Accumulated::Skipped(why.to_owned()));
    let Some(mut top) = top else {
        return unlogged::unlogged(repo, config, None);
    };
    // An empty message (`--allow-empty-message`) leaves git's reflog line without the space
    // after its colon (`commit:`): read as the commit it is, it is told it fails the lint.
    if top.message.ends_with(':') {
        top.message.push(' ');
    }
    // A commit of one's own at a stopped rebase that a tool started (`git pull
    // --rebase=interactive` exports its GIT_REFLOG_ACTION, which the commit's line takes):
    // git's own steps name theirs in parentheses (`(pick)`).
    let own_verbs = [
        "commit",
        "revert",
        "cherry-pick",
        "merge",
        "am",
        "rebase",
        "reset",
    ];
    if let Some((action, subject)) = top.message.split_once(": ")
        && !action.ends_with(')')
        && !own_verbs
            .iter()
            .any(|v| action.split(' ').next() == Some(v))
        && repo.rebase_stopped()
    {
        top.message = format!("commit: {subject}");
    }
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
    // Made past the lint (`--no-verify`, or by git's cherry-pick or revert, which commit with
    // `-n`): said now, not first by a refused push, entry or not (a `feat:` header over the
    // length limit still gets its entry). A rebase's steps are not told one by one.
    let told = !top.message.starts_with("rebase ");
    let unlinted = || unlinted::notice(repo, head, config, told);
    // The forge (read from the remote's URL) only turns `#12` into a link: asked for once,
    // and only by an entry that has a `#`.
    let forge = std::cell::OnceCell::new();
    let mut new_entry = entry_of(repo, head, config, &forge);
    if let Some(withheld) = entries::withheld(repo, head, amend, new_entry.is_some()) {
        return Ok(withheld);
    }
    // git's `Revert "Merge branch 'x'"` of a released merge: told by the reflog's subject,
    // since most commits have no entry and this reads history.
    let subject = top.message.split_once(": ").map_or("", |(_, s)| s);
    // Each changelog's own (a monorepo's packages each read their tags and their commits).
    let mut merge_reverted = Vec::new();
    if new_entry.is_none() && !amend && subject.starts_with("Revert \"") {
        merge_reverted = released_merge::entries(repo, config, head)?;
        new_entry = merge_reverted.first().map(|(_, e)| e.clone());
    }
    // The same revert of an unreleased merge that post-commit rewrote (named by git's id
    // for it), which git's revert of the file could not take the branch's entries out of.
    // Reworded to a Conventional Commit (`revert: drop the widget`), git's body still names
    // the merge: before a release it cancels the branch as `--sync` reads it, with no entry.
    let reworded = || {
        new_entry.is_some() && crate::commit::parse::is_revert_header(subject) && {
            let message = repo.commit_text(head).unwrap_or_default();
            crate::history::reverts::merge_revert(head, &message).is_some()
        }
    };
    if (new_entry.is_none() && subject.starts_with("Revert \"") || reworded())
        && !amend
        && let Some(said) = unmerged::rewritten_merge_reverted(repo, config, head)?
    {
        return Ok(said);
    }
    // git's `Reapply "Merge branch 'x'"` of a released merge revert: the branch's entries.
    // Git before 2.43 names it `Revert "Revert "Merge branch 'x'""`.
    if new_entry.is_none()
        && !amend
        && crate::commit::parse::reapplied(subject).is_some()
        && let Some(said) = reapplied::reapplied_merge(repo, config, head)?
    {
        return Ok(said);
    }
    // `git reset --soft HEAD~1` (or a mixed one and `commit -a`) and the same change
    // committed again under another message (`fix:` made `docs:`, or `feat:` with the same
    // words): an amend by another road, judged as one (as a squash of one commit, the entry
    // would stay, or stay under the old type's heading).
    let redone = (!amend && top.message.starts_with("commit: "))
        .then(|| repo.redone(head))
        .flatten()
        .filter(|&orig| {
            // In other words, the squash rule says it better (it replaces the entry).
            let same = |e: &NewEntry| crate::history::changelog::normalize(&e.text);
            match (&new_entry, entry_of(repo, orig, config, &forge)) {
                (None, _) => true,
                (Some(new), Some(old)) => same(new) == same(&old),
                (Some(_), None) => false,
            }
        });
    let amend = match redone {
        Some(old) => {
            top.old = old;
            true
        }
        None => amend,
    };
    let old_entry = if amend {
        carried::carried_entry(repo, config, top.old, &forge)
    } else {
        None
    };
    if new_entry.is_none() && old_entry.is_none() {
        // Left out by the project's git-cliff `commit_parsers`: said, as git-cliff leaves it out.
        if let Some(said) = entries::left_out_by_cliff(repo, head, config) {
            return Ok(said);
        }
        let why = "the commit's type has no changelog section (or it is not conventional)";
        return Ok(match unlinted() {
            Some(said) => Accumulated::Notice(said),
            // Before the first entry, the one sign of why no CHANGELOG.md appeared.
            None => first_entry::no_changelog_yet(repo, config, subject)
                .map_or_else(|| Accumulated::Skipped(why.into()), Accumulated::Notice),
        });
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
        .then(|| reverted_entry(repo, head, config, noted_revert))
        .flatten();
    // A `revert:` commit that names nothing, and whose reverted commit cannot be told.
    let unnamed = (is_revert && reverted.is_none())
        .then(|| unnamed_revert::unnamed_advice(repo, head))
        .flatten();
    // A revert of a released change adds its own entry, whatever Unreleased lists in the
    // same words (a later change); one of an unreleased change never does.
    let (reverted, unshipped) = match reverted {
        Some((_, Some(true))) | None => (None, false),
        Some((e, released)) => (Some(e), released == Some(false)),
    };
    // The revert of one of two unreleased changes worded alike leaves their entry in.
    let twin = reverted
        .as_ref()
        .filter(|_| unshipped)
        .and_then(|r| twin::standing_twin(repo, config, head, r));
    // From here on the user expects an entry: every reason not to add one is said.
    let targets = match targets(repo, config, &top, amend, (old_entry, new_entry))? {
        Ok(t) if t.is_empty() => {
            return Ok(unlinted::or_skip(
                unlinted(),
                "the commit belongs to no package and there is no root changelog",
            ));
        }
        Ok(t) => released_merge::route(t, &merge_reverted),
        Err(refused) => return Ok(refused),
    };
    let scope_note = scope_note(repo, config, head, &targets);
    let shown = targets
        .iter()
        .map(|t| t.path.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if !config.changelog.accumulate {
        let paths = targets.iter().map(|t| t.path.as_path());
        return Ok(off::notice(repo, config, paths, &shown));
    }
    // The last pick of a series, concluded by `--continue`: the series is gone from disk, but
    // the git that continues it is still running and compares its index with HEAD.
    // A commit of one's own while a rebase is stopped (a commit split at an `edit` stop) is
    // new to history: its entry goes in now, as outside the rebase (git continues from HEAD).
    let own_at_stop = reword::own_at_stop(repo, &top, amend);
    let in_progress = repo
        .operation_in_progress()
        .or_else(|| concluding.then_some("a cherry-pick or revert sequence"))
        .filter(|_| !own_at_stop);
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
    let targets_wanted: &[PathBuf] = &targets
        .iter()
        .filter(|t| t.new.is_some())
        .map(|t| t.path.clone())
        .collect::<Vec<_>>();
    let mut edits = Vec::new();
    let mut dropped = None;
    let mut there = Vec::new();
    for t in targets {
        let wanted = t.new.is_some();
        let path = t.path.clone();
        match prepare(
            (repo, config),
            head,
            &top,
            (amend, reverted.as_ref(), unshipped, twin),
            t,
        )? {
            Prepared::Edit(e) => edits.push(*e),
            Prepared::Nothing(said) => there.extend(said),
            Prepared::Absent(path) if wanted => {
                let why = no_root_changelog((repo, config, head), &path, targets_wanted);
                dropped = Some(why);
            }
            Prepared::Absent(_) => {}
            Prepared::Stop(said) => return Ok(others_stopped(said, &path, targets_wanted)),
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
    // A changelog created now starts at this commit: what history already holds is said,
    // with the command that writes it (a clone that committed before `relhook install`).
    let created: Vec<&Path> = edits
        .iter()
        .filter(|e| e.stored.is_none() && !e.gone)
        .map(|e| e.path.as_path())
        .collect();
    // Said only when `--sync` would add entries, as many as it adds (when planned): a history
    // of `chore:` commits alone has nothing to add, and the entries of commits the file
    // listed before (a changelog deleted and started anew) it never adds again.
    let earlier = (!created.is_empty() && repo.first_parent(head).is_some())
        .then(|| match sync {
            // A monorepo's: an earlier unreleased commit that calls for an entry in one of
            // the files made now (whose a commit is, its committed configuration says).
            Some(_) => earlier::earlier_entries(repo, config, head, &created).then_some(None),
            None => sync_adds(repo, config),
        })
        .flatten()
        .map(|n| {
            let sync = sync.unwrap_or("relhook changelog --sync");
            let adds = match n {
                Some(1) => "1 entry for them".to_owned(),
                Some(n) => format!("{n} entries for them"),
                None => "the entries it finds missing".to_owned(),
            };
            format!("the commits before this one are not in it: `{sync}` adds {adds}")
        });
    // A root entry with nowhere to go is said beside what was done, and so is why another
    // file took no edit (a revert's entry that git's revert took out of one package's
    // changelog while another's gets `revert "…"`): each file the commit belongs to is told.
    let what = std::iter::once(describe(&edits))
        .chain(there)
        .chain(earlier)
        .chain(dropped)
        .chain(scope_note)
        .chain(unnamed)
        .collect::<Vec<_>>()
        .join("; ");
    Ok(Accumulated::Changed {
        what,
        old: head,
        new,
        note: notes
            .into_iter()
            .chain(
                edits
                    .iter()
                    .filter_map(|e| e.undated.as_deref())
                    .map(|(what, fix)| format!("{what}: {fix}")),
            )
            .reduce(|a, b| a + "; " + &b),
        lint: unlinted(),
    })
}

/// Whether the commits since the last release tag (on HEAD's first-parent line, up to the
/// root) are at most `limit`: few enough to plan a sync over from a hook or a check.
pub fn unreleased_within(repo: &Repo, config: &Config, limit: usize) -> bool {
    let Some(head) = repo.head() else {
        return true;
    };
    let released = repo
        .latest_release_tag(head, &config.version.tag_prefix)
        .map(|(_, at)| at);
    let mut at = Some(head);
    for _ in 0..limit {
        match at {
            Some(c) if Some(c) != released => at = repo.first_parent(c),
            _ => return true,
        }
    }
    at.is_none_or(|c| Some(c) == released)
}

/// How many entries `relhook changelog --sync` would add to the changelog as it is now in the
/// work tree: `Some(None)` when that cannot be told, `None` when it adds none.
fn sync_adds(repo: &Repo, config: &Config) -> Option<Option<usize>> {
    // Planned only over a short unreleased range (up to the last release tag, or the root):
    // a long one is walked by `--sync`, not by a hook (and all but certainly holds a `feat:`
    // or a `fix:`). A long history whose commits are all released plans nothing to add.
    repo.head()?;
    if !unreleased_within(repo, config, 500) {
        return Some(None);
    }
    let Some(path) = repo.work_tree().map(|w| w.join(&config.changelog.path)) else {
        return Some(None);
    };
    let plan = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| crate::history::sync::plan_sync(repo, config, &text).ok());
    match plan {
        None => Some(None),
        Some(plan) => (!plan.added.is_empty()).then_some(Some(plan.added.len())),
    }
}
