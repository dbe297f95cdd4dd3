//! History's order of entries within a section, which `--rebuild` writes and `--sync` keeps
//! when it adds entries among those post-commit wrote: oldest first, a merged branch's
//! commits after those of the first parent's line up to the merge (not by date).

use std::collections::HashMap;

use git2::Oid;

use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize};

/// Each commit's place in an order where every commit comes after its parents (by index,
/// `parents(i)` the parents of commit `i`, those outside `index` not followed): an iterative
/// depth-first walk from each of `starts` in turn (the newest first, as a walk meets them),
/// numbered as each commit's parents are done, the first parent's first.
pub(super) fn topological_ranks<'a>(
    n: usize,
    parents: impl Fn(usize) -> &'a [Oid],
    index: &HashMap<Oid, usize>,
    starts: impl Iterator<Item = usize>,
) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let mut rank = vec![UNSEEN; n];
    let mut next = 0;
    let mut opened = vec![false; n];
    for start in starts {
        let mut stack = vec![start];
        while let Some(&i) = stack.last() {
            if rank[i] != UNSEEN {
                stack.pop();
                continue;
            }
            if !opened[i] {
                opened[i] = true;
                let ps = parents(i).iter().filter_map(|p| index.get(p));
                // Last pushed, first done.
                let unseen: Vec<usize> = ps.copied().filter(|p| rank[*p] == UNSEEN).collect();
                stack.extend(unseen.into_iter().rev());
                continue;
            }
            rank[i] = next;
            next += 1;
            stack.pop();
        }
    }
    rank
}

/// Adds `added`, the entries of some of `commits` (oldest first, as `--sync` walks them), to
/// `log` in history's order among the entries post-commit wrote (`others`: the entries of
/// every commit of the range, which tell an entry's commit by its text), as `--rebuild` has
/// them.
pub(super) fn add_in_order(
    log: &mut Changelog,
    commits: &[super::Seen],
    added: &[(String, NewEntry)],
    others: &[(Oid, NewEntry)],
) {
    let rank = ranks_of(commits);
    let ranked: Vec<_> = (added.iter())
        .map(|(id, e)| {
            let r = Oid::from_str(id).ok().and_then(|o| rank.get(&o).copied());
            (id.clone(), e.clone(), r.unwrap_or(usize::MAX))
        })
        .collect();
    let place: HashMap<String, usize> = (others.iter())
        .filter_map(|(id, e)| Some((normalize(&e.text), *rank.get(id)?)))
        .collect();
    log.add_commit_entries_in_order(&ranked, &|text| place.get(text).copied());
}

/// The place of each of `commits` (oldest first, as `--sync` walks them) in that order.
fn ranks_of(commits: &[super::Seen]) -> HashMap<Oid, usize> {
    let index: HashMap<Oid, usize> = commits.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let parents = |i: usize| commits[i].parents.as_slice();
    // The newest first, as `--rebuild`'s walk meets them.
    let rank = topological_ranks(commits.len(), parents, &index, (0..commits.len()).rev());
    commits.iter().map(|c| c.id).zip(rank).collect()
}
