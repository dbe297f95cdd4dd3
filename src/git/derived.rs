//! What a run derives from a blob (a parsed changelog), remembered by the blob's id: a blob
//! never changes, so the questions one run asks of the same file (a release tag's rules, its
//! stale and section checks, its notes) share one derivation instead of one each. Only the
//! last few are kept, so memory stays small on a long history: a run asks about one commit
//! at a time (a tag's, its parent's), whichever order its tags come in.

use std::any::{Any, TypeId};
use std::collections::VecDeque;
use std::rc::Rc;

use git2::Oid;

use super::Repo;

/// How many derivations are kept: a tag's questions read its commit's blob and its parent's.
const KEPT: usize = 8;

/// The derivations kept, most recently used first.
#[derive(Default)]
pub(super) struct Derived {
    kept: VecDeque<(Oid, TypeId, Rc<dyn Any>)>,
}

impl Repo {
    /// What `make` derives from blob `blob`, made once while it is among the last few asked
    /// for. `make` must depend on nothing but the blob's content; what it could not make
    /// (`None`: the blob could not be read) is asked of it again next time.
    pub fn derived<T: 'static>(
        &self,
        blob: Oid,
        make: impl FnOnce() -> Option<T>,
    ) -> Option<Rc<T>> {
        let kind = TypeId::of::<T>();
        let found = {
            let mut memo = self.derived.borrow_mut();
            let at = memo
                .kept
                .iter()
                .position(|(b, k, _)| *b == blob && *k == kind);
            at.and_then(|i| memo.kept.remove(i))
        };
        // `make` may ask for other blobs' derivations: nothing stays borrowed while it runs.
        let value = match found.and_then(|(_, _, any)| any.downcast::<T>().ok()) {
            Some(hit) => hit,
            None => Rc::new(make()?),
        };
        let mut memo = self.derived.borrow_mut();
        memo.kept.push_front((blob, kind, value.clone()));
        memo.kept.truncate(KEPT);
        Some(value)
    }
}
