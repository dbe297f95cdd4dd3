//! Whether a range's hidden side is cut by a shallow clone's boundary above commits the walk
//! reaches: the base's history below its cut was not fetched, so a commit the walk finds may
//! be on the base as well as new, and the range cannot be told from the history here.

use std::collections::VecDeque;

use git2::Oid;

use super::walk::{OidMap, walk};
use super::{Range, Repo};
use crate::{Error, Result};

/// A commit of a range that the base may hold below its cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HiddenCut {
    /// The newest commit the walk reached that may be the base's.
    pub commit: Oid,
    /// The commit of the base's history at the boundary (its parents were not fetched).
    pub cut: Oid,
}

impl Repo {
    /// The newest commit of `range` that its hidden side may reach below a shallow clone's
    /// boundary, if any. A commit is new for certain when it descends from the cut (the cut's
    /// unfetched parents cannot hold their own descendant) or is dated after it (as git's own
    /// walk assumes); any other commit the walk reaches cannot be told from the base's.
    /// `None` for a complete clone, a single commit, or a range hiding nothing.
    pub fn hidden_cut(&self, range: &Range) -> Result<Option<HiddenCut>> {
        if range.single || range.hidden.is_empty() {
            return Ok(None);
        }
        let cuts = self.shallow_cuts();
        if cuts.is_empty() {
            return Ok(None);
        }
        let odb = self
            .inner
            .odb()
            .map_err(|e| Error::git("open the object database", e))?;
        let src = self.source(odb);
        // Every commit of this clone the hidden side reaches, and its cuts.
        let mut graph: OidMap<(i64, Vec<Oid>)> = OidMap::default();
        let mut hit = Vec::new();
        let mut queue: VecDeque<Oid> = range.hidden.iter().copied().collect();
        while let Some(id) = queue.pop_front() {
            if graph.contains_key(&id) {
                continue;
            }
            let c = src.read(id)?;
            if cuts.contains_key(&id) {
                hit.push((id, c.time));
            }
            queue.extend(c.parents.iter().copied());
            graph.insert(id, (c.time, c.parents));
        }
        if hit.is_empty() {
            return Ok(None);
        }
        let mut reached = Vec::new();
        walk(&src, &range.tips, &range.hidden, |c| {
            reached.push((c.id, c.time));
            graph.insert(c.id, (c.time, c.parents));
            true
        })?;
        let mut children: OidMap<Vec<Oid>> = OidMap::default();
        for (id, (_, parents)) in &graph {
            for p in parents {
                children.entry(*p).or_default().push(*id);
            }
        }
        // Each cut's descendants among the commits read.
        let below: Vec<(Oid, i64, OidMap<()>)> = hit
            .into_iter()
            .map(|(cut, time)| {
                let mut seen = OidMap::default();
                let mut stack = vec![cut];
                while let Some(id) = stack.pop() {
                    if seen.insert(id, ()).is_none() {
                        stack.extend(children.get(&id).into_iter().flatten().copied());
                    }
                }
                (cut, time, seen)
            })
            .collect();
        Ok(reached.into_iter().find_map(|(commit, time)| {
            below
                .iter()
                .find(|(_, cut_time, above)| time <= *cut_time && !above.contains_key(&commit))
                .map(|(cut, _, _)| HiddenCut { commit, cut: *cut })
        }))
    }
}
