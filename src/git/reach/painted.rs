//! The greatest of a prefix's release tags a commit holds, asked of a commit whose history
//! lacks the greatest ones (a branch forked from an old release; `main` beside a pre-release
//! line it never merged). Asked tag by tag, each tag the commit lacks cost a walk down to
//! where the lines part, the same commits walked again for every tag (vuejs/core, a branch
//! forked from v3.0.0: about 20,000 commits for one pre-push). Here one walk answers all the
//! tags, exactly, whatever the clocks say:
//!
//! - the tags' commits and the commits asked about are walked together, newest first, each
//!   commit painted with the set of those that reach it (a colour each); the walk is kept
//!   across the questions of the run, so its commits are walked once for all of them;
//! - "yes" is the tag's commit painted with the asked commit's colour. "No" is every commit
//!   still to be passed on that carries the asked commit's colour also carrying the tag's:
//!   any path from the asked commit to the tag runs through one of them, and an ancestor of
//!   the tag cannot lead back to it. A commit that gains colours after it was passed on
//!   (clocks off) is passed on again, so nothing rests on dates;
//! - beside it, the asked commit's own walk goes on, a step for each step the painting takes
//!   outside that commit's history: run out without meeting the tag, it says "no" too. A
//!   branch forked from an old release in a long history is settled by that one, which costs
//!   the short history below the fork, where the painting would cost all the history above
//!   it. It races at every step only while the commit's history lags behind the painting (a
//!   fork); keeping pace (a main line beside a pre-release line it never merged, vuejs/core's
//!   `minor`), the painting settles the question as soon, and the walk steps one time in four.
//!   A tag's commit asked about (each pushed tag) has no such walk: the painting, shared,
//!   answers for all of them, where a walk each would walk the history again and again;
//! - with git's commit-graph file, generation numbers answer instead, the painting unneeded:
//!   a tag whose generation is not below the commit's is not held, and the commit's walk goes
//!   down to the generation of the next tag asked only;
//! - a tag newer than the asked commit is not looked for by a walk down to its date first
//!   (held only where clocks were off, it would cost a day of history each).

use std::collections::{BinaryHeap, HashMap};

use git2::Oid;

use super::tip::{Bits, Tip};
use super::{Graph, Reach, ReadFn};
use crate::Result;

/// How many sets of tags keep their painting (a run asks of one prefix, seldom more).
const PAINTINGS_KEPT: usize = 4;

/// How far the asked commit's own history may lag behind the painting before its walk races
/// at every step: a fork from an old release lags years behind, a main line beside a
/// pre-release line (vuejs/core's `minor`) keeps pace but for a quiet week.
const LAGGING: i64 = 7 * 86_400;

/// Keeping pace, the asked commit's walk still takes one step for every this many the
/// painting takes outside its history: a short history never dated far behind (an orphan
/// branch committed to beside main) runs out at a few times its length.
const RACE_EVERY: usize = 4;

/// How many commits git's commit-graph file may lack for generation numbers to settle the
/// question instead of the painting (those made since it was written, mostly).
const FILE_GAP: usize = 1_024;

/// The joint walk of some commits (the sources), each commit painted with the sources that
/// reach it.
pub(super) struct Painted {
    /// The tags' commits it was made for, sorted: the key it is kept under.
    key: Vec<u32>,
    /// Each source's colour.
    colour: HashMap<u32, u32>,
    /// By commit: the colours it has, and those it has passed on to its parents.
    has: Vec<Bits>,
    passed: Vec<Bits>,
    /// Commits with colours not yet passed on, newest first; each once.
    queue: BinaryHeap<(i64, u32)>,
    queued: Bits,
    /// The colours a question needs passed on: the asked commit's and its tags'. A tag the
    /// question leaves out is not painted on for it.
    active: Bits,
    /// Commits whose colours not passed on are none of the active ones, until a question
    /// needs them.
    parked: Vec<u32>,
}

impl Painted {
    fn new(key: Vec<u32>) -> Painted {
        Painted {
            key,
            colour: HashMap::new(),
            has: Vec::new(),
            passed: Vec::new(),
            queue: BinaryHeap::new(),
            queued: Bits::default(),
            active: Bits::default(),
            parked: Vec::new(),
        }
    }

    /// Makes `colours` the ones passed on, for a new question: the parked commits are
    /// queued again.
    fn activate(&mut self, g: &Graph, colours: Bits) {
        self.active = colours;
        for n in std::mem::take(&mut self.parked) {
            self.enqueue(g, n);
        }
    }

    fn grow(&mut self, n: u32) {
        let need = n as usize + 1;
        if self.has.len() < need {
            self.has.resize(need, Bits::default());
            self.passed.resize(need, Bits::default());
        }
    }

    /// Makes read commit `n` a source: its colour (a new one when it was none).
    fn source(&mut self, g: &Graph, n: u32) -> u32 {
        let next = u32::try_from(self.colour.len()).unwrap_or(u32::MAX);
        let c = *self.colour.entry(n).or_insert(next);
        self.grow(n);
        if self.has[n as usize].add(c) {
            self.enqueue(g, n);
        }
        c
    }

    fn enqueue(&mut self, g: &Graph, n: u32) {
        if self.queued.add(n) {
            self.queue.push((g.nodes[n as usize].time, n));
        }
    }

    /// Passes the active colours the newest queued commit has not passed on yet on to its
    /// parents: `None` when none is left, else whether that commit has colour `d`, and its
    /// date.
    fn step(
        &mut self,
        g: &mut Graph,
        read: &mut ReadFn<'_>,
        d: u32,
    ) -> Result<Option<(bool, i64)>> {
        let (n, new) = loop {
            let Some((_, n)) = self.queue.pop() else {
                return Ok(None);
            };
            self.queued.remove(n);
            let pending = self.has[n as usize].minus(&self.passed[n as usize]);
            let new = pending.and(&self.active);
            if new.is_empty() {
                self.parked.push(n);
                continue;
            }
            if new != pending {
                self.parked.push(n);
            }
            break (n, new);
        };
        let i = n as usize;
        super::super::walk::step();
        g.load(read, n)?;
        self.passed[i].add_from(&new);
        for k in 0..g.nodes[i].parents.len() {
            let p = g.nodes[i].parents[k];
            g.load(read, p)?;
            self.grow(p);
            if self.has[p as usize].add_from(&new) {
                // Passed on before (clocks off): passed on again, with what it gained.
                self.enqueue(g, p);
            }
        }
        Ok(Some((self.has[i].has(d), g.nodes[i].time)))
    }

    /// Whether colour `d` lags behind the painting at `at` (a date): every commit that has it
    /// to pass on is dated more than [`LAGGING`] before.
    fn lags(&self, g: &Graph, d: u32, at: i64) -> bool {
        let pending = |n: u32| self.has[n as usize].has(d) && !self.passed[n as usize].has(d);
        self.queue
            .iter()
            .filter(|(_, n)| pending(*n))
            .all(|(_, n)| g.nodes[*n as usize].time < at.saturating_sub(LAGGING))
    }

    /// Whether the source of colour `d` reaches commit `a`, itself a source: `None` while
    /// the painting cannot tell yet.
    fn settles(&self, d: u32, a: u32) -> Option<bool> {
        let painted = |n: u32, c: u32| self.has.get(n as usize).is_some_and(|b| b.has(c));
        if painted(a, d) {
            return Some(true);
        }
        let ac = *self.colour.get(&a)?;
        let pending = |n: u32| painted(n, d) && !self.passed[n as usize].has(d);
        self.queue
            .iter()
            .all(|(_, q)| !pending(*q) || painted(*q, ac))
            .then_some(false)
    }
}

impl Reach {
    /// The first of `candidates` (commits, in the order asked) that `descendant` is or
    /// reaches, exactly; `tags` are the commits of every tag the candidates are drawn from
    /// (the painting is kept for them, whatever tag a question leaves out).
    pub(super) fn first_held(
        &mut self,
        read: &mut ReadFn<'_>,
        descendant: Oid,
        candidates: &[Oid],
        tags: &[Oid],
    ) -> Result<Option<usize>> {
        let d = self.graph.node(descendant);
        self.graph.load(read, d)?;
        let asked: Vec<u32> = candidates.iter().map(|c| self.graph.node(*c)).collect();
        // Cheap answers first: one known, or a "yes" by a short walk down to the first
        // unsettled candidate's date (HEAD on the line of its greatest tag).
        let mut from = asked.len();
        for (i, a) in asked.iter().enumerate() {
            self.graph.load(read, *a)?;
            match self.known(d, *a) {
                Some(true) => return Ok(Some(i)),
                Some(false) => continue,
                None => {}
            }
            from = i;
            // Newer than the asked commit, it is held only where clocks were off: a walk down
            // to a day before it would walk that day of history for nothing.
            if self.graph.nodes[*a as usize].time > self.graph.nodes[d as usize].time {
                break;
            }
            let mut dt = self.take(read, d)?;
            // A walk a read error interrupted is dropped, never kept.
            let (dated, again) = dt.walk_dated(&mut self.graph, read, *a)?;
            self.wasted += again;
            self.keep(dt);
            if dated == Some(true) {
                self.answers.insert((d, *a), true);
                return Ok(Some(i));
            }
            break;
        }
        if from == asked.len() {
            return Ok(None);
        }
        if let Some(found) = self.first_by_generations(read, d, &asked[from..])? {
            return Ok(found.map(|i| from + i));
        }
        let mut key: Vec<u32> = tags.iter().map(|t| self.graph.node(*t)).collect();
        key.sort_unstable();
        key.dedup();
        // A tag's commit asked about (each pushed tag, in turn) is painted from the start,
        // and its own walk would be walked again for each: the painting alone answers.
        let walks = key.binary_search(&d).is_err();
        let mut painted = self.take_painted(read, key)?;
        let dc = painted.source(&self.graph, d);
        let mut dt = self.take(read, d)?;
        let found = self.first_painted(read, &mut painted, &mut dt, (dc, walks), &asked[from..])?;
        self.keep(dt);
        self.keep_painted(painted);
        Ok(found.map(|i| from + i))
    }

    /// [`Reach::first_held`] of `asked` by generation numbers, where git's commit-graph file
    /// gives them for `d` and every one asked (a few commits it lacks computed): one whose
    /// generation is not below `d`'s is not held, and `d`'s walk goes on only while it has
    /// commits above the next one's. `None` when the file does not give them.
    fn first_by_generations(
        &mut self,
        read: &mut ReadFn<'_>,
        d: u32,
        asked: &[u32],
    ) -> Result<Option<Option<usize>>> {
        if !self.graph.generation_within(read, d, FILE_GAP)? {
            return Ok(None);
        }
        for a in asked {
            if !self.graph.generation_within(read, *a, FILE_GAP)? {
                return Ok(None);
            }
        }
        let mut dt = self.take(read, d)?;
        let mut found = None;
        for (i, a) in asked.iter().enumerate() {
            let answer = match self.known(d, *a) {
                Some(known) => known,
                None => dt.walk_above(&mut self.graph, read, *a)?,
            };
            self.answers.insert((d, *a), answer);
            if answer {
                found = Some(i);
                break;
            }
        }
        self.keep(dt);
        Ok(Some(found))
    }

    /// A known answer for `d` and `a`: the same commit, asked before, or told by
    /// generation numbers.
    fn known(&self, d: u32, a: u32) -> Option<bool> {
        if d == a {
            return Some(true);
        }
        if let Some(known) = self.answers.get(&(d, a)) {
            return Some(*known);
        }
        self.graph.generations_say_no(d, a).then_some(false)
    }

    /// [`Reach::first_held`] of `asked`, by the painting and `d`'s own walk (`dt`).
    fn first_painted(
        &mut self,
        read: &mut ReadFn<'_>,
        painted: &mut Painted,
        dt: &mut Tip,
        (dc, walks): (u32, bool),
        asked: &[u32],
    ) -> Result<Option<usize>> {
        let d = dt.node;
        let mut active = Bits::default();
        active.add(dc);
        for c in asked.iter().filter_map(|a| painted.colour.get(a)) {
            active.add(*c);
        }
        painted.activate(&self.graph, active);
        let mut outside_steps = 0usize;
        for (i, a) in asked.iter().enumerate() {
            let answer = loop {
                if let Some(known) = self.known(d, *a) {
                    break known;
                }
                if dt.has_reached(*a) {
                    break true;
                }
                if dt.exhausted() {
                    break false;
                }
                if let Some(told) = painted.settles(dc, *a) {
                    break told;
                }
                // The asked commit's walk takes a step for each the painting takes outside
                // its history while that history lags behind: run out first, it settles the
                // question (a short history below a fork) at no more than twice the cost.
                // Keeping pace (a main line beside a pre-release line), the painting settles
                // it as soon, and the walk steps now and then only. Walking again what other
                // walks did (each pushed tag's history), it stops once past the allowance.
                let stepped = painted.step(&mut self.graph, read, dc)?;
                let outside = stepped.is_none_or(|(inside, _)| !inside);
                if outside {
                    outside_steps += 1;
                }
                let lags = stepped.is_none_or(|(_, at)| painted.lags(&self.graph, dc, at));
                let races = lags || outside_steps % RACE_EVERY == 0;
                if walks && outside && races && !self.over_budget() {
                    let again = dt.step(&mut self.graph, read)?;
                    self.wasted += usize::from(again == Some(true));
                }
            };
            self.answers.insert((d, *a), answer);
            if answer {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// The painting of the tags `key`, taken out of those kept (a new one, every tag's
    /// commit a source, when there is none).
    fn take_painted(&mut self, read: &mut ReadFn<'_>, key: Vec<u32>) -> Result<Painted> {
        if let Some(i) = self.painted.iter().position(|p| p.key == key) {
            return Ok(self.painted.remove(i));
        }
        let mut painted = Painted::new(key.clone());
        for n in key {
            self.graph.load(read, n)?;
            painted.source(&self.graph, n);
        }
        Ok(painted)
    }

    fn keep_painted(&mut self, painted: Painted) {
        if self.painted.len() >= PAINTINGS_KEPT {
            self.painted.remove(0);
        }
        self.painted.push(painted);
    }
}
