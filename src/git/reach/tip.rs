//! One commit's walk down its history, newest first, kept between questions: the commits it
//! reached, and those reached but not yet expanded (its queue).

use std::collections::BinaryHeap;

use super::{Graph, ReadFn};
use crate::Result;

/// How far below an ancestor's commit date a dated walk keeps looking, for clocks that were
/// off; below that, the walks of both commits decide.
const SKEW: i64 = 86_400;

/// How many steps [`Tip::walk_with`] takes in its own history whatever their dates, enough for
/// a branch forked from the root commit (its first commits) to run out of history.
const OWN_FIRST: usize = 3;

/// A set of commits (or of colours, see `painted`), by index.
#[derive(Default, Clone, PartialEq, Eq)]
pub(super) struct Bits(Vec<u64>);

impl Bits {
    pub(super) fn has(&self, n: u32) -> bool {
        let (word, bit) = (n as usize / 64, n % 64);
        self.0.get(word).is_some_and(|w| w & (1 << bit) != 0)
    }

    /// Adds `n`; whether it was new.
    pub(super) fn add(&mut self, n: u32) -> bool {
        let (word, bit) = (n as usize / 64, n % 64);
        if self.0.len() <= word {
            self.0.resize(word + 1, 0);
        }
        let new = self.0[word] & (1 << bit) == 0;
        self.0[word] |= 1 << bit;
        new
    }

    /// Takes `n` out.
    pub(super) fn remove(&mut self, n: u32) {
        let (word, bit) = (n as usize / 64, n % 64);
        if let Some(w) = self.0.get_mut(word) {
            *w &= !(1 << bit);
        }
    }

    /// The members of `self` that `other` lacks.
    pub(super) fn minus(&self, other: &Bits) -> Bits {
        let taken = |i: usize| other.0.get(i).copied().unwrap_or(0);
        Bits(
            self.0
                .iter()
                .enumerate()
                .map(|(i, w)| w & !taken(i))
                .collect(),
        )
    }

    /// The members of `self` that `other` has too.
    pub(super) fn and(&self, other: &Bits) -> Bits {
        Bits(self.0.iter().zip(&other.0).map(|(a, b)| a & b).collect())
    }

    /// Whether nothing is in.
    pub(super) fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    /// Adds every member of `other`: whether any was new.
    pub(super) fn add_from(&mut self, other: &Bits) -> bool {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut grew = false;
        for (mine, w) in self.0.iter_mut().zip(&other.0) {
            grew |= w & !*mine != 0;
            *mine |= w;
        }
        grew
    }
}

/// A commit's walk.
pub(super) struct Tip {
    /// The commit.
    pub(super) node: u32,
    reached: Bits,
    expanded: Bits,
    queue: BinaryHeap<(i64, u32)>,
}

/// What a walk answered (`None`: not settled), and the steps it took over commits another
/// walk had already expanded (what a "no" wasted).
pub(super) type Walked = (Option<bool>, usize);

impl Tip {
    /// The walk of `node` (dated `time`), nothing expanded yet.
    pub(super) fn new(node: u32, time: i64) -> Tip {
        let mut tip = Tip {
            node,
            reached: Bits::default(),
            expanded: Bits::default(),
            queue: BinaryHeap::new(),
        };
        tip.reached.add(node);
        tip.queue.push((time, node));
        tip
    }

    /// The walk of several commits together (`(node, time)`), nothing expanded yet: what it
    /// reaches is what any of them reaches. Its `node` is none of the graph's.
    pub(super) fn from_all(nodes: &[(u32, i64)]) -> Tip {
        let mut tip = Tip {
            node: u32::MAX,
            reached: Bits::default(),
            expanded: Bits::default(),
            queue: BinaryHeap::new(),
        };
        for &(node, time) in nodes {
            if tip.reached.add(node) {
                tip.queue.push((time, node));
            }
        }
        tip
    }

    fn queued(&self, n: u32) -> bool {
        self.reached.has(n) && !self.expanded.has(n)
    }

    fn next_time(&self) -> Option<i64> {
        self.queue.peek().map(|q| q.0)
    }

    /// Expands the newest queued commit: its parents not reached before are queued, and
    /// returned. `Ok(None)` when nothing is queued; `true` beside the parents when another
    /// walk had expanded that commit already.
    fn expand(&mut self, g: &mut Graph, read: &mut ReadFn<'_>) -> Result<Option<(Vec<u32>, bool)>> {
        let Some((_, n)) = self.queue.pop() else {
            return Ok(None);
        };
        super::super::walk::step();
        self.expanded.add(n);
        let again = std::mem::replace(&mut g.nodes[n as usize].walked, true);
        let mut new = Vec::new();
        for i in 0..g.nodes[n as usize].parents.len() {
            let p = g.nodes[n as usize].parents[i];
            if self.reached.add(p) {
                g.load(read, p)?;
                self.queue.push((g.nodes[p as usize].time, p));
                new.push(p);
            }
        }
        Ok(Some((new, again)))
    }

    /// Expands the newest queued commit, if any: `None` when none was, else whether another
    /// walk had expanded it already.
    pub(super) fn step(&mut self, g: &mut Graph, read: &mut ReadFn<'_>) -> Result<Option<bool>> {
        Ok(self.expand(g, read)?.map(|(_, again)| again))
    }

    /// Whether nothing is left to expand: then what the walk has not met, its commit cannot
    /// reach.
    pub(super) fn exhausted(&self) -> bool {
        self.queue.is_empty()
    }

    /// Whether the walk has met `n` (its own commit included).
    pub(super) fn has_reached(&self, n: u32) -> bool {
        self.reached.has(n)
    }

    /// Walks on, newest first, until every one of `wanted` is reached or nothing is left
    /// queued: then what it has not reached, its commit cannot reach.
    pub(super) fn walk_until_all(
        &mut self,
        g: &mut Graph,
        read: &mut ReadFn<'_>,
        wanted: &[u32],
    ) -> Result<()> {
        let mut missing: std::collections::HashSet<u32> = wanted
            .iter()
            .copied()
            .filter(|n| !self.reached.has(*n))
            .collect();
        while !missing.is_empty() {
            let Some((new, _)) = self.expand(g, read)? else {
                break;
            };
            for p in new {
                missing.remove(&p);
            }
        }
        Ok(())
    }

    /// Walks on down to `a`'s date less [`SKEW`]: `Some(true)` once it reaches `a`,
    /// `Some(false)` when it runs out of history, `None` at the floor.
    pub(super) fn walk_dated(
        &mut self,
        g: &mut Graph,
        read: &mut ReadFn<'_>,
        a: u32,
    ) -> Result<Walked> {
        let mut unbounded = usize::MAX;
        self.walk_dated_within(g, read, a, &mut unbounded)
    }

    /// [`Tip::walk_dated`], expanding at most `allowance` commits (taken off it): `None` too
    /// once it is spent.
    pub(super) fn walk_dated_within(
        &mut self,
        g: &mut Graph,
        read: &mut ReadFn<'_>,
        a: u32,
        allowance: &mut usize,
    ) -> Result<Walked> {
        let floor = g.nodes[a as usize].time.saturating_sub(SKEW);
        let mut spent = 0;
        while !self.reached.has(a) && self.next_time().is_some_and(|t| t >= floor) {
            if *allowance == 0 {
                return Ok((None, spent));
            }
            *allowance -= 1;
            if let Some((_, again)) = self.expand(g, read)? {
                spent += usize::from(again);
            }
        }
        let answer = if self.reached.has(a) {
            Some(true)
        } else {
            self.queue.is_empty().then_some(false)
        };
        Ok((answer, spent))
    }

    /// Walks on together with `at`, the walk of `a`, newest first, until this one reaches
    /// `a` (`Some(true)`) or every commit it has queued is one `at` reached (`Some(false)`):
    /// an ancestor of `a` cannot lead to `a`. `None` once `budget` steps over commits walked
    /// before were spent without an answer. Its first [`OWN_FIRST`] steps are at least one in
    /// three, old commits or not: a short history (a branch forked from the root commit) runs
    /// out, a "no", before `at` walks down to where it ends. Past those, newest first again: a
    /// long history kept walking would step through all of main's on each tag asked about.
    pub(super) fn walk_with(
        &mut self,
        at: &mut Tip,
        g: &mut Graph,
        read: &mut ReadFn<'_>,
        budget: usize,
    ) -> Result<Walked> {
        let a = at.node;
        let mut left = self
            .queue
            .iter()
            .filter(|(_, n)| !at.reached.has(*n))
            .count();
        let (mut spent, mut own, mut theirs) = (0, 0usize, 0usize);
        loop {
            if self.reached.has(a) {
                return Ok((Some(true), spent));
            }
            if left == 0 {
                return Ok((Some(false), spent));
            }
            if spent > budget {
                return Ok((None, spent));
            }
            let mine = self.next_time();
            let theirs_next = at.next_time().is_some() && at.next_time() >= mine;
            let expanded = if theirs_next && (own >= OWN_FIRST || theirs <= 2 * own) {
                theirs += 1;
                let expanded = at.expand(g, read)?;
                for p in expanded.iter().flat_map(|(new, _)| new) {
                    left -= usize::from(self.queued(*p));
                }
                expanded
            } else {
                own += 1;
                if let Some(&(_, n)) = self.queue.peek() {
                    left -= usize::from(!at.reached.has(n));
                }
                let expanded = self.expand(g, read)?;
                for p in expanded.iter().flat_map(|(new, _)| new) {
                    left += usize::from(!at.reached.has(*p));
                }
                expanded
            };
            match expanded {
                Some((_, again)) => spent += usize::from(again),
                None => return Ok((Some(false), spent)),
            }
        }
    }

    /// Walks on while one of its queued commits has a generation above `a`'s (no other can
    /// reach `a`): whether it reaches `a`. Each commit met gets its generation when it has
    /// none yet, git's commit-graph file having given its level to the commits asked only.
    pub(super) fn walk_above(
        &mut self,
        g: &mut Graph,
        read: &mut ReadFn<'_>,
        a: u32,
    ) -> Result<bool> {
        let above = g.generation_of(read, a)?;
        let queued: Vec<u32> = self.queue.iter().map(|(_, n)| *n).collect();
        let mut left = 0;
        for n in queued {
            left += usize::from(g.generation_of(read, n)? > above);
        }
        while !self.reached.has(a) && left > 0 {
            if let Some(&(_, n)) = self.queue.peek() {
                left -= usize::from(g.nodes[n as usize].generation > above);
            }
            let Some((new, _)) = self.expand(g, read)? else {
                break;
            };
            for p in new {
                left += usize::from(g.generation_of(read, p)? > above);
            }
        }
        Ok(self.reached.has(a))
    }
}
