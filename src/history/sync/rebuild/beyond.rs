//! The released commits a release's commits are compared with for copies
//! ([`crate::history::copies`]): those the release before it reaches and one of the points
//! where its commits left that history (its forks) does not. Found from the history the
//! rebuild holds in memory, in one pass for all the forks, where a walk per fork read the
//! same history again for each (vuejs/core: 273 releases, up to 7 forks each).

use std::collections::hash_map::Entry;
use std::collections::{BinaryHeap, HashMap, HashSet};

use git2::Oid;

use super::Lite;
use crate::git::Repo;

/// What a commit met is reached from: the release (`released`) and which forks (`forks`,
/// one bit each).
#[derive(Clone, Default)]
struct From {
    released: bool,
    forks: Vec<u64>,
}

impl From {
    /// Reached from the release and not from every fork: a commit still to report, whose
    /// ancestors may be too.
    fn open(&self, all: &[u64]) -> bool {
        self.released && self.forks != all
    }
}

/// The commits of `history` (`rank`: each one's place after its parents) that `released`
/// reaches and at least one of `forks` does not, newest first (children before parents): as
/// `git log released ^fork` for each fork, together, exactly (no date is read, so a clock
/// that ran ahead changes nothing). Commits outside `history` are never met: `released` and
/// the forks are in it, and so are their ancestors.
pub(super) fn released_beyond(
    history: &[Lite],
    index: &HashMap<Oid, usize>,
    rank: &[usize],
    released: Oid,
    forks: &[Oid],
) -> Vec<usize> {
    let words = forks.len().div_ceil(64);
    let bit = |b: usize| {
        let mut from = From {
            released: false,
            forks: vec![0; words],
        };
        from.forks[b / 64] |= 1 << (b % 64);
        from
    };
    let mut all = vec![0u64; words];
    for b in 0..forks.len() {
        all[b / 64] |= bit(b).forks[b / 64];
    }
    let mut queue = Queue {
        rank,
        all,
        met: HashMap::new(),
        heap: BinaryHeap::new(),
        open: 0,
    };
    if let Some(&i) = index.get(&released) {
        let from = From {
            released: true,
            forks: vec![0; words],
        };
        queue.add(i, &from);
    }
    for (b, fork) in forks.iter().enumerate() {
        if let Some(&i) = index.get(fork) {
            queue.add(i, &bit(b));
        }
    }
    let mut out = Vec::new();
    // Once no commit queued is open, none of their ancestors can be.
    while queue.open > 0 {
        let Some((_, i)) = queue.heap.pop() else {
            break;
        };
        let from = queue.met[&i].clone();
        if from.open(&queue.all) {
            queue.open -= 1;
            out.push(i);
        }
        for p in history[i].parent_ids.iter().filter_map(|p| index.get(p)) {
            queue.add(*p, &from);
        }
    }
    out
}

/// Whether `descendant` is `ancestor` or reaches it, by the history in memory when it holds
/// both (exactly: only commits ranked above `ancestor` can lead to it), else by git.
pub(super) fn reaches(
    repo: &Repo,
    (history, index, rank): (&[Lite], &HashMap<Oid, usize>, &[usize]),
    descendant: Oid,
    ancestor: Oid,
) -> bool {
    let (Some(&d), Some(&a)) = (index.get(&descendant), index.get(&ancestor)) else {
        return repo.reaches(descendant, ancestor);
    };
    let mut seen = HashSet::new();
    let mut stack = vec![d];
    while let Some(i) = stack.pop() {
        if i == a {
            return true;
        }
        for p in history[i].parent_ids.iter().filter_map(|p| index.get(p)) {
            if rank[*p] >= rank[a] && seen.insert(*p) {
                stack.push(*p);
            }
        }
    }
    false
}

/// The commits met, queued by rank, highest first: a commit leaves the queue after every
/// descendant met, so what it is reached from is all known by then.
struct Queue<'a> {
    rank: &'a [usize],
    /// Every fork's bit.
    all: Vec<u64>,
    met: HashMap<usize, From>,
    heap: BinaryHeap<(usize, usize)>,
    /// How many commits queued are open.
    open: usize,
}

impl Queue<'_> {
    /// Commit `i` (by index in the history) reached from `from` as well.
    fn add(&mut self, i: usize, from: &From) {
        match self.met.entry(i) {
            Entry::Vacant(v) => {
                self.open += usize::from(from.open(&self.all));
                v.insert(from.clone());
                self.heap.push((self.rank[i], i));
            }
            Entry::Occupied(mut o) => {
                let was = o.get().open(&self.all);
                let f = o.get_mut();
                f.released |= from.released;
                for (w, bits) in f.forks.iter_mut().zip(&from.forks) {
                    *w |= bits;
                }
                match (was, f.open(&self.all)) {
                    (false, true) => self.open += 1,
                    (true, false) => self.open -= 1,
                    _ => {}
                }
            }
        }
    }
}
