//! The release sections a file has for tags HEAD does not reach: a maintenance line's (poetry's
//! 2.3.4, made on a 2.3 branch after 2.4.0 was started on main; 1.8.5 after 2.0). Each gets the
//! commits of `git log prev..tag`, where prev is the nearest older release its tag reaches (the
//! release its line was branched from, or its line's last), and is written where the file has
//! it. Only the line's own commits are read, once; the history the rebuild holds is not walked
//! again, and a file that lists no such release costs nothing.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use super::render::{Layout, Section};
use super::{Lite, commit_entry_at};
use crate::Result;
use crate::config::Config;
use crate::git::{ReleaseTag, Repo};
use crate::history::changelog::entry::{Forge, NewEntry, RevertKey, revert_key, revert_pairs};
use crate::history::changelog::{carries, normalize};
use crate::history::packages::Filter;

/// The sections, oldest version first, of the tags in `all` apart from HEAD's `history` whose
/// version the file (`layout`) has a section for; and the names of the others ([`unlisted`]).
pub(super) fn sections(
    repo: &Repo,
    (config, forge, filter): (&Config, Option<&Forge>, &mut Filter),
    layout: &Layout,
    all: &[ReleaseTag],
    (history, index): (&[Lite], &HashMap<Oid, usize>),
) -> Result<(Vec<Section>, Vec<String>)> {
    let unreached = unlisted(layout, all, index);
    let listed = layout.versions();
    let mut apart: Vec<&ReleaseTag> = all
        .iter()
        .filter(|t| !index.contains_key(&t.commit) && listed.contains(&t.version))
        .collect();
    if apart.is_empty() {
        return Ok((Vec::new(), unreached));
    }
    apart.sort_by(|a, b| a.version.cmp_precedence(&b.version));
    // The lines' own commits, read as the rebuild reads HEAD's, numbered after its history.
    let mut side: Vec<Lite> = Vec::new();
    let mut failed = None;
    let tips: Vec<Oid> = apart.iter().map(|t| t.commit).collect();
    repo.walk_apart(&tips, &|id| index.contains_key(&id), |c| {
        let mut lite = Lite {
            id: c.id,
            parent_ids: c.parent_ids.clone(),
            entries: Vec::new(),
            reverts: RevertKey::default(),
        };
        if c.parents < 2 && failed.is_none() {
            let message = c.text();
            let entry = commit_entry_at(repo, c.id, &message, config, forge);
            match entry.map(|e| filter.counts(c.id, &message).map(|n| (e, n))) {
                Some(Ok((e, true))) => lite.entries.push(e),
                Some(Err(e)) => failed = Some(e),
                _ => {}
            }
            lite.reverts = revert_key(&crate::history::reverts::untruncated(repo, &message));
        }
        side.push(lite);
    })?;
    if let Some(e) = failed {
        return Err(e);
    }
    let graph = Graph::new(history, index, &side);
    let mut out = Vec::with_capacity(apart.len());
    for tag in apart {
        let Some(tip) = graph.node(tag.commit) else {
            continue;
        };
        let reached = graph.ancestors(tip);
        // The nearest older release it reaches (a stable one carries its pre-releases).
        let from = all
            .iter()
            .filter(|p| p.version < tag.version && !carries(&tag.version, &p.version))
            .filter(|p| graph.node(p.commit).is_some_and(|n| reached[n]))
            .max_by(|a, b| a.version.cmp_precedence(&b.version));
        let below = match from.and_then(|p| graph.node(p.commit)) {
            Some(p) => graph.ancestors(p),
            None => vec![false; graph.len()],
        };
        let oldest_first = graph.oldest_first(tip, &below);
        let newest_first: Vec<(Oid, RevertKey)> = oldest_first
            .iter()
            .rev()
            .map(|&n| (graph.lite(n).id, graph.lite(n).reverts.clone()))
            .collect();
        // A change and its revert, both on the line, cancel out.
        let cancelled = revert_pairs(&newest_first);
        let mut seen: HashSet<String> = HashSet::new();
        let mut entries: Vec<NewEntry> = Vec::new();
        for n in oldest_first {
            let c = graph.lite(n);
            if cancelled.contains(&c.id) {
                continue;
            }
            let fresh = c.entries.iter().filter(|e| seen.insert(normalize(&e.text)));
            entries.extend(fresh.cloned());
        }
        if config.package.is_some() || !config.packages.is_empty() {
            entries.extend(super::super::deps_entries::of_release(repo, config, tag));
        }
        let date = crate::date::ymd(tag.when.0, tag.when.1);
        out.push(Section {
            heading: layout.heading(tag, from, &date),
            label: layout.label(tag),
            tag: tag.clone(),
            from: from.cloned(),
            entries,
            on_head: false,
        });
    }
    Ok((out, unreached))
}

/// `apart`'s sections put among HEAD's (`sections`, newest first) where the file has them:
/// each above the first release the file lists below it that HEAD's sections hold, in the
/// file's order (`layout`'s); at the end when the file lists none below it.
/// The names of the tags in `all` apart from HEAD's history (`index`) whose version the file
/// (`layout`) has no section for, newest first: another line's releases, which a rebuild
/// gives no section (it writes one only where the file has one).
fn unlisted(layout: &Layout, all: &[ReleaseTag], index: &HashMap<Oid, usize>) -> Vec<String> {
    let listed = layout.versions();
    let mut apart: Vec<&ReleaseTag> = (all.iter())
        .filter(|t| !index.contains_key(&t.commit) && !listed.contains(&t.version))
        .collect();
    apart.sort_by(|a, b| b.version.cmp_precedence(&a.version));
    apart.into_iter().map(|t| t.name.clone()).collect()
}

pub(super) fn place(sections: Vec<Section>, apart: Vec<Section>, layout: &Layout) -> Vec<Section> {
    if apart.is_empty() {
        return sections;
    }
    let listed = layout.versions();
    let at = |v: &semver::Version| listed.iter().position(|l| l == v);
    // Above which of HEAD's sections each goes (`sections.len()`: below them all).
    let mut placed: Vec<(usize, usize, Section)> = apart
        .into_iter()
        .map(|s| {
            let here = at(&s.tag.version).unwrap_or(listed.len());
            let mut below = listed.iter().skip(here + 1);
            let above = below
                .find_map(|v| sections.iter().position(|h| &h.tag.version == v))
                .unwrap_or(sections.len());
            (above, here, s)
        })
        .collect();
    placed.sort_by_key(|(above, here, _)| (*above, *here));
    let mut placed = placed.into_iter().peekable();
    let mut out = Vec::new();
    for (k, s) in sections.into_iter().enumerate() {
        while let Some((_, _, a)) = placed.next_if(|(above, _, _)| *above == k) {
            out.push(a);
        }
        out.push(s);
    }
    out.extend(placed.map(|(_, _, a)| a));
    out
}

/// HEAD's history and the lines apart from it as one graph: node `i` is `history[i]`, node
/// `history.len() + j` is `side[j]`; each node's parents as nodes, found once, so that a
/// question per release is a walk in memory that looks nothing up.
struct Graph<'a> {
    history: &'a [Lite],
    index: &'a HashMap<Oid, usize>,
    side: &'a [Lite],
    side_index: HashMap<Oid, usize>,
    parents: Vec<Vec<usize>>,
}

impl<'a> Graph<'a> {
    fn new(history: &'a [Lite], index: &'a HashMap<Oid, usize>, side: &'a [Lite]) -> Self {
        let side_index = side.iter().enumerate();
        let side_index = side_index.map(|(j, c)| (c.id, history.len() + j)).collect();
        let mut g = Graph {
            history,
            index,
            side,
            side_index,
            parents: Vec::new(),
        };
        let all = history.iter().chain(side);
        let parents = all.map(|c| c.parent_ids.iter().filter_map(|p| g.node(*p)).collect());
        g.parents = parents.collect();
        g
    }

    fn len(&self) -> usize {
        self.parents.len()
    }

    fn node(&self, id: Oid) -> Option<usize> {
        self.index
            .get(&id)
            .or_else(|| self.side_index.get(&id))
            .copied()
    }

    fn lite(&self, n: usize) -> &Lite {
        match n.checked_sub(self.history.len()) {
            Some(j) => &self.side[j],
            None => &self.history[n],
        }
    }

    /// The nodes `n` is or reaches, as flags by node.
    fn ancestors(&self, n: usize) -> Vec<bool> {
        let mut reached = vec![false; self.len()];
        let mut stack = vec![n];
        while let Some(i) = stack.pop() {
            if !std::mem::replace(&mut reached[i], true) {
                stack.extend(&self.parents[i]);
            }
        }
        reached
    }

    /// The nodes `tip` reaches that `below` does not flag, each after its parents, a merged
    /// branch's after its first parent's line up to the merge (as the rebuild orders HEAD's).
    fn oldest_first(&self, tip: usize, below: &[bool]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut state = vec![0u8; self.len()];
        let mut stack = vec![tip];
        while let Some(&i) = stack.last() {
            match state[i] {
                _ if below[i] => {
                    stack.pop();
                }
                0 => {
                    state[i] = 1;
                    let parents = self.parents[i].iter().copied();
                    let open: Vec<usize> = parents.filter(|p| state[*p] == 0).collect();
                    // Last pushed, first done.
                    stack.extend(open.into_iter().rev());
                }
                1 => {
                    state[i] = 2;
                    out.push(i);
                    stack.pop();
                }
                _ => {
                    stack.pop();
                }
            }
        }
        out
    }
}
