//! `relhook changelog --rebuild`: the whole file from history and release tags, for a
//! repository adopting relhook.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use super::{commit_entry_at, forge};
use crate::config::Config;
use crate::git::{Range, ReleaseTag, Repo};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{TEMPLATE, normalize};
use crate::{Error, Result};

mod accounted;
mod ancestry;
mod beyond;
pub(crate) mod cliff_order;
mod kept;
mod look;
mod maintenance;
mod render;

pub use kept::{Kept, LeftOut, Rebuilt};
pub use render::lost_lines;

/// Writes the whole changelog from history: one section per release tag reachable from HEAD,
/// Unreleased for what follows the last one, link references when the remote is a known forge;
/// and, where `current` has them, the sections of releases made on a maintenance line HEAD
/// does not reach (`maintenance`).
///
/// History is read once: every commit belongs to the first release (in version order) whose
/// tag reaches it, so the work is linear in the history, whatever the number of tags.
///
/// `current`, the file it replaces, gives the sub-sections' names and level (cocogitto's
/// `#### Bug Fixes`) and the way entries write their scope (`scope_style`): a file another
/// tool made keeps its look. What of it history gives nothing better for stays as written
/// (`kept`): its title and intro, the spacing and rules between sections, a release's section
/// with lines history does not give.
///
/// `advise`: the versions a refusal of tags under another prefix names (as
/// [`plan_sync_releasing`](super::plan_sync_releasing) takes it).
pub fn rebuild(
    repo: &Repo,
    config: &Config,
    current: Option<&str>,
    advise: &crate::history::tags::Advise<'_>,
) -> Result<Rebuilt> {
    let layout = render::Layout::of(current)
        .ordered(&config.changelog.order)
        .sorted_as_cliff(repo.work_tree().as_deref());
    let Some(head) = repo.head() else {
        return Ok(Rebuilt::of_history(format!("{}\n", TEMPLATE.trim_end())));
    };
    if repo.is_shallow() {
        // Sections beyond the boundary would silently go missing.
        return Err(Error::IncompleteHistory {
            message: "this clone is shallow: a rebuild from it would drop every release beyond its boundary".into(),
            fix: "run `git fetch --tags --unshallow` and rebuild again".into(),
        });
    }
    crate::history::tags::check_tag_prefix(repo, config, None, advise)?;
    // A `--no-tags` clone: every release section would go, as if nothing were released.
    let prefix = &config.version.tag_prefix;
    if let Some((what, remote)) = crate::history::tags::tags_not_fetched(repo, prefix, None) {
        return Err(Error::IncompleteHistory {
            message: format!("{what}: a rebuild from it would drop every release section"),
            fix: format!("run `git fetch --tags {remote}` and rebuild again"),
        });
    }
    let forge = forge(repo);
    prefetch_configs(repo, head)?;
    // Only what the sections need is kept per commit: a 100k-commit history in tens of MB.
    let mut history: Vec<Lite> = Vec::new();
    let mut failed = None;
    let mut filter = crate::history::packages::Filter::new(repo, config);
    let mut merge_reverts = crate::history::reverts::MergeReverts::default();
    let mut merge_undone = Vec::new();
    let mut merge_redone = Vec::new();
    repo.walk(
        &Range {
            tips: vec![head],
            ..Range::default()
        },
        |c| {
            let (entry, reverts) = if c.parents < 2 {
                let message = c.text();
                merge_reverts.note(c.id, &message);
                let entry = commit_entry_at(repo, c.id, &message, config, forge.as_ref());
                if entry.is_none() {
                    use crate::history::reverts::{merge_revert, reapplied_merge_revert};
                    match merge_revert(c.id, &message) {
                        Some(m) => merge_undone.push(crate::history::reverts::in_history(repo, m)),
                        None => merge_redone
                            .extend(reapplied_merge_revert(repo, &message).map(|m| (c.id, m))),
                    }
                }
                // In a monorepo, only this changelog's package's commits (or no package's).
                let counted = match entry {
                    Some(_) => filter.counts(c.id, &message),
                    None => Ok(false),
                };
                match counted {
                    Ok(counted) => (
                        entry.filter(|_| counted),
                        crate::history::changelog::entry::revert_key(
                            &crate::history::reverts::untruncated(repo, &message),
                        ),
                    ),
                    Err(e) => {
                        failed = Some(e);
                        return false;
                    }
                }
            } else {
                (None, crate::history::changelog::entry::RevertKey::default())
            };
            history.push(Lite {
                id: c.id,
                parent_ids: c.parent_ids,
                entries: entry.into_iter().collect(),
                reverts,
            });
            true
        },
    )?;
    if let Some(e) = failed {
        return Err(e);
    }
    let index: HashMap<Oid, usize> = history.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    // A release tagged under a former prefix is a release all the same: its own section.
    let all = with_former_prefixes(repo, config);
    // A maintenance line's releases HEAD does not reach keep the sections the file has.
    let got = (config, forge.as_ref(), &mut filter);
    let (apart, unreached) = maintenance::sections(repo, got, &layout, &all, (&history, &index))?;
    let mut tags: Vec<ReleaseTag> = all
        .into_iter()
        .filter(|t| index.contains_key(&t.commit))
        .collect();
    // By version; the pre-releases of one version in the order they were made (tag date, then
    // history's order): an `alpha` tagged on a branch made from a `beta` sorts first by
    // SemVer, but shipped after it (the beta's changes are the beta's, as `notes` tells them).
    let parents = |i: usize| history[i].parent_ids.as_slice();
    let rank = super::order::topological_ranks(history.len(), parents, &index, 0..history.len());
    let core = |v: &semver::Version| (v.major, v.minor, v.patch);
    tags.sort_by(|a, b| {
        // The pre-releases first, then the release itself.
        let ranked = |t: &ReleaseTag| (t.version.pre.is_empty(), t.when.0, rank[index[&t.commit]]);
        (core(&a.version), ranked(a))
            .cmp(&(core(&b.version), ranked(b)))
            .then_with(|| a.version.cmp_precedence(&b.version))
    });
    let owner = assign(&history, &index, &tags);
    // A release section written by hand and not tagged yet releases what its commit holds:
    // not Unreleased (as `--sync` reads it), else listed twice.
    let by_hand = super::by_hand::released_unless_tagged(repo, config, current, head)?;
    // A merge reverted in a later release than its own: the revert's `revert "…"` entry.
    for m in merge_undone {
        let (Some(&r), Some(&at)) = (index.get(&m.revert), index.get(&m.merge)) else {
            continue;
        };
        if owner[r] != owner[at] && filter.counts(m.revert, "")? {
            history[r].entries = crate::history::reverts::branch_revert_entry(repo, &m, config)?
                .into_iter()
                .collect();
        }
    }
    // That revert reapplied (`Reapply "Merge branch …"`) in a later release than the revert's
    // own: the branch's entries come back (within one release, the two reverts cancel out).
    for (id, m) in merge_redone {
        let (Some(&i), Some(&r)) = (index.get(&id), index.get(&m.revert)) else {
            continue;
        };
        if owner[i] != owner[r] && filter.counts(id, "")? {
            history[i].entries = crate::history::reverts::branch_entries(repo, &m, config)?;
        }
    }
    // A revert and the change it reverts, released together (or both unreleased), cancel out.
    let mut per_bucket: Vec<Vec<(Oid, crate::history::changelog::entry::RevertKey)>> =
        vec![Vec::new(); tags.len() + 1];
    for (c, o) in history.iter().zip(&owner) {
        per_bucket[o.unwrap_or(tags.len())].push((c.id, c.reverts.clone()));
    }
    for b in &mut per_bucket {
        crate::history::reverts::paired_keys(repo, config, b);
    }
    let mut cancelled: HashSet<Oid> = per_bucket
        .iter()
        .flat_map(|b| crate::history::changelog::entry::revert_pairs(b))
        .collect();
    let unreleased = |id: &&Oid| index.get(id).is_some_and(|&i| owner[i].is_none());
    cancelled.extend(by_hand.iter().filter(unreleased));
    // So does a merged branch reverted (`git revert -m 1`) within one release.
    if !merge_reverts.is_empty() {
        for b in &per_bucket {
            let ids: HashSet<Oid> = b.iter().map(|(id, _)| *id).collect();
            cancelled.extend(merge_reverts.cancelled(repo, config, &ids)?.into_keys());
        }
    }
    // A change whose pick (or original) the release before its own holds shipped there.
    let ancestry = ancestry::TagAncestry::new(&history, &index, &rank, &tags);
    let reaches = |d: Oid, a: Oid| ancestry.reaches(repo, d, a);
    // The releases the file accounts for without a section of their own (`accounted`).
    let accounted =
        current.map(|c| accounted::of(repo, &config.changelog.path, c, &tags, &reaches));
    let held = (history.as_slice(), &index, rank.as_slice());
    cancelled.extend(released_copies(
        repo, config, held, &owner, &tags, &reaches,
    )?);
    let mut buckets: Vec<Vec<(Oid, NewEntry)>> = vec![Vec::new(); tags.len() + 1];
    let mut seen: Vec<HashSet<String>> = vec![HashSet::new(); tags.len() + 1];
    // An older line's release merged forward: its commits are new to the later line too.
    let mut carried = super::forward::carried(repo, config, (head, &tags), &reaches)?;
    carried[tags.len()].retain(|id| !by_hand.contains(id));
    let again: HashSet<Oid> = carried.iter().flatten().copied().collect();
    let mut carried_entries: HashMap<Oid, Vec<NewEntry>> = HashMap::new();
    // Oldest first, a merged branch's commits after those of the first parent's line up to
    // the merge: the order post-commit and the merge driver leave entries in (not by date).
    let mut order: Vec<usize> = (0..history.len()).collect();
    order.sort_unstable_by_key(|&i| rank[i]);
    for i in order {
        let c = &mut history[i];
        let bucket = owner[i].unwrap_or(tags.len());
        if cancelled.contains(&c.id) {
            continue;
        }
        if again.contains(&c.id) {
            carried_entries.insert(c.id, c.entries.clone());
        }
        for e in std::mem::take(&mut c.entries) {
            if seen[bucket].insert(normalize(&e.text)) {
                buckets[bucket].push((c.id, e));
            }
        }
    }
    for (b, ids) in carried.iter_mut().enumerate() {
        ids.sort_by_key(|id| rank[index[id]]);
        for (id, e) in ids.iter().flat_map(|id| {
            let entries = carried_entries.get(id).into_iter().flatten();
            entries.map(move |e| (*id, e))
        }) {
            if seen[b].insert(normalize(&e.text)) {
                buckets[b].push((id, e.clone()));
            }
        }
    }
    // A stable release carries what its pre-releases shipped (as `release` folds them); the
    // first pre-release of a higher line, the lines it leaves (`changelog::carries`).
    let core = |v: &semver::Version| (v.major, v.minor, v.patch);
    for t in (0..tags.len()).rev() {
        let v = &tags[t].version;
        let stretch = (0..t)
            .rev()
            .take_while(|k| !tags[*k].version.pre.is_empty());
        let earlier: Vec<usize> = stretch.collect();
        if !v.pre.is_empty() && earlier.iter().any(|k| core(&tags[*k].version) == core(v)) {
            continue;
        }
        let mut group: Vec<usize> = earlier
            .into_iter()
            .rev()
            .filter(|k| crate::history::changelog::carries(v, &tags[*k].version))
            .collect();
        if group.is_empty() {
            continue;
        }
        group.push(t);
        let mut folded: Vec<(Oid, NewEntry)> = Vec::new();
        let mut keys: HashSet<String> = HashSet::new();
        // A change one pre-release shipped and a later one reverted never reached the stable
        // release: neither is in its section (as `relhook notes` builds it from history).
        let newest_first: Vec<(Oid, crate::history::changelog::entry::RevertKey)> = group
            .iter()
            .rev()
            .flat_map(|k| per_bucket[*k].iter().cloned())
            .collect();
        let gone = crate::history::changelog::entry::revert_pairs(&newest_first);
        for k in group {
            for (id, e) in &buckets[k] {
                if !gone.contains(id) && keys.insert(normalize(&e.text)) {
                    folded.push((*id, e.clone()));
                }
            }
        }
        buckets[t] = folded;
    }
    // Newest first, as Keep a Changelog lists them; the template already has Unreleased.
    // Each linked to its commit where the file's entries link theirs (`link_style`).
    let linked = |(id, e): (Oid, NewEntry)| layout.with_commit(id, e);
    let mut buckets: Vec<Vec<NewEntry>> = buckets
        .into_iter()
        .map(|b| b.into_iter().map(linked).collect())
        .collect();
    if config.package.is_some() || !config.packages.is_empty() {
        for (tag, entries) in tags.iter().zip(&mut buckets) {
            entries.extend(super::deps_entries::of_release(repo, config, tag));
        }
        // A root project's, which a package's release wrote in its Unreleased.
        if let Some(head) = repo.head() {
            let path = &config.changelog.path;
            buckets[tags.len()].extend(super::deps_entries::stored(repo, head, path, None));
        }
    }
    let unreleased = layout.entries(&buckets[tags.len()]);
    let mut sections = Vec::with_capacity(tags.len());
    for (i, entries) in buckets.into_iter().enumerate().take(tags.len()).rev() {
        let (tag, from) = (&tags[i], render::compared_from(&tags, i));
        let date = crate::date::ymd(tag.when.0, tag.when.1);
        sections.push(render::Section {
            heading: layout.heading(tag, from, &date),
            label: layout.label(tag),
            tag: tag.clone(),
            from: from.cloned(),
            entries,
            on_head: true,
        });
    }
    let sections = maintenance::place(sections, apart, &layout);
    let mut links = String::new();
    if let Some(f) = &forge {
        // A heading linked inline, or bare, refers to no definition: none is written for it.
        links = render::links(&f.base, &sections, &layout, prefix);
    }
    let releases = (sections.into_iter())
        .map(|s| kept::FreshRelease {
            version: s.tag.version.clone(),
            label: s.label,
            body: layout.release_body(&s.entries),
            heading: s.heading,
        })
        .collect();
    let fresh = kept::Fresh {
        unreleased,
        releases,
        links,
        marker: layout.marker(),
    };
    // The file's own pieces kept where history gives nothing better (`kept`).
    let r = current
        .and_then(|c| kept::compose(c, &fresh, &accounted.unwrap_or_default()))
        .unwrap_or_else(|| Rebuilt::of_history(fresh.written()));
    Ok(Rebuilt { unreached, ..r })
}

/// The commits of each release (and of Unreleased) whose change the release before it on its
/// line (the greatest its tag reaches) holds as a copy ([`crate::history::copies`]), as
/// `--sync` and the next version read them when that release was the last. `held`: the
/// history in memory (with its index and ranks), which the released commits compared are
/// found in.
fn released_copies(
    repo: &Repo,
    config: &Config,
    held: (&[Lite], &HashMap<Oid, usize>, &[usize]),
    owner: &[Option<usize>],
    tags: &[ReleaseTag],
    reaches: &dyn Fn(Oid, Oid) -> bool,
) -> Result<HashSet<Oid>> {
    let (history, index, rank) = held;
    let mut per_bucket: Vec<Vec<(Oid, Vec<Oid>)>> = vec![Vec::new(); tags.len() + 1];
    let mut with_entries = vec![false; tags.len() + 1];
    for (c, o) in history.iter().zip(owner) {
        let b = o.unwrap_or(tags.len());
        per_bucket[b].push((c.id, c.parent_ids.clone()));
        with_entries[b] |= !c.entries.is_empty();
    }
    let mut out = HashSet::new();
    for (k, commits) in per_bucket.iter().enumerate().skip(1) {
        if !with_entries[k] {
            continue;
        }
        // The release its line made before it: a maintenance line's lower one is another's.
        let before = match tags.get(k) {
            Some(t) => (0..k).rev().find(|j| reaches(t.commit, tags[*j].commit)),
            None => Some(k - 1),
        };
        let Some(j) = before else {
            continue;
        };
        let forks = crate::history::copies::forks(commits);
        let inside: HashSet<Oid> = commits.iter().map(|c| c.0).collect();
        let beyond = beyond::released_beyond(history, index, rank, tags[j].commit, &forks);
        let others = beyond.into_iter().map(|i| history[i].id).filter(|o| {
            // The commits compared are no copies of themselves (a tip inside the range).
            history[index[o]].parent_ids.len() < 2 && !inside.contains(o)
        });
        let others = others
            .map(|o| (o, repo.commit_text(o).unwrap_or_default()))
            .collect();
        let in_memory = |d: Oid, a: Oid| beyond::reaches(repo, held, d, a);
        out.extend(crate::history::copies::copies_of(
            repo, config, commits, others, &in_memory,
        )?);
    }
    Ok(out)
}

/// The release tags under `tag_prefix`, then those under each former prefix a configuration
/// committed before set (`release-1.0.1` or `1.0.1` before `tag_prefix` became `v`): the
/// project's releases, whatever prefix it tagged them under then. One per version, the first.
fn with_former_prefixes(repo: &Repo, config: &Config) -> Vec<ReleaseTag> {
    let mut tags = repo.release_tag_candidates(&config.version.tag_prefix);
    let core = |v: &semver::Version| semver::Version {
        build: semver::BuildMetadata::EMPTY,
        ..v.clone()
    };
    let mut seen: HashSet<semver::Version> = tags.iter().map(|t| core(&t.version)).collect();
    for prefix in crate::history::tags::configured_before(repo, config) {
        let former = repo.release_tag_candidates(&prefix).into_iter();
        tags.extend(former.filter(|t| seen.insert(core(&t.version))));
    }
    // Under a usual prefix (`1.0.1` before `v`), only a tag its own commit's configuration
    // names so: `0.1.1` beside `v0.1.0` is a slip of the prefix, no release.
    for prefix in crate::history::tags::other_usual_prefixes(config) {
        let former = repo.release_tag_candidates(prefix).into_iter().filter(|t| {
            crate::history::tags::stored_prefix(repo, t.commit).as_deref() == Some(*prefix)
        });
        tags.extend(former.filter(|t| seen.insert(core(&t.version))));
    }
    tags
}

/// A commit as `rebuild` keeps it.
struct Lite {
    id: Oid,
    parent_ids: Vec<Oid>,
    entries: Vec<NewEntry>,
    /// Its header, and what it reverts if it is a git revert.
    reverts: crate::history::changelog::entry::RevertKey,
}

/// For each commit of `history`, the first tag (in version order) that reaches it.
fn assign(
    history: &[Lite],
    index: &HashMap<Oid, usize>,
    tags: &[ReleaseTag],
) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; history.len()];
    let parents = |i: usize| {
        history[i]
            .parent_ids
            .iter()
            .filter_map(|p| index.get(p).copied())
    };
    for (t, tag) in tags.iter().enumerate() {
        let mut stack: Vec<usize> = index.get(&tag.commit).copied().into_iter().collect();
        while let Some(i) = stack.pop() {
            if owner[i].is_some() {
                continue;
            }
            owner[i] = Some(t);
            stack.extend(parents(i));
        }
    }
    owner
}

/// In a partial clone, the configuration committed at each commit of `head`'s history,
/// which the walk reads for each commit's packages: fetched in one go, where each commit's
/// tree would be a fetch of its own. Nothing in a full clone.
fn prefetch_configs(repo: &Repo, head: Oid) -> Result<()> {
    if !repo.is_partial_clone() {
        return Ok(());
    }
    let mut ids = Vec::new();
    let range = Range {
        tips: vec![head],
        ..Range::default()
    };
    repo.walk(&range, |c| {
        ids.push(c.id);
        true
    })?;
    let path = std::path::Path::new(crate::config::FILE_NAME);
    repo.prefetch_files(&ids, &[path], &|| {
        format!("{} at each commit of history", crate::config::FILE_NAME)
    });
    Ok(())
}
