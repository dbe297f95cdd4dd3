//! The commits of a line apart from a history already read: reachable from some tips (a
//! maintenance line's release tags) and not from that history, each read once, the history
//! itself never read again. A walk with that history's tip hidden would read it down to where
//! the lines part, years of commits for a line branched long ago.

use git2::Oid;

use super::walk::{OidMap, step};
use super::{Repo, StoredCommit};
use crate::{Error, Result};

impl Repo {
    /// Visits each commit reachable from `tips` that is not `known` and reached only through
    /// commits that are not `known` either (in no particular order); a known commit is never
    /// read, nor anything below it.
    pub fn walk_apart(
        &self,
        tips: &[Oid],
        known: &dyn Fn(Oid) -> bool,
        mut visit: impl FnMut(StoredCommit),
    ) -> Result<()> {
        let odb = self
            .inner
            .odb()
            .map_err(|e| Error::git("open the object database", e))?;
        let src = self.source(odb);
        let mut seen: OidMap<()> = OidMap::default();
        let mut stack: Vec<Oid> = tips.to_vec();
        while let Some(id) = stack.pop() {
            if known(id) || seen.insert(id, ()).is_some() {
                continue;
            }
            step();
            let c = src.read(id)?;
            stack.extend(c.parents.iter().rev().copied());
            visit(StoredCommit::from(c));
        }
        Ok(())
    }
}
