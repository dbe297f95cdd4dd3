//! The last ranges walked with hidden commits (`HEAD ^v1.2.0`), kept for the run: such a walk
//! reads the whole range before it reports its first commit, so what it reports is the same
//! whatever its visitor does, and a walk of a kept range again is told from memory, no
//! commit taken from a queue or read again (`version --next` and `release` walk `HEAD ^last`
//! for the older lines merged in, then for the commits that decide the version; `--sync`
//! for its entries, then for those older lines; a hand tag's `prepared` walks `HEAD ^last`,
//! then `HEAD ^last ^other`, then `HEAD ^last` again). Commits never change: the answer is
//! exact.

use std::cell::RefCell;
use std::rc::Rc;

use git2::Oid;

use super::walk::{RawCommit, Source};
use crate::Result;

/// The longest range kept: a whole long history walked once is not held in memory.
const KEPT_UP_TO: usize = 20_000;

/// How many ranges are kept, the last walked: a range walked between two walks of another
/// does not make the second walk it all again.
const RANGES_KEPT: usize = 4;

/// A range's tips and hidden commits, with the commits it reported, in order (shared: a
/// visitor may walk another range while they are replayed).
struct Walked {
    tips: Vec<Oid>,
    hidden: Vec<Oid>,
    commits: Rc<Vec<RawCommit>>,
}

/// The last [`RANGES_KEPT`] ranges walked with hidden commits that were not too long, the
/// latest last.
#[derive(Default)]
pub(super) struct LastRange(RefCell<Vec<Walked>>);

impl LastRange {
    /// Walks `tips` less `hidden` (some) as [`super::walk::walk`] does, calling `visit` for each
    /// commit until it returns `false`: from memory when this range is one of those kept.
    pub(super) fn walk(
        &self,
        src: &Source<'_>,
        (tips, hidden): (&[Oid], &[Oid]),
        mut visit: impl FnMut(RawCommit) -> bool,
    ) -> Result<()> {
        let kept = (self.0.borrow().iter())
            .find(|w| w.tips == tips && w.hidden == hidden)
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
        if commits.len() <= KEPT_UP_TO {
            let mut kept = self.0.borrow_mut();
            if kept.len() == RANGES_KEPT {
                kept.remove(0);
            }
            kept.push(Walked {
                tips: tips.to_vec(),
                hidden: hidden.to_vec(),
                commits: Rc::new(commits),
            });
        }
        Ok(())
    }
}
