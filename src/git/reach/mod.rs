//! Ancestry questions (`is A an ancestor of D?`) asked many times in one run: of HEAD about
//! every release tag (a hand tag, a release), of every pushed tag about the tags above and
//! below it (pre-push). Each question alone would walk the history from D down to A, so a loop
//! over tags cost O(tags × history). Here the work is shared, and the answers stay exact:
//!
//! - the commits read are kept as a graph (date, parents; each commit inflated once);
//! - each commit asked about keeps its walk down its history, newest first (`tip`): what it
//!   reached, and where it stopped. The next question about it goes on from there, so all the
//!   questions about one commit walk its history at most once;
//! - "yes" is A met by D's walk. D's walk first goes down to A's date less a day (clocks
//!   skew); a "no" never rests on dates. Below that, D's and A's walks go on together, newest
//!   first, until A is met or every commit D's walk still has to expand is one A's walk
//!   reached: any path from D to A runs through one of those, and an ancestor of A cannot lead
//!   back to A. For a tag on a branch that merges the main line now and then, both walks stop
//!   at the last such merge, not at the root;
//! - when the walks spent on "no"s outgrow the history read (each pushed tag asked about every
//!   greater tag), generation numbers take over: a commit's is one more than its parents'
//!   greatest, computed once for the history below and kept, and a commit whose generation is
//!   not above A's cannot reach A. Every later "no" they settle costs nothing, and a walk goes
//!   on only while one of its queued commits is above A's generation;
//! - "does any remote-tracking branch hold A?" is one walk from all the branches together,
//!   kept across the run (`held`), answered as above: not one walk per branch and question.
//!   Which branch first holds it (a release note names it) is then told by generation
//!   numbers, one search over the commits above A's shared by all the branches.

use git2::Oid;

use super::Repo;
use super::commit_graph::Levels;
use super::walk::OidMap;
use crate::Result;

mod held;
mod painted;
mod tip;

use tip::Tip;

/// How many commits' walks are kept: a loop over pushed tags asks of each in turn.
const TIPS_KEPT: usize = 64;

/// The steps walks may waste on "no"s before generation numbers take over, at the least
/// (more once half the history read is more): a few milliseconds of reading, where
/// generation numbers cost the whole history below.
const WASTE_ALLOWED: usize = 2048;

impl Repo {
    /// Whether `ancestor` is `descendant` or one of its ancestors, exactly (skewed clocks
    /// included). The questions of one run share their work (see `reach`): asked of one
    /// commit about every release tag, or of every tag about the others, a few walks of the
    /// history in all, not one per question.
    pub fn reaches(&self, descendant: Oid, ancestor: Oid) -> bool {
        self.inner.odb().is_ok_and(|odb| {
            let src = self.source(odb);
            let mut read = |id: Oid| src.read(id).map(|c| (c.time, c.parents));
            self.reach
                .borrow_mut()
                .reaches(&mut read, descendant, ancestor)
                .unwrap_or(false)
        })
    }

    /// Which of `ancestors` are `descendant` or one of its ancestors, exactly, in order: what
    /// [`Repo::reaches`] answers of each, in one walk of `descendant`'s history that stops
    /// once all are met (HEAD asked about every release tag: one tag on a branch HEAD never
    /// merged costs one walk of the history, not a walk per tag).
    pub fn reaches_each(&self, descendant: Oid, ancestors: &[Oid]) -> Vec<bool> {
        let walked = self.inner.odb().ok().and_then(|odb| {
            let src = self.source(odb);
            let mut read = |id: Oid| src.read(id).map(|c| (c.time, c.parents));
            let mut reach = self.reach.borrow_mut();
            reach.reaches_each(&mut read, descendant, ancestors).ok()
        });
        // A commit that cannot be read: each question alone, as before.
        walked.unwrap_or_else(|| {
            let each = ancestors.iter();
            each.map(|a| *a == descendant || self.reaches(descendant, *a))
                .collect()
        })
    }

    /// The first of `candidates` (tags' commits, greatest version first) that `descendant`
    /// is or reaches, exactly: the latest release it holds. `tags` are the commits of every
    /// tag of the prefix, those a question leaves out included. One painting of the tags'
    /// history answers for every tag it lacks, not a walk each (see `painted`).
    pub fn first_held(&self, descendant: Oid, candidates: &[Oid], tags: &[Oid]) -> Option<usize> {
        let walked = self.inner.odb().ok().and_then(|odb| {
            let src = self.source(odb);
            let mut read = |id: Oid| src.read(id).map(|c| (c.time, c.parents));
            let mut reach = self.reach.borrow_mut();
            reach
                .first_held(&mut read, descendant, candidates, tags)
                .ok()
        });
        // A commit that cannot be read: each question alone, as before.
        walked.unwrap_or_else(|| {
            candidates
                .iter()
                .position(|a| *a == descendant || self.reaches(descendant, *a))
        })
    }

    /// Whether `ancestor` is `descendant` or one of its ancestors as far as a walk down to the
    /// ancestor's date (less a day) finds: `true` is certain; `false` may be wrong where
    /// clocks were off. For skipping work an exact walk would find empty, never for an answer.
    pub fn reaches_by_dates(&self, descendant: Oid, ancestor: Oid) -> bool {
        let mut unbounded = usize::MAX;
        self.reaches_by_dates_within(descendant, ancestor, &mut unbounded)
    }

    /// [`Repo::reaches_by_dates`], its walk expanding at most `allowance` commits it had not
    /// (taken off it, shared by the questions that pass the same): `false` once it is spent.
    /// For skipping work worth less than a long walk (a commit's message not read).
    pub fn reaches_by_dates_within(
        &self,
        descendant: Oid,
        ancestor: Oid,
        allowance: &mut usize,
    ) -> bool {
        self.inner.odb().is_ok_and(|odb| {
            let src = self.source(odb);
            let mut read = |id: Oid| src.read(id).map(|c| (c.time, c.parents));
            self.reach
                .borrow_mut()
                .reaches_by_dates(&mut read, (descendant, ancestor), allowance)
                .unwrap_or(false)
        })
    }
}

/// Reads a commit's date and parents.
pub(super) type ReadFn<'a> = dyn FnMut(Oid) -> Result<(i64, Vec<Oid>)> + 'a;

/// A commit of the graph, by index.
struct Node {
    id: Oid,
    /// Committer date; meaningful once `read`.
    time: i64,
    parents: Vec<u32>,
    read: bool,
    /// Whether some walk expanded it (the next one that does repeats work).
    walked: bool,
    /// Generation number; 0 until computed.
    generation: u32,
}

/// The commits read so far, by index.
#[derive(Default)]
struct Graph {
    index: OidMap<u32>,
    nodes: Vec<Node>,
    /// git's commit-graph file, read the first time generation numbers are wanted.
    levels: FileLevels,
}

/// The generation numbers git's commit-graph file holds, read once when needed.
#[derive(Default)]
enum FileLevels {
    #[default]
    None,
    Unread(std::path::PathBuf),
    Read(Option<Levels>),
}

/// The graph, the commits' walks and what was spent on "no"s.
#[derive(Default)]
pub(super) struct Reach {
    graph: Graph,
    /// Most recently used last.
    tips: Vec<Tip>,
    /// Every answer given: a question asked again (each hook step asks for the latest
    /// release tag anew) costs nothing, however far the walks went since.
    answers: std::collections::HashMap<(u32, u32), bool>,
    /// Steps walks took for questions they answered "no" over commits another walk had
    /// expanded already: work generation numbers would have spared.
    wasted: usize,
    /// The shared walks of sets of commits ([`held`]), most recently used last.
    held: Vec<held::Held>,
    /// The paintings of sets of release tags ([`painted`]), most recently used last.
    painted: Vec<painted::Painted>,
}

impl Reach {
    /// The `Reach` of repository `inner`: its generation numbers come from git's commit-graph
    /// file for the commits it holds (see `commit_graph`), when it is there and valid.
    pub(super) fn of(inner: &git2::Repository) -> Reach {
        let mut reach = Reach::default();
        reach.graph.levels = FileLevels::Unread(super::commit_graph::path(inner));
        reach
    }

    /// Whether `ancestor` is `descendant` or one of its ancestors.
    pub(super) fn reaches(
        &mut self,
        read: &mut ReadFn<'_>,
        descendant: Oid,
        ancestor: Oid,
    ) -> Result<bool> {
        let Some((d, a)) = self.pair(read, descendant, ancestor)? else {
            return Ok(true);
        };
        if !self.graph.generations_known(d, a) && self.over_budget() {
            self.graph.generation(read, a)?;
            self.graph.generation(read, d)?;
        }
        if let Some(known) = self.answers.get(&(d, a)) {
            return Ok(*known);
        }
        let mut dt = self.take(read, d)?;
        let answer = self.settle(read, &mut dt, a)?;
        self.keep(dt);
        self.answers.insert((d, a), answer);
        Ok(answer)
    }

    /// Which of `ancestors` `descendant` reaches (or is): its walk goes on until it has met
    /// every one of them or runs out of history, and is kept for the questions after.
    pub(super) fn reaches_each(
        &mut self,
        read: &mut ReadFn<'_>,
        descendant: Oid,
        ancestors: &[Oid],
    ) -> Result<Vec<bool>> {
        let d = self.graph.node(descendant);
        let asked: Vec<u32> = ancestors.iter().map(|a| self.graph.node(*a)).collect();
        let mut dt = self.take(read, d)?;
        dt.walk_until_all(&mut self.graph, read, &asked)?;
        let answers: Vec<bool> = asked.iter().map(|a| dt.has_reached(*a)).collect();
        for (a, answer) in asked.iter().zip(&answers) {
            if *a != d {
                self.answers.insert((d, *a), *answer);
            }
        }
        self.keep(dt);
        Ok(answers)
    }

    /// Whether `ancestor` is `descendant` or one of its ancestors, as far as the walk down to
    /// the ancestor's date (less a day) finds: a "yes" is certain, a "no" is not.
    /// At most `allowance` commits expanded (taken off it): a "no" once it is spent.
    pub(super) fn reaches_by_dates(
        &mut self,
        read: &mut ReadFn<'_>,
        (descendant, ancestor): (Oid, Oid),
        allowance: &mut usize,
    ) -> Result<bool> {
        let Some((d, a)) = self.pair(read, descendant, ancestor)? else {
            return Ok(true);
        };
        if let Some(known) = self.answers.get(&(d, a)) {
            return Ok(*known);
        }
        if self.graph.generations_say_no(d, a) {
            return Ok(false);
        }
        let mut dt = self.take(read, d)?;
        let (answer, steps) = dt.walk_dated_within(&mut self.graph, read, a, allowance)?;
        if answer != Some(true) {
            self.wasted += steps;
        }
        self.keep(dt);
        if let Some(answer) = answer {
            self.answers.insert((d, a), answer);
        }
        Ok(answer == Some(true))
    }

    /// The graph's nodes of `descendant` and `ancestor`, the ancestor's commit read; `None`
    /// when they are the same commit (which reaches itself).
    fn pair(
        &mut self,
        read: &mut ReadFn<'_>,
        descendant: Oid,
        ancestor: Oid,
    ) -> Result<Option<(u32, u32)>> {
        if descendant == ancestor {
            return Ok(None);
        }
        let d = self.graph.node(descendant);
        let a = self.graph.node(ancestor);
        self.graph.load(read, a)?;
        Ok(Some((d, a)))
    }

    /// The answer for `dt`'s commit and `a`, by the cheapest way that is exact (see the
    /// module).
    fn settle(&mut self, read: &mut ReadFn<'_>, dt: &mut Tip, a: u32) -> Result<bool> {
        if self.graph.generations_known(dt.node, a) {
            if self.graph.generations_say_no(dt.node, a) {
                return Ok(false);
            }
            return dt.walk_above(&mut self.graph, read, a);
        }
        let (dated, steps) = dt.walk_dated(&mut self.graph, read, a)?;
        if dated != Some(true) {
            self.wasted += steps;
        }
        if let Some(answer) = dated {
            return Ok(answer);
        }
        let mut at = self.take(read, a)?;
        let budget = self.allowance().saturating_sub(self.wasted);
        let painted = dt.walk_with(&mut at, &mut self.graph, read, budget);
        self.keep(at);
        let (answer, steps) = painted?;
        if answer != Some(true) {
            self.wasted += steps;
        }
        if let Some(answer) = answer {
            return Ok(answer);
        }
        // Walks spent on "no"s outgrew the history read: generation numbers cost no more.
        self.graph.generation(read, a)?;
        self.graph.generation(read, dt.node)?;
        if self.graph.generations_say_no(dt.node, a) {
            return Ok(false);
        }
        dt.walk_above(&mut self.graph, read, a)
    }

    /// Whether the work wasted on "no"s outgrew its [allowance](Reach::allowance):
    /// generation numbers, which read the history below once, cost less from there on.
    fn over_budget(&self) -> bool {
        self.wasted > self.allowance()
    }

    /// How many steps walks may waste on "no"s: half the history read, or
    /// [`WASTE_ALLOWED`] when that is more.
    fn allowance(&self) -> usize {
        (self.graph.nodes.len() / 2).max(WASTE_ALLOWED)
    }

    /// The walk of commit `n`, taken out of those kept (a new one when there is none).
    fn take(&mut self, read: &mut ReadFn<'_>, n: u32) -> Result<Tip> {
        if let Some(t) = self.tips.iter().position(|t| t.node == n) {
            return Ok(self.tips.remove(t));
        }
        self.graph.load(read, n)?;
        Ok(Tip::new(n, self.graph.nodes[n as usize].time))
    }

    /// Keeps a walk as the most recently used, dropping the least recently used past
    /// [`TIPS_KEPT`]. A walk a read error interrupted is never kept: it is dropped.
    fn keep(&mut self, tip: Tip) {
        if self.tips.len() >= TIPS_KEPT {
            self.tips.remove(0);
        }
        self.tips.push(tip);
    }
}

impl Graph {
    /// The index of `id`, added unread when new.
    fn node(&mut self, id: Oid) -> u32 {
        if let Some(n) = self.index.get(&id) {
            return *n;
        }
        let n = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
        self.nodes.push(Node {
            id,
            time: 0,
            parents: Vec::new(),
            read: false,
            walked: false,
            generation: 0,
        });
        self.index.insert(id, n);
        n
    }

    /// Reads node `n`'s date and parents, once.
    fn load(&mut self, read: &mut ReadFn<'_>, n: u32) -> Result<()> {
        if self.nodes[n as usize].read {
            return Ok(());
        }
        let (time, parents) = read(self.nodes[n as usize].id)?;
        let parents = parents.into_iter().map(|p| self.node(p)).collect();
        let node = &mut self.nodes[n as usize];
        node.time = time;
        node.parents = parents;
        node.read = true;
        Ok(())
    }

    fn generations_known(&self, d: u32, a: u32) -> bool {
        self.nodes[d as usize].generation != 0 && self.nodes[a as usize].generation != 0
    }

    /// Whether both generations are known and `d`'s is not above `a`'s: then `d` cannot
    /// reach `a` (every parent's generation is below its child's).
    fn generations_say_no(&self, d: u32, a: u32) -> bool {
        let (gd, ga) = (
            self.nodes[d as usize].generation,
            self.nodes[a as usize].generation,
        );
        gd != 0 && ga != 0 && gd <= ga
    }

    /// Whether `from` is `a` or reaches it: a search of the commits above `a`'s generation
    /// only (no other can reach `a`), each at most once across the calls that share `known`
    /// (their answers). Each commit met is read, and gets its generation, when it has none.
    fn reaches_above(
        &mut self,
        read: &mut ReadFn<'_>,
        from: u32,
        a: u32,
        known: &mut std::collections::HashMap<u32, bool>,
    ) -> Result<bool> {
        let above = self.generation_of(read, a)?;
        if let Some(answer) = self.above_answer(read, (from, a, above), known)? {
            return Ok(answer);
        }
        super::walk::step();
        self.load(read, from)?;
        // Depth first, each commit with the index of the next parent to look at. A commit on
        // the stack is never met again below it (history has no cycles).
        let mut stack = vec![(from, 0usize)];
        while let Some(&(n, next)) = stack.last() {
            let Some(&p) = self.nodes[n as usize].parents.get(next) else {
                known.insert(n, false);
                stack.pop();
                continue;
            };
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            match self.above_answer(read, (p, a, above), known)? {
                Some(true) => {
                    // Every commit on the stack reaches `p`, so `a`.
                    known.extend(stack.iter().map(|(n, _)| (*n, true)));
                    return Ok(true);
                }
                Some(false) => {}
                None => {
                    super::walk::step();
                    self.load(read, p)?;
                    stack.push((p, 0));
                }
            }
        }
        Ok(false)
    }

    /// What [`Graph::reaches_above`] knows of commit `n` without looking below it: it is `a`,
    /// or its generation is not above `above` (`a`'s), or it was answered before.
    fn above_answer(
        &mut self,
        read: &mut ReadFn<'_>,
        (n, a, above): (u32, u32, u32),
        known: &std::collections::HashMap<u32, bool>,
    ) -> Result<Option<bool>> {
        if n == a {
            return Ok(Some(true));
        }
        if self.generation_of(read, n)? <= above {
            return Ok(Some(false));
        }
        Ok(known.get(&n).copied())
    }

    /// Node `n`'s generation number, computed first when it has none.
    fn generation_of(&mut self, read: &mut ReadFn<'_>, n: u32) -> Result<u32> {
        self.generation(read, n)?;
        Ok(self.nodes[n as usize].generation)
    }

    /// The generation number git's commit-graph file gives node `n`, the file read first.
    fn file_level(&mut self, n: u32) -> Option<u32> {
        if let FileLevels::Unread(path) = &self.levels {
            self.levels = FileLevels::Read(Levels::read(path));
        }
        match &self.levels {
            FileLevels::Read(Some(levels)) => levels.level(self.nodes[n as usize].id),
            _ => None,
        }
    }

    /// Whether git's commit-graph file is there and valid (read first).
    fn has_file(&mut self) -> bool {
        if let FileLevels::Unread(path) = &self.levels {
            self.levels = FileLevels::Read(Levels::read(path));
        }
        matches!(self.levels, FileLevels::Read(Some(_)))
    }

    /// Computes the generation number of `n` as [`Graph::generation`] does, where git's
    /// commit-graph file holds all but about `limit` of the commits it needs: whether it
    /// did. Without the file, or past the limit, nothing is read for it (a generation pass
    /// over the whole history costs more than the walks it would spare).
    fn generation_within(&mut self, read: &mut ReadFn<'_>, n: u32, limit: usize) -> Result<bool> {
        if self.nodes[n as usize].generation != 0 {
            return Ok(true);
        }
        if !self.has_file() {
            return Ok(false);
        }
        self.generation_upto(read, n, limit)
    }

    /// Computes the generation number of `n` and of every ancestor that lacks one, each once.
    fn generation(&mut self, read: &mut ReadFn<'_>, n: u32) -> Result<()> {
        self.generation_upto(read, n, usize::MAX).map(|_| ())
    }

    /// [`Graph::generation`], giving up past `limit` visits of commits git's commit-graph file
    /// does not hold: whether it computed it (what it computed before giving up is kept, and
    /// exact).
    fn generation_upto(&mut self, read: &mut ReadFn<'_>, n: u32, limit: usize) -> Result<bool> {
        let mut visits = 0usize;
        let mut stack = vec![n];
        while let Some(&c) = stack.last() {
            if self.nodes[c as usize].generation != 0 {
                stack.pop();
                continue;
            }
            // git's commit-graph file has it: no need to read the history below.
            if let Some(level) = self.file_level(c) {
                self.nodes[c as usize].generation = level;
                stack.pop();
                continue;
            }
            // Each commit the file lacks comes here once, or twice when its parents are
            // computed first.
            visits += 1;
            if visits > limit {
                return Ok(false);
            }
            self.load(read, c)?;
            let before = stack.len();
            let mut highest = 0;
            for i in 0..self.nodes[c as usize].parents.len() {
                let p = self.nodes[c as usize].parents[i];
                match self.nodes[p as usize].generation {
                    0 => stack.push(p),
                    g => highest = highest.max(g),
                }
            }
            if stack.len() == before {
                super::walk::step();
                self.nodes[c as usize].generation = highest.saturating_add(1);
                stack.pop();
            }
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests;
