//! Which release tags' commits each commit of the history `rebuild` holds reaches, found in
//! one pass over that history in memory (parents first): "the release before this one on its
//! line" asked of every tag costs no walk of the history at all, where a question per pair of
//! tags walked it again and again.

use std::collections::HashMap;

use git2::Oid;

use super::Lite;
use crate::git::{ReleaseTag, Repo};

/// For each commit of the history, the set of tag commits it is or reaches.
pub(super) struct TagAncestry<'h> {
    index: &'h HashMap<Oid, usize>,
    /// Each tag commit's bit.
    bit: HashMap<Oid, usize>,
    words: usize,
    /// `words` words a commit, by its index in the history.
    sets: Vec<u64>,
}

impl<'h> TagAncestry<'h> {
    /// The sets of `history` (`rank`: each commit's place after its parents) for `tags`.
    pub(super) fn new(
        history: &[Lite],
        index: &'h HashMap<Oid, usize>,
        rank: &[usize],
        tags: &[ReleaseTag],
    ) -> Self {
        let mut bit: HashMap<Oid, usize> = HashMap::new();
        for t in tags {
            let next = bit.len();
            bit.entry(t.commit).or_insert(next);
        }
        let words = bit.len().div_ceil(64).max(1);
        let mut sets = vec![0u64; history.len() * words];
        let mut order: Vec<usize> = (0..history.len()).collect();
        order.sort_unstable_by_key(|&i| rank[i]);
        for i in order {
            for p in history[i].parent_ids.iter().filter_map(|p| index.get(p)) {
                for w in 0..words {
                    let theirs = sets[p * words + w];
                    sets[i * words + w] |= theirs;
                }
            }
            if let Some(b) = bit.get(&history[i].id) {
                sets[i * words + b / 64] |= 1 << (b % 64);
            }
        }
        TagAncestry {
            index,
            bit,
            words,
            sets,
        }
    }

    /// Whether `descendant` is `ancestor` or reaches it, as [`Repo::reaches`] answers; asked
    /// of git for a commit outside the history or an ancestor no tag is on.
    pub(super) fn reaches(&self, repo: &Repo, descendant: Oid, ancestor: Oid) -> bool {
        match (self.index.get(&descendant), self.bit.get(&ancestor)) {
            (Some(d), Some(b)) => self.sets[d * self.words + b / 64] & (1 << (b % 64)) != 0,
            _ => repo.reaches(descendant, ancestor),
        }
    }
}
