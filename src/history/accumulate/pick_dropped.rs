//! A pick git stopped on a changelog conflict and the user concluded (`git cherry-pick
//! --continue`, `git rebase --continue`). Taking the picked commit's copy of the file (`git
//! checkout --theirs`) drops every entry the commit it is picked onto had unreleased, without
//! a word. As for a merge (`merged`), those entries go back into a single cherry-pick's commit,
//! and one line says so; in a rebase or a sequence of picks HEAD is git's, so one line names
//! them with the command that adds them once it is done (`--sync` finds them by the reflog).

use std::collections::HashSet;
use std::path::PathBuf;

use git2::Oid;

use super::amend::{Amend, amend_head, describe};
use super::op::{Op, plural};
use super::{Accumulated, Edit};
use crate::Result;
use crate::config::Config;
use crate::git::{Range, ReflogTop, Repo};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize};
use crate::history::sync::{changelog_command, entries_made, lacked};

/// Whether HEAD's reflog entry names a pick git stopped on a conflict and the user concluded.
pub(super) fn concluded(top: &ReflogTop) -> bool {
    let action = top.message.split_once(": ").map_or("", |(a, _)| a);
    crate::history::sync::concluded_pick(action)
}

/// Whether HEAD's reflog entry names a plain commit of git's revert (`git revert -n`, a
/// conflict resolved, then `git commit`): its resolution may drop the entries of the commits
/// after the reverted one as a concluded pick's does, which git's reflog does not tell.
pub(super) fn committed_revert(repo: &Repo, top: &ReflogTop) -> bool {
    top.message.starts_with("commit: ")
        && repo
            .commit_text(top.new)
            .is_some_and(|t| crate::commit::parse::reverted_commit(&t).is_some())
}

/// After post-commit's own work on the pick (`done`): the entries HEAD's parent had
/// unreleased that the resolution dropped, put back into HEAD or named; `concluding`: the
/// pick ends a sequence whose git still runs (HEAD is left to it).
pub(super) fn restore(
    repo: &Repo,
    config: &Config,
    top: &ReflogTop,
    concluding: bool,
    done: Accumulated,
) -> Result<Accumulated> {
    let head = match &done {
        Accumulated::Changed { new, .. } => *new,
        _ => top.new,
    };
    let Some(parent) = repo
        .first_parent(head)
        .filter(|_| repo.head() == Some(head))
    else {
        return Ok(done);
    };
    let dropped = dropped(repo, config, (head, parent), !concluded(top))?;
    let Some((path, first)) = dropped.first().and_then(|(p, e)| Some((p, e.first()?))) else {
        return Ok(done);
    };
    let n: usize = dropped.iter().map(|(_, e)| e.len()).sum();
    let it = if n == 1 { "it" } else { "them" };
    let lacks = format!(
        "{} lacks {} the commit it was picked onto had unreleased ({}`- {}`): the conflict's resolution dropped {it}",
        path.display(),
        plural(n, "entry", "entries"),
        if n > 1 { "first: " } else { "" },
        first.text,
    );
    let sync = changelog_command(config, path, "--sync");
    let in_progress = repo
        .operation_in_progress()
        .or_else(|| concluding.then_some("a cherry-pick or revert sequence"));
    if !config.changelog.accumulate {
        let why = "`changelog.accumulate` is off in .relconfig.toml";
        let said = format!("{lacks}; not put back ({why}): `{sync}` adds {it}");
        return Ok(with_line(done, said));
    }
    if let Some(op) = in_progress {
        let said = format!(
            "{lacks}, and {op} is in progress, so HEAD is left as git made it; when it is done, `{sync}` adds {it}"
        );
        return Ok(with_line(done, said));
    }
    let mut edits = Vec::new();
    for (path, entries) in dropped {
        // Under a filter (git-lfs) the committed blob is the filter's: only git makes it.
        if repo.filter_driver(&path).is_some() {
            continue;
        }
        let Some(stored) = repo.committed_file(head, &path)? else {
            continue;
        };
        let log = std::str::from_utf8(&stored.bytes)
            .ok()
            .and_then(|t| Changelog::parse(t).ok());
        if let Some(log) = log {
            let order = &config.changelog.order;
            edits.push(Edit::whole(
                path,
                stored,
                Op::Restore(entries),
                (log, order),
            ));
        }
    }
    if edits.is_empty() {
        return Ok(with_line(done, format!("{lacks}; `{sync}` adds {it}")));
    }
    match amend_head(repo, head, &mut edits, ("post-commit", None))? {
        Amend::Done { new, notes } => Ok(joined(done, top.new, new, describe(&edits), notes)),
        Amend::Refused(why) => Ok(Accumulated::Refused(format!(
            "{lacks}; not put back: {why}; HEAD stays as git made it, and `{sync}` adds {it}"
        ))),
        Amend::Moved => Ok(done),
    }
}

/// `done` with `said` beside what it says (a notice when it said nothing).
fn with_line(done: Accumulated, said: String) -> Accumulated {
    match done {
        Accumulated::Skipped(_) => Accumulated::Notice(said),
        Accumulated::Notice(s) => Accumulated::Notice(format!("{s}; {said}")),
        Accumulated::Refused(s) => Accumulated::Refused(format!("{s}; {said}")),
        Accumulated::Changed {
            what,
            old,
            new,
            note,
            lint,
        } => Accumulated::Changed {
            what: format!("{what}; {said}"),
            old,
            new,
            note,
            lint,
        },
    }
}

/// `done` and the amend that made `new` of it (`what`, with its `notes`), as one change of
/// the commit git made (`made`).
fn joined(done: Accumulated, made: Oid, new: Oid, what: String, notes: Vec<String>) -> Accumulated {
    let notes = notes.into_iter().reduce(|a, b| a + "; " + &b);
    match done {
        Accumulated::Changed {
            what: first,
            old,
            note,
            lint,
            ..
        } => Accumulated::Changed {
            what: format!("{first}; {what}"),
            old,
            new,
            note: note.into_iter().chain(notes).reduce(|a, b| a + "; " + &b),
            lint,
        },
        other => {
            let said = match other {
                Accumulated::Notice(s) | Accumulated::Refused(s) => format!("; {s}"),
                _ => String::new(),
            };
            Accumulated::Changed {
                what: format!("{what}{said}"),
                old: made,
                new,
                note: notes,
                lint: None,
            }
        }
    }
}

/// Per changelog (the root's, each package's), the entries `parent` had unreleased that
/// `head` lacks, counting only those a commit no release tag of `parent` holds writes: an
/// entry a person wrote is the resolution's to keep or lose, as `--sync` would not add it.
fn dropped(
    repo: &Repo,
    config: &Config,
    (head, parent): (Oid, Oid),
    by_hand: bool,
) -> Result<Vec<(PathBuf, Vec<NewEntry>)>> {
    let mut paths = vec![config.changelog.path.clone()];
    for p in &config.packages {
        if !paths.contains(&p.changelog) {
            paths.push(p.changelog.clone());
        }
    }
    let forge = std::cell::OnceCell::new();
    // The commits a revert names: their entries go with them, never back.
    let text = repo.commit_text(head).unwrap_or_default();
    let named: Vec<Oid> = crate::commit::parse::reverted_commits(&text)
        .iter()
        .filter_map(|id| repo.revision_commit(id))
        .collect();
    let mut out = Vec::new();
    for path in paths {
        let lost = lacked(repo, (head, parent), &path);
        if lost.is_empty() {
            continue;
        }
        // A revert concluded by `git commit` has no reflog line that says a conflict stopped
        // it: the file's merge is redone, and one git merged cleanly stays as git made it
        // (`git revert -n A B` names B alone, yet took A's entry out too).
        if by_hand && !named.iter().any(|c| conflicted(repo, &path, *c, parent)) {
            continue;
        }
        let wanted: HashSet<String> = lost.iter().map(|e| normalize(&e.text)).collect();
        let undone = if named.is_empty() {
            HashSet::new()
        } else {
            super::undone::reverted_entries(repo, head, &path, &named, &wanted)
        };
        let tags = repo.release_tags(parent, &config.version.tag_prefix)?;
        let range = Range {
            tips: vec![parent],
            hidden: tags.into_iter().map(|t| t.commit).collect(),
            ..Range::default()
        };
        let made = entries_made(repo, config, &range, &forge, Some(&wanted))?;
        let back: Vec<NewEntry> = lost
            .into_iter()
            .filter(|e| {
                let key = normalize(&e.text);
                made.contains(&key) && !undone.contains(&key)
            })
            .map(|e| NewEntry {
                breaking: e.text.starts_with("**BREAKING**"),
                section: e.section,
                text: e.text,
            })
            .collect();
        if !back.is_empty() {
            out.push((path, back));
        }
    }
    Ok(out)
}

/// Whether git's revert of `reverted` onto `parent` left `path` in conflict (git's line merge,
/// no driver of this clone's), so a person resolved it.
fn conflicted(repo: &Repo, path: &std::path::Path, reverted: Oid, parent: Oid) -> bool {
    repo.first_parent(reverted).is_some_and(|before| {
        repo.line_merge(path, Some(reverted), [parent, before]) == crate::git::LineMerge::Conflicted
    })
}
