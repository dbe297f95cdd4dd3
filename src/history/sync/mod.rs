//! History → changelog. `--sync` adds to Unreleased what history has and the file lacks
//! (commits made with hooks off, pulled from others, made in a web UI); `--rebuild` writes the
//! whole file from history and release tags, for a repository adopting relhook.
//!
//! How an entry is recognised, so that hand edits win: a commit is *accounted for* when it
//! added an entry to the changelog itself (post-commit puts each entry into its own commit,
//! and a rebase or cherry-pick carries that change along; a line that only replaces an
//! entry it took out, a reword, adds none: see `changelog::replaced`), or when its entry's
//! text was added to the file by any commit since the last release, or is in Unreleased now
//! (or in the section of a release not tagged yet). A reworded, moved or deleted entry
//! therefore stays as the person left it: its commit is still accounted for; but one still
//! under the heading its own commit gave it, for a type the commit no longer has (a rebase's
//! reword, a pick's `-e`: relhook leaves those as git makes them), moves to the heading the
//! message calls for.
//! An older release's entry of the same wording accounts for nothing: `fix: typo` again is
//! another fix, as post-commit sees it.

use std::collections::HashSet;

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::diff::DiffWork;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::normalize;
use crate::{Error, Result};

mod added;
mod amended;
mod applied;
mod by_hand;
mod cliff_breaking;
mod deleted;
mod deps_entries;
mod dropped;
mod entry_of;
mod forward;
mod landed;
mod linked;
mod made;
mod merge_dropped;
mod missing;
mod newest_case;
mod no_entry;
mod order;
mod own_change;
mod pick_dropped;
mod polished;
mod prereleases;
mod rebuild;
mod release_text;
mod seen;
mod shipped;
mod since;
mod squash_of;
mod squash_stand;
mod squashed;
mod stored;
mod taken_back;
mod unshipped;
pub use added::added_by;
pub use amended::{Stale, undone_amend};
pub use applied::{Unlogged, unlogged};
pub use by_hand::{released_on, untagged_section};
pub use deleted::{Deletion, Kind as DeletionKind, changelog_deleted};
pub use deps_entries::deps_required;
pub use dropped::{Dropped, dropped_entries, remembered_reads};
pub use entry_of::forge;
pub(super) use entry_of::{commit_entry, commit_entry_at};
pub use landed::Landed;
pub use made::entries_made;
pub use missing::changelog_missing;
pub use no_entry::NoEntry;
pub use own_change::moved_said;
pub use pick_dropped::{concluded_pick, lacked};
pub use prereleases::unlogged_prereleases;
pub use rebuild::cliff_order::place_as_configured;
pub use rebuild::{Kept, LeftOut, Rebuilt, lost_lines, rebuild};
use release_text::Wants;
pub use release_text::{plan_sync, released_text};
use seen::{Seen, collect};
pub use shipped::{listed_on_top, shipped_under_unreleased, shipped_unlisted};
pub use since::listed_as_unreleased;
pub use squash_stand::SquashStand;
pub use stored::{
    Stored, changelog_at, changelog_command, changelog_not_a_file, changelog_setting,
    has_section_at, heading_at, hold_parsed, kept_under_other_name, parse, parse_kept, parsed,
    stored_at, unkept_at,
};
pub use unshipped::{Sides, merge_by_history, older_line_entries, unshipped_entries};

/// What `--sync` would add.
#[derive(Debug, Clone, Default)]
pub struct SyncPlan {
    /// The entries to add, oldest commit first, with the commit each comes from (full id).
    pub added: Vec<(String, NewEntry)>,
    /// Entries removed from Unreleased because a later commit of the same unreleased range
    /// reverts theirs (git's `Revert "…"`): the change never shipped. With the reverting
    /// commit's id.
    pub removed: Vec<(String, NewEntry)>,
    /// Entries taken out of Unreleased because their commits are lost (a rebase dropped them,
    /// or a reset) and they read as those commits' messages write them.
    /// With them, those it keeps though they read so ([`Dropped::kept`]: another ref holds the
    /// commit, or this branch never did).
    pub lost: Vec<Dropped>,
    /// Entries moved (or marked breaking) as their commit's message now has them: each the
    /// entry relhook wrote for an earlier type of that commit, left so by a rebase's reword or
    /// a pick's `-e`. With the commit's id, the entry as it was listed, and as it is now.
    pub moved: Vec<(String, NewEntry, NewEntry)>,
    /// The entries of amended-away messages the file still lists (an amend post-commit did
    /// not rewrite), said with the hand edit, not changed (but for those `moved` replaces).
    pub amended: Vec<Stale>,
    /// Entries moved from a release's section to Unreleased: an unreleased commit's own, put
    /// there by its patch (see [`landed`]).
    pub landed: Vec<Landed>,
    /// Of `added`, the squash merges whose entries replace those of the commits they carry
    /// (made with post-commit skipped), with what was taken out and what kept.
    pub squashed: Vec<SquashStand>,
    /// Of `added`, the commits a merged-in release of an older line shipped, each with its
    /// tag: released there, not on this line.
    pub older_line: Vec<(String, String)>,
    /// The new file text.
    pub text: String,
    /// Whether anything changes.
    pub changed: bool,
    /// What planning cost, for tests that guard against a cost that grows with the product
    /// of commits and file size.
    pub work: SyncWork,
    /// The commits it writes no entry for, not being Conventional Commits (`--sync` says
    /// them; a hook's or a release's plan does not look for them).
    pub no_entry: NoEntry,
}

/// The work a sync plan did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncWork {
    /// Changelog versions read from history (each blob once).
    pub blobs_read: usize,
    /// Lines of changed regions read as entries.
    pub diff: DiffWork,
}

/// [`plan_sync`] for the release whose tag is `releasing`: that tag does not end the range
/// (a hand tag exists on HEAD while its release commit is made, and the commits it releases
/// are the ones since the release before it). `advise`: the versions a refusal of tags under
/// another prefix names, where it is shown (`relhook changelog`: what `release` would make of
/// the commits and the version files, which only the release stage reads).
pub fn plan_sync_releasing(
    repo: &Repo,
    config: &Config,
    current: &str,
    releasing: (Option<&str>, &crate::history::tags::Advise<'_>),
) -> Result<SyncPlan> {
    plan(repo, config, current, releasing, Wants::Sync)
}

fn plan(
    repo: &Repo,
    config: &Config,
    current: &str,
    (releasing, advise): (Option<&str>, &crate::history::tags::Advise<'_>),
    wants: Wants,
) -> Result<SyncPlan> {
    let mut log = parse_kept(repo, &config.changelog.path, current)?;
    place_as_configured(&mut log, repo, config);
    let Some(head) = repo.head() else {
        let text = current.to_owned();
        return Ok(SyncPlan {
            text,
            ..SyncPlan::default()
        });
    };
    let (range, last) = since::since_last_release(repo, head, config, releasing)?;
    if range.hidden.is_empty() {
        // Release tags under the other prefix would make all of history "unreleased". A
        // release being made has its version decided, which settled other prefixes' tags.
        let named = releasing
            .and_then(|t| t.strip_prefix(config.version.tag_prefix.as_str()))
            .and_then(|v| semver::Version::parse(v).ok());
        crate::history::tags::check_tag_prefix(repo, config, named.as_ref(), advise)?;
    }
    if range.hidden.is_empty() && repo.is_shallow() {
        return Err(Error::IncompleteHistory {
            message: "this clone is shallow and no release tag is within its history, so relhook cannot tell which commits are unreleased".into(),
            fix: "run `git fetch --tags --unshallow` and sync again".into(),
        });
    }
    let commits = seen::collect_whole(repo, &range)?;
    // Where each package was at each commit (and its parent), which the filter below reads
    // from the configuration stored there: in a partial clone, fetched at once.
    let ids = (commits.iter()).flat_map(|c| std::iter::once(c.id).chain(c.parents.clone()));
    crate::history::packages::then::prefetch(repo, config, ids);
    // A release of an older line merged in: its commits are unreleased on this line, though
    // their entries are in its section; copies of what the line has are not.
    let older =
        crate::history::older_line::older_lines(repo, config, head, &range.hidden, releasing)?;
    let forge = forge(repo);
    let path = &config.changelog.path;
    let mut cliff = cliff_breaking::CliffBreaking::listed(&log, last.as_ref());
    // A change reverted before it was released never shipped: neither it nor its revert gets
    // an entry, and the entry post-commit gave it goes (unless a person reworded it).
    let mut reverts: Vec<(Oid, crate::history::changelog::entry::RevertKey)> = commits
        .iter()
        .rev()
        .map(|c| {
            (
                c.id,
                crate::history::changelog::entry::revert_key(
                    &crate::history::reverts::untruncated(repo, &c.message),
                ),
            )
        })
        .collect();
    crate::history::reverts::paired_keys(repo, config, &mut reverts);
    let mut partners = crate::history::changelog::entry::revert_partners(&reverts);
    let mut cancelled: HashSet<Oid> = partners.iter().flat_map(|(r, o)| [*r, *o]).collect();
    // A merged branch reverted before a release (`git revert -m 1`): its commits' entries go.
    let mut merge_reverts = crate::history::reverts::MergeReverts::default();
    for c in commits.iter().filter(|c| c.parents.len() < 2) {
        merge_reverts.note(c.id, &c.message);
    }
    let in_range: HashSet<Oid> = commits.iter().map(|c| c.id).collect();
    let by_merge_revert = merge_reverts.cancelled(repo, config, &in_range)?;
    for c in commits.iter().rev() {
        if let Some(revert) = by_merge_revert.get(&c.id) {
            if cancelled.insert(c.id) {
                partners.push((*revert, c.id));
            }
        }
    }
    // The commits that get an entry unless something accounts for them.
    let mut candidates = Vec::new();
    let mut quiet = Vec::new();
    let mut filter = crate::history::packages::Filter::new(repo, config);
    let mut own_entry = HashSet::new();
    // Those a release section written by hand, not tagged yet, releases are not Unreleased.
    let by_hand = by_hand::released_by_hand(repo, config, &log, &range, last.as_ref());
    // Those whose pick (or original) the last release holds: released with it.
    let walked: Vec<_> = commits.iter().map(|c| (c.id, c.parents.clone())).collect();
    let copies = crate::history::copies::copies_since(repo, config, &walked, &range.hidden)?;
    for c in commits
        .iter()
        .filter(|c| c.parents.len() < 2 && !c.unreadable && !cancelled.contains(&c.id))
        .filter(|c| !by_hand.contains(&c.id) && !copies.contains(&c.id))
        .filter(|c| !older.not_new.contains(&c.id))
    {
        use crate::history::reverts::{
            branch_entries, in_history, merge_revert, reapplied_merge_revert,
        };
        let own = commit_entry_at(repo, c.id, &c.message, config, forge.as_ref());
        let called = own.is_some();
        let entries: Vec<NewEntry> = match own {
            Some(e) => vec![e],
            // A merge reverted after its release (before it, it is cancelled above). One
            // history does not hold at all (a rebase made its branch's commits a line of
            // their own) was released in no form: the revert takes out what the file lists.
            None => match merge_revert(c.id, &c.message).map(|m| in_history(repo, m)) {
                Some(m) if !in_range.contains(&m.merge) && repo.reaches(c.id, m.merge) => {
                    crate::history::reverts::branch_revert_entry(repo, &m, config)?
                        .into_iter()
                        .collect()
                }
                Some(_) => Vec::new(),
                // That revert reapplied (`Reapply "Merge branch …"`) after its own release:
                // the branch's entries (before it, the two reverts cancel out above).
                None => match reapplied_merge_revert(repo, &c.message) {
                    Some(m) if !in_range.contains(&m.revert) => branch_entries(repo, &m, config)?,
                    _ => Vec::new(),
                },
            },
        };
        if entries.is_empty() {
            // An amend of one that called for an entry may have left that entry.
            quiet.push(c.id);
            continue;
        }
        // In a monorepo, the commits of this changelog's package (or of none, for the root's).
        filter.walked(c.id, c.tree);
        if !filter.counts(c.id, &c.message)? {
            continue;
        }
        if called {
            own_entry.insert(c.id);
        }
        candidates.extend(entries.into_iter().map(|e| (c.id, e)));
    }
    // Each candidate's entry normalised once: the plan compares it in many ways below.
    let (keyed, keys) = since::Keyed::keys(&log, &candidates);
    // Only the current file is parsed whole. What it already says for the unreleased range:
    // Unreleased, and any section of a release not tagged yet (a release commit whose tag is
    // still to come); not an older release's entry of the same wording, which is another change.
    // An entry worded as a candidate's (post-commit wrote it) has that one's key.
    let worded = candidates
        .iter()
        .zip(&keys)
        .map(|((_, e), k)| (e.text.as_str(), k.as_str()));
    let mut known = since::unreleased_texts(&log, last.as_ref(), &worded.collect());
    let seen = (commits.as_slice(), quiet.as_slice(), last.as_ref());
    let no_entry = no_entry::among((repo, config, wants), seen, &mut filter)?;
    // The entries of commits history lost go, and account for no commit that carried them
    // (the one after a dropped commit that made the file brings them along).
    let range = dropped::Called::new(&commits, &candidates, &keys, &own_entry);
    let lost = dropped::take_out(repo, config, &mut log, &range, wants != Wants::Hook)?;
    let taken = lost.iter().filter(|d| !d.kept());
    let gone: HashSet<String> = taken.map(|d| normalize(&d.entry)).collect();
    known.retain(|k| !gone.contains(k));
    let commits_of = (candidates.as_slice(), quiet.as_slice());
    let amended = match wants {
        Wants::ReleaseText => Vec::new(),
        _ => amended::stale(repo, config, &log, commits_of, forge.as_ref()),
    };
    // A revert cancels one instance of a change: when another commit of the range made the
    // same change and stands (the branch a cherry-picked copy came from, the copy of a change
    // reverted on its branch), the entry is that commit's too and stays.
    let standing: HashSet<(String, String)> = (candidates.iter().zip(&keys))
        .map(|((_, e), k)| (e.section.clone(), k.clone()))
        .collect();
    // Entries a revert took out of the file with its change while another commit stands
    // with the same entry: that commit's own change to the file (or the reverted one's)
    // does not account for it any more.
    let in_file = known.clone();
    let twins: HashSet<(String, String)> = partners
        .iter()
        .filter_map(|(_, target)| commits.iter().find(|x| x.id == *target))
        .filter_map(|c| commit_entry_at(repo, c.id, &c.message, config, forge.as_ref()))
        .map(|e| (e.section, keyed.key(&e.text)))
        .filter(|k| standing.contains(k) && !in_file.contains(&k.1))
        .collect();
    let mut removed = Vec::new();
    for (id, target) in &partners {
        // The change's entry goes, and so does the revert's own: post-commit gives one to a
        // revert committed with plain `git commit` (`Revert "feat: x" (#3)`, squash-merged).
        // A revert's entry without its own `(#N)` is how relhook worded it before keeping it.
        for c in [target, id] {
            let Some(commit) = commits.iter().find(|x| x.id == *c) else {
                continue;
            };
            let older = crate::history::changelog::entry::without_own_pull_request(&commit.message);
            let wordings = std::iter::once(commit.message.as_str()).chain(older.as_deref());
            for e in wordings.filter_map(|m| commit_entry(repo, m, config, forge.as_ref())) {
                if standing.contains(&(e.section.clone(), keyed.key(&e.text))) {
                    break;
                }
                if log.remove_entry(&e.section, &e.text) {
                    let section = log.section_name(&e.section, e.breaking);
                    removed.push((id.to_string(), NewEntry { section, ..e }));
                    break;
                }
            }
        }
    }
    // Each commit's change to the file is read once, as a diff against its parent's version
    // whose unchanged start and end are skipped: the cost is the commits plus the file, not
    // their product. And only when the file lacks some candidate's entry: with every one in
    // it (the hooks saw every commit), history could add nothing.
    let mut work = SyncWork::default();
    // The entries each commit added to the file itself; and of those, the ones that may
    // stand for its own entry: not a line that replaces an entry it took out (a reword).
    let mut changed_log: std::collections::HashMap<Oid, HashSet<String>> = Default::default();
    let mut own_lines = changed_log.clone();
    let mut carried = squash_stand::Carried::default();
    if keys.iter().any(|k| !known.contains(k)) {
        let ids: Vec<Oid> = commits.iter().map(|c| c.id).collect();
        // A reapplied revert's take-out too: the reapply's own change accounts for the entry.
        let chain = crate::history::changelog::entry::revert_chain(&reverts, &partners);
        let (changes, reads) = added::changes(repo, &ids, path, &chain, &mut work.diff);
        for (id, changed) in changes {
            let fresh =
                crate::history::changelog::replaced::fresh(&changed.added, &changed.removed);
            if !fresh.is_empty() {
                own_lines.insert(id, fresh);
            }
            if !changed.added.is_empty() {
                changed_log.insert(id, changed.added.clone());
            }
            known.extend(changed.added);
        }
        work.blobs_read = reads;
        // Lost by a merge's or a pick's conflict resolution: not accounted for by their commits.
        let mut lost = merge_dropped::dropped_by_merges(repo, path, &commits, &changed_log)?;
        lost.extend(pick_dropped::dropped_by_picks(
            repo,
            path,
            &commits,
            &changed_log,
        ));
        let lost = merge_dropped::made_of(repo, config, (head, releasing), lost)?;
        known.retain(|k| !lost.contains(k) || in_file.contains(k));
        (changed_log.values_mut().chain(own_lines.values_mut()))
            .for_each(|t| t.retain(|k| !lost.contains(k) && !gone.contains(k)));
        known.retain(|k| !gone.contains(k));
        // A squash's own change brought the entries of the commits it carries: theirs.
        let missing: Vec<_> = (candidates.iter().zip(&keys))
            .filter(|(_, k)| !in_file.contains(*k))
            .map(|(c, _)| c.clone())
            .collect();
        let at = (repo, config, forge.as_ref());
        carried = squash_stand::Carried::find(at, &commits, &missing, &own_lines);
        for (id, lines) in &mut own_lines {
            let theirs: HashSet<String> = carried.theirs(*id).collect();
            lines.retain(|t| !theirs.contains(t));
        }
    }
    // A release links the entries post-commit wrote to their commits, as `--sync` links those
    // it adds.
    let linkable = linked::Linkable::of(wants == Wants::ReleaseText, &candidates, &keys, &in_file);
    let mut added = Vec::new();
    let mut moved = Vec::new();
    let weights = std::cell::OnceCell::new();
    let mut by_hand = None;
    let others = candidates.clone();
    let listed = std::cell::OnceCell::new();
    for ((id, entry), key) in candidates.into_iter().zip(keys) {
        // Shipped by an older line's release: only what this line's Unreleased already says
        // accounts for it (its own entry went into that release's section).
        if older.new.contains_key(&id) {
            if !in_file.contains(&key)
                && !added
                    .iter()
                    .any(|(_, e): &(String, NewEntry)| keyed.key(&e.text) == key)
            {
                added.push((id.to_string(), entry));
            }
            continue;
        }
        let own = own_lines.get(&id).is_some_and(|texts| {
            let weights = weights.get_or_init(|| own_change::weights(&log, config));
            own_change::accounts_for(texts, &entry, weights, config)
        });
        let twin = twins.contains(&(entry.section.clone(), key.clone()))
            && !added
                .iter()
                .any(|(_, e): &(String, NewEntry)| e.text == entry.text);
        if !twin {
            // Its own entry, left under its old type's heading (or without the marks its
            // message now gives it: `**BREAKING**`): moved or reworded as the message has it.
            let listed = listed.get_or_init(|| own_change::Listed::of(&log));
            let at = (repo, path.as_path());
            if let Some(old) = own_change::misplaced(at, id, listed, (&entry, &key), &others) {
                known.insert(key);
                moved.push((id.to_string(), old, entry));
                continue;
            }
            if own || known.contains(&key) {
                continue;
            }
            let message = commits
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.message.as_str());
            if message.is_some_and(|m| cliff.takes(m, &entry, config, forge.as_ref())) {
                continue;
            }
        }
        let by_hand = by_hand.get_or_insert_with(|| own_change::hand_entries(&log, &standing));
        if !own_change::reworded_by_hand(by_hand, &key) {
            known.insert(key);
            added.push((id.to_string(), entry));
        }
    }
    let header = |id| commits.iter().find(|c| c.id == id).map(|c| c.header());
    let squashed = carried.replace(&mut log, config, &added, &|id| {
        header(id).unwrap_or_default()
    });
    let news = added.iter_mut().map(|(_, e)| e);
    for e in news.chain(moved.iter_mut().map(|(_, _, e)| e)) {
        // Said under the name the file gives its kind of change (`Bug Fixes`, `Fixed`).
        e.section = log.section_name(&e.section, e.breaking);
    }
    // A moved entry's continuation lines go with it, added after the batch.
    let carried: Vec<Vec<String>> = (moved.iter())
        .map(|(_, old, _)| log.take_entry(&old.section, &old.text).unwrap_or_default())
        .collect();
    if !added.is_empty() || !moved.is_empty() {
        log.ensure_unreleased();
        order::add_in_order(&mut log, &commits, &added, &others);
        for ((_, _, e), lines) in moved.iter().zip(&carried) {
            log.add_entry_carrying(&e.section, &e.text, e.breaking, lines);
        }
    }
    let landed = landed::to_unreleased(repo, config, &mut log, &others, (&changed_log, &in_file));
    linkable.apply(&mut log);
    let text = log.render();
    let mut amended = amended;
    for a in &mut amended {
        let id = a.commit.to_string();
        a.added = added.iter().any(|(c, _)| *c == id);
        // Only marks tell one entry from the new message's: several (a fixup chain's) stay.
        let was: Vec<String> = a.was.iter().map(|w| normalize(w)).collect();
        a.replaced = moved
            .iter()
            .any(|(c, old, _)| *c == id && was == [normalize(&old.text)]);
    }
    let tag_of = |id: &String| Some((id.clone(), older.new.get(&Oid::from_str(id).ok()?)?.clone()));
    let older_line = added.iter().filter_map(|(id, _)| tag_of(id)).collect();
    Ok(SyncPlan {
        changed: text != current,
        older_line,
        added,
        removed,
        lost,
        moved,
        amended,
        landed,
        squashed,
        text,
        work,
        no_entry,
    })
}
