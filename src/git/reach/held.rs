//! Whether any of several commits reaches a commit: "does some remote-tracking branch hold
//! this release tag?", asked of every pushed tag. Asked of each branch in turn, a tag no
//! branch holds cost a walk per branch (vuejs/core: ~64 branches, most stale, each walked
//! thousands of commits per tag). Here the branches' tips are walked together, one walk
//! newest first that reaches what any of them reaches, kept across the questions of the run:
//! its reached set grows once. The answers are exact as `reaches` makes them: "yes" is the
//! commit met by the walk; a "no" rests on the walk running out, on the commit's own walk
//! covering everything the shared walk still has queued, or on generation numbers (see the
//! module above), never on dates alone.

use git2::Oid;

use super::tip::Tip;
use super::{Reach, ReadFn};
use crate::Result;
use crate::git::Repo;

/// How many sets of commits keep their shared walk: a run asks of a few (every
/// remote's branches, one remote's, what the remote has, the tips before the install).
const SETS_KEPT: usize = 8;

/// The shared walk of a set of commits, and its answers.
pub(super) struct Held {
    /// The commits, by index, sorted.
    sources: Vec<u32>,
    tip: Tip,
    answers: std::collections::HashMap<u32, bool>,
}

impl Held {
    /// The answer for commit `a` without walking: yes for one of the set, else one given.
    fn known(&self, a: u32) -> Option<bool> {
        match self.sources.binary_search(&a) {
            Ok(_) => Some(true),
            Err(_) => self.answers.get(&a).copied(),
        }
    }
}

/// A question about a set of commits and one commit.
type Ask = fn(&mut Reach, &mut ReadFn<'_>, &[Oid], Oid) -> Result<bool>;

impl Repo {
    /// Whether `commit` is one of `tips` or an ancestor of one, exactly (skewed clocks
    /// included): what asking [`Repo::reaches`] of each tip would answer, in one walk from
    /// all of them together, shared by every question about the same tips in the run.
    pub fn held_by_any(&self, tips: &[Oid], commit: Oid) -> bool {
        self.held_by(tips, commit, Reach::held_by_any)
    }

    /// Whether `commit` is one of `tips` or an ancestor of one as far as a walk from all of
    /// them down to its date (less a day) finds: `true` is certain; `false` may be wrong where
    /// clocks were off. For skipping work an exact walk would find empty, never for an answer.
    pub fn held_by_any_by_dates(&self, tips: &[Oid], commit: Oid) -> bool {
        self.held_by(tips, commit, Reach::held_by_any_by_dates)
    }

    /// The first of `tips` that is `commit` or holds it, exactly: what asking
    /// [`Repo::reaches`] of each tip in turn would find (the branch named when a release is
    /// on one), without a walk per tip: the shared walk says whether any does, and then
    /// generation numbers, one pass over the history, tell which.
    pub fn first_holder(&self, tips: &[Oid], commit: Oid) -> Option<usize> {
        if let [tip] = tips {
            // One tip: its own walk, which the questions asked of it before share.
            return (*tip == commit || self.reaches(*tip, commit)).then_some(0);
        }
        let walked = self.inner.odb().ok().and_then(|odb| {
            let src = self.source(odb);
            let mut read = |id: Oid| src.read(id).map(|c| (c.time, c.parents));
            let mut reach = self.reach.borrow_mut();
            reach.first_holder(&mut read, tips, commit).ok()
        });
        // A commit that cannot be read: each tip alone, as before.
        walked.unwrap_or_else(|| {
            tips.iter()
                .position(|t| *t == commit || self.reaches(*t, commit))
        })
    }

    fn held_by(&self, tips: &[Oid], commit: Oid, ask: Ask) -> bool {
        if tips.is_empty() {
            return false;
        }
        self.inner.odb().is_ok_and(|odb| {
            let src = self.source(odb);
            let mut read = |id: Oid| src.read(id).map(|c| (c.time, c.parents));
            ask(&mut self.reach.borrow_mut(), &mut read, tips, commit).unwrap_or(false)
        })
    }
}

impl Reach {
    /// Whether `ancestor` is one of `tips` or an ancestor of one.
    pub(super) fn held_by_any(
        &mut self,
        read: &mut ReadFn<'_>,
        tips: &[Oid],
        ancestor: Oid,
    ) -> Result<bool> {
        let (mut held, a) = self.take_held(read, tips, ancestor)?;
        let answer = match held.known(a) {
            Some(known) => Ok(known),
            None => self.settle_held(read, &mut held, a),
        };
        // A walk a read error interrupted is dropped, never kept.
        if let Ok(answer) = answer {
            held.answers.insert(a, answer);
            self.keep_held(held);
        }
        answer
    }

    /// The first of `tips` that is `ancestor` or reaches it.
    pub(super) fn first_holder(
        &mut self,
        read: &mut ReadFn<'_>,
        tips: &[Oid],
        ancestor: Oid,
    ) -> Result<Option<usize>> {
        if tips.first() == Some(&ancestor) {
            return Ok(Some(0));
        }
        // Mostly none does (a release on a branch since deleted): the shared walk says so.
        if tips.is_empty() || !self.held_by_any(read, tips, ancestor)? {
            return Ok(None);
        }
        let a = self.graph.node(ancestor);
        self.graph.generation(read, a)?;
        let mut nodes = Vec::with_capacity(tips.len());
        for t in tips {
            let n = self.graph.node(*t);
            self.graph.generation(read, n)?;
            nodes.push(n);
        }
        // What each commit above `a`'s generation answers, shared by the tips' searches.
        let mut known = std::collections::HashMap::new();
        for (i, n) in nodes.into_iter().enumerate() {
            if self.graph.reaches_above(read, n, a, &mut known)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// Whether `ancestor` is one of `tips` or an ancestor of one as far as the shared walk
    /// down to its date (less a day) finds: a "yes" is certain, a "no" is not.
    pub(super) fn held_by_any_by_dates(
        &mut self,
        read: &mut ReadFn<'_>,
        tips: &[Oid],
        ancestor: Oid,
    ) -> Result<bool> {
        let (mut held, a) = self.take_held(read, tips, ancestor)?;
        if let Some(known) = held.known(a) {
            self.keep_held(held);
            return Ok(known);
        }
        if self.generations_known_all(&held.sources, a)
            && self.generations_say_no_all(&held.sources, a)
        {
            self.keep_held(held);
            return Ok(false);
        }
        let (answer, steps) = held.tip.walk_dated(&mut self.graph, read, a)?;
        if answer != Some(true) {
            self.wasted += steps;
        }
        if let Some(answer) = answer {
            held.answers.insert(a, answer);
        }
        self.keep_held(held);
        Ok(answer == Some(true))
    }

    /// The shared walk of `tips`, taken out of those kept (a new one when there is none), and
    /// the index of `ancestor`, read.
    fn take_held(
        &mut self,
        read: &mut ReadFn<'_>,
        tips: &[Oid],
        ancestor: Oid,
    ) -> Result<(Held, u32)> {
        let mut sources: Vec<u32> = tips.iter().map(|t| self.graph.node(*t)).collect();
        sources.sort_unstable();
        sources.dedup();
        let a = self.graph.node(ancestor);
        self.graph.load(read, a)?;
        if let Some(i) = self.held.iter().position(|h| h.sources == sources) {
            return Ok((self.held.remove(i), a));
        }
        let mut dated = Vec::with_capacity(sources.len());
        for s in &sources {
            self.graph.load(read, *s)?;
            dated.push((*s, self.graph.nodes[*s as usize].time));
        }
        let held = Held {
            tip: Tip::from_all(&dated),
            sources,
            answers: std::collections::HashMap::new(),
        };
        Ok((held, a))
    }

    /// Keeps a shared walk as the most recently used, dropping the least recently used past
    /// [`SETS_KEPT`].
    fn keep_held(&mut self, held: Held) {
        if self.held.len() >= SETS_KEPT {
            self.held.remove(0);
        }
        self.held.push(held);
    }

    /// The answer for the shared walk `h` and `a`, by the cheapest way that is exact, as
    /// [`Reach::settle`] finds it for one commit's walk.
    fn settle_held(&mut self, read: &mut ReadFn<'_>, h: &mut Held, a: u32) -> Result<bool> {
        if !self.generations_known_all(&h.sources, a) && self.over_budget() {
            self.generations_all(read, &h.sources, a)?;
        }
        if self.generations_known_all(&h.sources, a) {
            if self.generations_say_no_all(&h.sources, a) {
                return Ok(false);
            }
            return h.tip.walk_above(&mut self.graph, read, a);
        }
        let (dated, steps) = h.tip.walk_dated(&mut self.graph, read, a)?;
        if dated != Some(true) {
            self.wasted += steps;
        }
        if let Some(answer) = dated {
            return Ok(answer);
        }
        let mut at = self.take(read, a)?;
        let budget = self.allowance().saturating_sub(self.wasted);
        let painted = h.tip.walk_with(&mut at, &mut self.graph, read, budget);
        self.keep(at);
        let (answer, steps) = painted?;
        if answer != Some(true) {
            self.wasted += steps;
        }
        if let Some(answer) = answer {
            return Ok(answer);
        }
        // Walks spent on "no"s outgrew the history read: generation numbers cost no more.
        self.generations_all(read, &h.sources, a)?;
        if self.generations_say_no_all(&h.sources, a) {
            return Ok(false);
        }
        h.tip.walk_above(&mut self.graph, read, a)
    }

    /// Computes the generation numbers of `a` and of every source (and their ancestors).
    fn generations_all(&mut self, read: &mut ReadFn<'_>, sources: &[u32], a: u32) -> Result<()> {
        self.graph.generation(read, a)?;
        for s in sources {
            self.graph.generation(read, *s)?;
        }
        Ok(())
    }

    fn generations_known_all(&self, sources: &[u32], a: u32) -> bool {
        sources.iter().all(|s| self.graph.generations_known(*s, a))
    }

    /// Whether no source can reach `a` by generation numbers (all known).
    fn generations_say_no_all(&self, sources: &[u32], a: u32) -> bool {
        sources.iter().all(|s| self.graph.generations_say_no(*s, a))
    }
}
