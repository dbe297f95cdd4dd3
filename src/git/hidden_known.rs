//! What the range walks of one run learnt their hidden side holds. A walk of `tips ^hidden`
//! whose tips' history joins the hidden side's far below its tips (a branch forked from an old
//! release, pushed to a remote holding main) steps through every hidden commit newer than
//! where they join before it can tell the join is hidden; pre-push asks that of the same
//! remote-tracking refs twice (the commits from before `relhook install`, then the pushed
//! ones), each time through all of main's history since the fork.
//!
//! The commits where a walk's range ended on the hidden side (its edge: hidden parents of the
//! range's commits, hidden tips) are kept with the hidden set that holds them. A later walk
//! hiding that set or more hides them too: they are ancestors of its hidden commits, so the
//! range is the same, and the walk stops at them instead of walking down to them. Nothing
//! rests on dates: an edge commit is one the hidden side's marks reached through parents.

use git2::Oid;

/// How many walks' edges are kept: a run walks a few ranges (pre-push: the commits from
/// before the install, the pushed ones, those new to the remote).
const KEPT: usize = 16;

/// The edges of the walks made so far, each with the hidden set that holds it (sorted).
#[derive(Default)]
pub(super) struct HiddenKnown {
    /// Most recent last.
    edges: Vec<(Vec<Oid>, Vec<Oid>)>,
}

impl HiddenKnown {
    /// The commits earlier walks found held by some of `hidden` (sorted): hidden for a walk
    /// hiding `hidden`, whatever its tips.
    pub(super) fn held_by(&self, hidden: &[Oid]) -> Vec<Oid> {
        let mut out = Vec::new();
        for (by, edge) in &self.edges {
            if by.iter().all(|h| hidden.binary_search(h).is_ok()) {
                out.extend(edge.iter().filter(|e| hidden.binary_search(e).is_err()));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Keeps `edge`, commits `hidden` (sorted) holds, for the walks after.
    pub(super) fn learn(&mut self, hidden: Vec<Oid>, edge: Vec<Oid>) {
        if edge.is_empty() {
            return;
        }
        if let Some(i) = self.edges.iter().position(|(by, _)| *by == hidden) {
            let (_, known) = &mut self.edges[i];
            known.extend(edge);
            known.sort_unstable();
            known.dedup();
            let kept = self.edges.remove(i);
            self.edges.push(kept);
            return;
        }
        if self.edges.len() >= KEPT {
            self.edges.remove(0);
        }
        self.edges.push((hidden, edge));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    #[test]
    fn an_edge_serves_walks_hiding_its_set_or_more() {
        let mut known = HiddenKnown::default();
        known.learn(vec![id(1), id(2)], vec![id(9)]);
        assert_eq!(known.held_by(&[id(1), id(2), id(3)]), vec![id(9)]);
        assert_eq!(known.held_by(&[id(1), id(2)]), vec![id(9)]);
        // A part of the set may not hold it.
        assert!(known.held_by(&[id(1)]).is_empty());
        assert!(known.held_by(&[id(2), id(3)]).is_empty());
    }
}
