//! A plain commit that writes its own entry into Unreleased (Keep a Changelog's way: the
//! person says what changed): that entry stands for the commit, as `changelog --sync` already
//! counts it, so no generated one goes beside it; one line says so. An entry the commit only
//! rewords (as many entries after as before) is no entry of its own.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::weight::Weight;
use crate::history::changelog::{Changelog, normalize, one_line};
use crate::history::sync::entries_made;

/// The line for plain commit `head`, whose change to `path` (now `log`) added `brought` to
/// Unreleased beside `new`, the entry its message calls for; `None` when those are all other
/// commits' entries since the last release (a changelog staged again after a killed amend),
/// or the commit only reworded entries that were there.
pub(super) fn notice(
    (repo, config): (&Repo, &Config),
    head: Oid,
    (path, log): (&Path, &Changelog),
    brought: &[NewEntry],
    new: &NewEntry,
) -> Result<Option<String>> {
    let Some((first, more)) = written((repo, config), head, (path, log), brought, new)? else {
        return Ok(None);
    };
    let marker = log.marker();
    let under = if first.section.is_empty() {
        String::new()
    } else {
        format!(" under {}", first.section)
    };
    let more = match more {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    Ok(Some(format!(
        "no entry added to {}: this commit writes its own entry (`{marker} {}`{under}{more}), which stands for `{marker} {}`",
        path.display(),
        one_line(&first.text),
        one_line(&new.text),
    )))
}

/// [`notice`] for an amend that makes the message call for an entry the amended commit did
/// not (`chore:` made `fix:` again) while the commit's own change already writes one by hand
/// (polished in an earlier amend): that entry stands for it, as for a plain commit. `None`
/// when the commit brings a squash's entries, which the squash rules weigh instead.
pub(super) fn amended_to_call(
    (repo, config): (&Repo, &Config),
    head: Oid,
    (path, log): (&Path, &Changelog),
    new: &NewEntry,
) -> Result<Option<String>> {
    let brought = super::squash::parts(repo, config, head, (path, log), new)?;
    if !(brought.replaced.is_empty() && brought.kept.is_empty()) {
        return Ok(None);
    }
    notice((repo, config), head, (path, log), &brought.by_hand, new)
}

/// The first entry the person making `head` wrote for it among `brought` (see [`notice`]),
/// with how many more they wrote; `None` when they wrote none that stands for `new`.
pub(super) fn written(
    (repo, config): (&Repo, &Config),
    head: Oid,
    (path, log): (&Path, &Changelog),
    brought: &[NewEntry],
    new: &NewEntry,
) -> Result<Option<(NewEntry, usize)>> {
    if brought.is_empty() {
        return Ok(None);
    }
    let mut made = made_since_release(repo, config, head, brought)?;
    // Reworded on a branch the commit squashes: that branch's words, not this commit's;
    // unless they reword a squashed commit's own entry (`- two, with better wording` for
    // `feat: two`): then they stand for the squash, as that commit's entry would.
    let branch = written_on_branches(repo, head, path, brought)?;
    let squashed = match branch.is_empty() {
        true => HashSet::new(),
        false => super::squash::squashed_entries(repo, config, head)?,
    };
    let rewords_squashed =
        |t: &String| (squashed.iter()).any(|g| crate::history::changelog::rewords(t, g));
    made.extend(branch.into_iter().filter(|t| !rewords_squashed(t)));
    // As a squash's entry does, a hand entry stands for the commit only up to its weight: a
    // feature is never stood for by an entry that does not say it (`changelog --sync` agrees).
    let weight = |e: &NewEntry| Weight::of(e.breaking, &e.section, config);
    // An entry the parent listed, reworded in this commit (`- one` made `- one, reworded while
    // squashing`), is a hand edit of that entry, never this commit's own.
    let parent_file = match repo.first_parent(head) {
        Some(parent) => repo.file_at(parent, path)?.map(|f| f.bytes),
        None => None,
    };
    let now: HashSet<String> = (log.unreleased_entries().iter())
        .map(|e| normalize(&e.text))
        .collect();
    let gone: Vec<String> = (parent_file.clone())
        .and_then(Changelog::from_utf8)
        .map(|l| l.unreleased_entries())
        .unwrap_or_default()
        .iter()
        .map(|e| normalize(&e.text))
        .filter(|t| !now.contains(t))
        .collect();
    // The rule `changelog --sync` judges a commit made with the hooks off by.
    let reworded =
        |e: &NewEntry| crate::history::changelog::replaced::replaces(&normalize(&e.text), &gone);
    let by_hand: Vec<&NewEntry> = brought
        .iter()
        .filter(|e| !made.contains(&normalize(&e.text)) && weight(e) >= weight(new))
        .filter(|e| !reworded(e))
        .collect();
    let Some(first) = by_hand.first() else {
        return Ok(None);
    };
    // More entries than before, beyond those of the commits it brings (a squash's): an entry
    // reworded in place adds none.
    let theirs = (brought.iter())
        .filter(|e| made.contains(&normalize(&e.text)))
        .count();
    if log.unreleased_entries().len() <= unreleased_count(parent_file) + theirs {
        return Ok(None);
    }
    Ok(Some(((*first).clone(), by_hand.len() - 1)))
}

/// For an amend of `amended` (now `head`, its file `log`) that added an entry written by hand
/// standing for `new`, which is still there too: the edit that takes `new` out.
pub(super) fn amended_in(
    (repo, config): (&Repo, &Config),
    (head, amended): (Oid, Oid),
    (path, log): (&Path, &Changelog),
    new: &NewEntry,
) -> Result<Option<super::op::Op>> {
    let key = normalize(&new.text);
    let listed = log.unreleased_entries();
    if !listed.iter().any(|e| normalize(&e.text) == key) {
        return Ok(None);
    }
    let before: HashSet<String> = repo
        .file_at(amended, path)?
        .and_then(|f| Changelog::from_utf8(f.bytes))
        .map(|l| l.unreleased_entries())
        .unwrap_or_default()
        .into_iter()
        .map(|e| normalize(&e.text))
        .collect();
    // No more entries than the amended commit had: a typo fixed in another one's, not an
    // entry of its own (as a plain commit that only rewords is judged).
    if listed.len() <= before.len() {
        return Ok(None);
    }
    let added: Vec<NewEntry> = listed
        .into_iter()
        .filter(|e| {
            let k = normalize(&e.text);
            k != key && !before.contains(&k)
        })
        .map(|e| NewEntry {
            breaking: crate::history::changelog::weight::is_breaking(&e.text),
            section: e.section,
            text: e.text,
        })
        .collect();
    let hand = written((repo, config), head, (path, log), &added, new)?;
    Ok(hand.map(|(hand, _)| super::op::Op::StandIn(new.clone(), hand)))
}

/// Which of `entries` (normalized) the commits since the last release make, `head` and its
/// ancestors: theirs, not the person's.
pub(super) fn made_since_release(
    repo: &Repo,
    config: &Config,
    head: Oid,
    entries: &[NewEntry],
) -> Result<HashSet<String>> {
    let wanted: HashSet<String> = entries.iter().map(|e| normalize(&e.text)).collect();
    let hidden = repo
        .latest_release_tag(head, &config.version.tag_prefix)
        .map(|(_, at)| vec![at])
        .unwrap_or_default();
    let range = Range {
        tips: vec![head],
        hidden,
        ..Range::default()
    };
    entries_made(repo, config, &range, &OnceCell::new(), Some(&wanted))
}

/// Which of `entries` (normalized) commits on branches not in `head`'s history (or that a
/// `git reset` took out of it) wrote into `path` themselves: what a squash brings.
fn written_on_branches(
    repo: &Repo,
    head: Oid,
    path: &Path,
    entries: &[NewEntry],
) -> Result<HashSet<String>> {
    let wanted: HashSet<String> = entries.iter().map(|e| normalize(&e.text)).collect();
    let mut tips = repo.branch_commits();
    tips.extend(repo.reset_away(super::squash::RESET_LOOK_BACK));
    let range = Range {
        tips,
        hidden: vec![head],
        ..Range::default()
    };
    let (mut found, mut seen) = (HashSet::new(), 0);
    repo.walk(&range, |c| {
        let added = crate::history::sync::added_by(repo, c.id, path);
        found.extend(added.into_iter().filter(|t| wanted.contains(t)));
        seen += 1;
        // A squash brings a branch's recent work; its far history is not walked.
        seen < 500 && found.len() < wanted.len()
    })?;
    Ok(found)
}

/// How many entries Unreleased holds in a stored changelog (0 for none, or one that does not
/// parse: then every entry the commit added is new).
fn unreleased_count(bytes: Option<Vec<u8>>) -> usize {
    let Some(text) = bytes.and_then(|b| String::from_utf8(b).ok()) else {
        return 0;
    };
    match Changelog::parse_head(&text) {
        Some((log, _)) => log.unreleased_entries().len(),
        None => Changelog::parse(&text).map_or(0, |log| log.unreleased_entries().len()),
    }
}
