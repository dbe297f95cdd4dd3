//! A merge commit the user concluded (`git commit` or `git merge --continue` after a
//! conflict; a merge git completes itself runs no post-commit). When the merge driver cannot
//! combine the two Unreleased sections it marks them for the person to combine (and git's own
//! line merge does in a clone that never registered the driver); taking one
//! side (`git checkout --ours`, deleting the other block) then drops the other side's entries
//! without a word, and `--sync` would not bring them back: each of those commits carried its
//! entry, so it is accounted for. The merge commit therefore gets them back, as post-commit
//! gives a commit its entry, and says so; taken out again (`git commit --amend`), they stay
//! out, as any entry deleted by hand does.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use git2::Oid;

use super::amend::{Amend, amend_head, describe};
use super::op::{Op, plural};
use super::{Accumulated, Edit};
use crate::Result;
use crate::config::Config;
use crate::git::{Range, ReflogTop, Repo};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize};
use crate::history::sync::{changelog_at, entries_made, unshipped_entries};

/// post-commit for a merge commit: the entries its parents had unreleased that it lacks.
pub(super) fn merge_commit(repo: &Repo, config: &Config, top: &ReflogTop) -> Result<Accumulated> {
    let skip = |why: &str| Ok(Accumulated::Skipped(why.to_owned()));
    let Some(head) = repo.head().filter(|h| *h == top.new) else {
        return skip("HEAD moved since the commit");
    };
    let [ours, theirs] = repo.parent_ids(head)?[..] else {
        return skip("not a merge of two commits");
    };
    let (mut dropped, mut releases) = dropped(repo, config, head, [ours, theirs])?;
    // Entries a squash on the other side stands for, which the driver itself left out.
    for (path, entries) in &mut dropped {
        let carried = carried_by_squash((repo, config), path, [ours, theirs]);
        entries.retain(|e| !carried.contains(&normalize(&e.text)));
    }
    dropped.retain(|(_, entries)| !entries.is_empty());
    let by_hand_only = releases.is_empty();
    // Entries the merge itself kept, taken out by hand before it was committed: they stay out.
    let (dropped, by_hand): (Vec<Dropped>, Vec<Dropped>) =
        dropped.into_iter().partition(|(path, entries)| {
            !removed_by_hand((repo, config), path, [ours, theirs], entries)
        });
    releases.extend(by_hand.iter().map(|(path, entries)| {
        format!(
            "{} leaves out {} a parent had unreleased ({}`- {}`), which the merge itself kept: taken out by hand, {} out",
            path.display(),
            plural(entries.len(), "entry", "entries"),
            if entries.len() > 1 { "first: " } else { "" },
            entries.first().map_or("", |e| e.text.as_str()),
            if entries.len() == 1 { "it stays" } else { "they stay" },
        )
    }));
    // A release section is not put back (which entries it shipped is the tag's to say), but
    // its loss is said.
    let releases = (!releases.is_empty()).then(|| releases.join("; "));
    if dropped.is_empty() {
        return match releases {
            Some(kept) if by_hand_only => Ok(Accumulated::Notice(kept)),
            // A warning, as a refusal is: not silenced by `RELHOOK_QUIET`.
            Some(lost) => Ok(Accumulated::Refused(lost)),
            None => Ok(super::entries::merge_concluded(repo, head, config)),
        };
    }
    let lacks = |path: &PathBuf, entries: &[NewEntry]| {
        format!(
            "{} lacks {} a parent of the merge had unreleased ({}`- {}`): its conflict's resolution dropped {}",
            path.display(),
            plural(entries.len(), "entry", "entries"),
            if entries.len() > 1 { "first: " } else { "" },
            entries.first().map_or("", |e| e.text.as_str()),
            if entries.len() == 1 { "it" } else { "them" },
        )
    };
    // Not put back: which entries, why, and where they are.
    let said = |why: &str| {
        let lost: Vec<String> = dropped.iter().map(|(p, e)| lacks(p, e)).collect();
        let path = dropped.first().map(|(p, _)| p.display().to_string());
        let path = path.unwrap_or_default();
        let mut line = format!(
            "{}; not put back ({why}): add them by hand from `git show {}:{path}` and `git show {}:{path}`",
            lost.join("; "),
            crate::git::short_id(ours),
            crate::git::short_id(theirs)
        );
        if let Some(r) = &releases {
            line.push_str("; ");
            line.push_str(r);
        }
        line
    };
    if !config.changelog.accumulate {
        return Ok(Accumulated::Notice(said(
            "`changelog.accumulate` is off in .relconfig.toml",
        )));
    }
    if let Some(op) = repo.operation_in_progress() {
        return Ok(Accumulated::Notice(said(&format!("{op} is in progress"))));
    }
    let mut edits = Vec::new();
    for (path, entries) in dropped.iter().cloned() {
        // Under a filter (git-lfs) the committed blob is the filter's (a pointer): only git
        // could make the new one.
        if repo.filter_driver(&path).is_some() {
            continue;
        }
        let Some(stored) = repo.committed_file(head, &path)? else {
            continue;
        };
        let Some(log) = std::str::from_utf8(&stored.bytes)
            .ok()
            .and_then(|t| Changelog::parse(t).ok())
        else {
            continue;
        };
        let order = &config.changelog.order;
        edits.push(Edit::whole(
            path,
            stored,
            Op::Restore(entries),
            (log, order),
        ));
    }
    if edits.is_empty() {
        return skip("no changelog to put the entries back into");
    }
    match amend_head(repo, head, &mut edits, ("post-commit (merge)", None))? {
        Amend::Done { new, notes } => Ok(Accumulated::Changed {
            what: describe(&edits),
            old: head,
            new,
            note: releases
                .into_iter()
                .chain(notes)
                .reduce(|a, b| a + "; " + &b),
            lint: None,
        }),
        Amend::Refused(why) => Ok(Accumulated::Refused(said(&format!(
            "{why}; HEAD stays as git made it"
        )))),
        Amend::Moved => skip("HEAD moved since the commit"),
    }
}

/// A changelog, and the entries to put back into it.
type Dropped = (PathBuf, Vec<NewEntry>);

/// Whether `entries` were taken out of `path` by hand while the merge of `sides` was being
/// concluded (`git merge --no-commit`, an edit, then `git commit`): the merge git made of the
/// file, through relhook's driver where this clone runs it and else git's own line merge, was
/// clean and kept every one of them, so no conflict's resolution dropped them.
fn removed_by_hand(
    (repo, config): (&Repo, &Config),
    path: &Path,
    sides: [Oid; 2],
    entries: &[NewEntry],
) -> bool {
    let kept = |text: &str| {
        Changelog::parse(text)
            .is_ok_and(|merged| entries.iter().all(|e| merged.contains_entry(&e.text, true)))
    };
    if driver_runs(repo, path) {
        return driver_merge((repo, config), path, sides).is_some_and(|m| kept(&m.text));
    }
    // The attribute names the driver in a clone that never registered it (hooks another tool
    // manages): git merged the file line by line, and its conflict is no hand's removal.
    let base = match repo.merge_base_of(sides[0], sides[1]) {
        Ok(crate::git::MergeBase::Found(b)) => repo.blob_at(b, path).map(|_| b),
        _ => return false,
    };
    match repo.line_merge(path, base, sides) {
        crate::git::LineMerge::Clean(text) => kept(&text),
        _ => false,
    }
}

/// Whether git merges `path` through relhook's driver here: the attribute names it and this
/// clone defines it (without `merge.relhook-changelog.driver` git falls back to its line merge).
fn driver_runs(repo: &Repo, path: &Path) -> bool {
    let driver = crate::hooks::driver::DRIVER;
    repo.merge_driver(path).as_deref() == Some(driver) && repo.merge_driver_defined(driver)
}

/// The entries (normalised) relhook's merge driver leaves out of `path` in the merge of
/// `sides` because a squash on one side stands for the commits that wrote them, or the other
/// side's rewording of the same change does: no resolution dropped those.
fn carried_by_squash(
    (repo, config): (&Repo, &Config),
    path: &Path,
    sides: [Oid; 2],
) -> HashSet<String> {
    driver_merge((repo, config), path, sides)
        .map(|m| {
            let carried = m.carried.iter().map(|(e, _)| e);
            carried
                .chain(&m.reworded)
                .map(|e| normalize(&e.text))
                .collect()
        })
        .unwrap_or_default()
}

/// `path` merged for `sides` as relhook's merge driver merges it, history read for the
/// entries a release's words or a squash leave out; `None` when git uses another driver.
fn driver_merge(
    (repo, config): (&Repo, &Config),
    path: &Path,
    sides: [Oid; 2],
) -> Option<crate::history::changelog::Merged> {
    if !driver_runs(repo, path) {
        return None;
    }
    let Ok(crate::git::MergeBase::Found(base)) = repo.merge_base_of(sides[0], sides[1]) else {
        return None;
    };
    let [Some(o), Some(t)] = sides.map(|c| changelog_at(repo, c, path)) else {
        return None;
    };
    // Both sides made the file: git merges it against an empty one.
    let b = match repo.blob_at(base, path) {
        Some(_) => changelog_at(repo, base, path),
        None => Changelog::parse("").ok().map(std::rc::Rc::new),
    }?;
    let config = crate::history::reverts::config_for_changelog(config, path);
    crate::history::sync::merge_by_history(
        Some((repo, &config, crate::history::sync::Sides::Merge(sides))),
        (&b, &o, &t),
    )
    .ok()
}

/// Per changelog (the root's, each package's), the entries a parent had unreleased that the
/// merge's Unreleased lacks, counting only the entries of the commits that parent brought and
/// no release tag of it holds, nor a copy in a release the merge holds (as the driver asks): an
/// entry one side reworded while the other released it, or one a person wrote, is the
/// resolution's to decide, as `--rebuild` would not list it either.
/// Then the release sections a parent has and the merge lacks, said.
fn dropped(
    repo: &Repo,
    config: &Config,
    head: Oid,
    sides: [Oid; 2],
) -> Result<(Vec<Dropped>, Vec<String>)> {
    let mut paths = vec![config.changelog.path.clone()];
    for p in &config.packages {
        if !paths.contains(&p.changelog) {
            paths.push(p.changelog.clone());
        }
    }
    let base = match repo.merge_base_of(sides[0], sides[1])? {
        crate::git::MergeBase::Found(b) => Some(b),
        _ => None,
    };
    let forge = OnceCell::new();
    let mut made: [Option<HashSet<String>>; 2] = [None, None];
    let mut out = Vec::new();
    let mut releases = Vec::new();
    for path in paths {
        let Some(merged) = changelog_at(repo, head, &path) else {
            continue;
        };
        // Unreleased alone: a release's same words are not the entry (`fix: typo` twice, a
        // fix picked onto main from a maintenance line whose release is merged with it).
        let have: HashSet<String> = merged
            .unreleased_entries()
            .iter()
            .map(|e| normalize(&e.text))
            .collect();
        let mut versions = merged.versions();
        // A section one side deleted since the merge base is gone on purpose.
        let in_base = base
            .and_then(|b| changelog_at(repo, b, &path))
            .map(|l| l.versions())
            .unwrap_or_default();
        let logs = sides.map(|p| changelog_at(repo, p, &path));
        // Entries the merge itself wrote (in neither parent): one may reword a side's entry
        // (polished while concluding the merge), which then is not dropped.
        let in_sides: HashSet<String> = logs
            .iter()
            .flatten()
            .flat_map(|l| l.all_entry_texts())
            .collect();
        let mut reworded: Vec<(String, String)> = merged
            .unreleased_entries()
            .into_iter()
            .map(|e| (e.section, normalize(&e.text)))
            .filter(|(_, t)| !in_sides.contains(t))
            .collect();
        let kept_by_both = |v: &String| {
            !in_base.contains(v) || logs.iter().flatten().all(|l| l.versions().contains(v))
        };
        let mut back: Vec<NewEntry> = Vec::new();
        let mut seen = HashSet::new();
        for (i, parent) in sides.into_iter().enumerate() {
            let Some(log) = &logs[i] else {
                continue;
            };
            for v in log.versions() {
                if versions.contains(&v) || !kept_by_both(&v) {
                    continue;
                }
                versions.push(v.clone());
                let (p, short) = (path.display(), crate::git::short_id(parent));
                let heading = crate::history::changelog::quoted_heading(Some(log), &v);
                releases.push(format!(
                    "{p} lacks the `{heading}` section that {short}, a parent of the merge, has: its conflict's resolution dropped it; put it back from `git show {short}:{p}` and `git commit --amend`"
                ));
            }
            for e in log.unreleased_entries() {
                let key = normalize(&e.text);
                if have.contains(&key) || seen.contains(&key) {
                    continue;
                }
                // Read only when something is missing: the commits this side brought.
                let made = match &mut made[i] {
                    Some(m) => m,
                    slot => {
                        // Not those a release tag of this side holds: their entries are
                        // in its release sections, whatever Unreleased says.
                        let prefix = &config.version.tag_prefix;
                        let tags = repo.release_tags(parent, prefix)?.into_iter();
                        let range = Range {
                            tips: vec![parent],
                            hidden: std::iter::once(sides[1 - i])
                                .chain(tags.map(|t| t.commit))
                                .collect(),
                            ..Range::default()
                        };
                        slot.insert(entries_made(repo, config, &range, &forge, None)?)
                    }
                };
                let rewording = reworded.iter().position(|(s, t)| {
                    crate::history::changelog::vocab::same_section(s, &e.section)
                        && crate::history::changelog::rewords(t, &key)
                });
                if let Some(at) = rewording.filter(|_| made.contains(&key)) {
                    reworded.remove(at);
                    continue;
                }
                if made.contains(&key) {
                    seen.insert(key);
                    back.push(NewEntry {
                        breaking: e.text.starts_with("**BREAKING**"),
                        section: e.section,
                        text: e.text,
                    });
                }
            }
        }
        if !back.is_empty() {
            // The driver's question too: an entry released by a copy a release the merge
            // holds made (a fix picked onto the release line it merges) is no one's loss.
            let wanted = back.iter().map(|e| normalize(&e.text)).collect();
            let own = crate::history::reverts::config_for_changelog(config, &path);
            let unshipped = unshipped_entries(repo, &own, sides, &wanted)?;
            back.retain(|e| unshipped.contains(&normalize(&e.text)));
        }
        if !back.is_empty() {
            out.push((path, back));
        }
    }
    Ok((out, releases))
}
