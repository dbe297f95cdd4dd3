//! The last range walked with hidden commits (`HEAD ^v1.2.0`), kept for the run: such a walk
//! reads the whole range before it reports its first commit, so what it reports is the same
//! whatever its visitor does, and a walk of the same range again is told from memory, no
//! commit taken from a queue or read again (`version --next` and `release` walk `HEAD ^last`
//! for the older lines merged in, then for the commits that decide the version; `--sync`
//! for its entries, then for those older lines). Commits never change: the answer is exact.

use std::cell::RefCell;
use std::rc::Rc;

use git2::Oid;

use super::walk::{RawCommit, Source};
use crate::Result;

/// The longest range kept: a whole long history walked once is not held in memory.
const KEPT_UP_TO: usize = 20_000;

/// A range's tips and hidden commits, with the commits it reported, in order (shared: a
/// visitor may walk another range while they are replayed).
struct Walked {
    tips: Vec<Oid>,
    hidden: Vec<Oid>,
    commits: Rc<Vec<RawCommit>>,
}

/// The last range walked with hidden commits, when it was not too long.
#[derive(Default)]
pub(super) struct LastRange(RefCell<Option<Walked>>);

impl LastRange {
    /// Walks `tips` less `hidden` (some) as [`super::walk::walk`] does, calling `visit` for each
    /// commit until it returns `false`: from memory when this range was the last walked.
    pub(super) fn walk(
        &self,
        src: &Source<'_>,
        (tips, hidden): (&[Oid], &[Oid]),
        mut visit: impl FnMut(RawCommit) -> bool,
    ) -> Result<()> {
        let kept = (self.0.borrow().as_ref())
            .filter(|w| w.tips == tips && w.hidden == hidden)
            .map(|w| Rc::clone(&w.commits));
        if let Some(commits) = kept {
            for c in commits.iter() {
                if !visit(c.clone()) {
                    break;
                }
            }
            return Ok(());
        }
        let mut commits = Vec::new();
        let mut visiting = true;
        super::walk::walk(src, tips, hidden, |c| {
            if commits.len() <= KEPT_UP_TO {
                commits.push(c.clone());
            }
            visiting = visiting && visit(c);
            // Every commit is read already: the rest are only kept.
            visiting || commits.len() <= KEPT_UP_TO
        })?;
        *self.0.borrow_mut() = (commits.len() <= KEPT_UP_TO).then(|| Walked {
            tips: tips.to_vec(),
            hidden: hidden.to_vec(),
            commits: Rc::new(commits),
        });
        Ok(())
    }
}
