//! The commits a release links the Unreleased entries post-commit wrote to
//! ([`Changelog::link_unlinked`]): the candidates whose entry the file already lists, each by
//! its key, and the keys of their entries' texts, for the file's entries to be keyed alike.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize};

/// What [`Linkable::apply`] links.
pub(super) struct Linkable {
    /// Each listed candidate's key and whole id.
    ids: Vec<(String, String)>,
    /// The candidates' entry texts and their keys.
    keyed: HashMap<String, String>,
}

impl Linkable {
    /// The candidates (with `keys`, theirs) whose entry `in_file` has, when `releasing`; none
    /// otherwise (`--sync` and the hooks link only the entries they add).
    pub(super) fn of(
        releasing: bool,
        candidates: &[(Oid, NewEntry)],
        keys: &[String],
        in_file: &HashSet<String>,
    ) -> Linkable {
        let both = || candidates.iter().zip(keys).filter(|_| releasing);
        let ids: Vec<(String, String)> = both()
            .filter(|(_, k)| in_file.contains(*k))
            .map(|((id, _), k)| (k.clone(), id.to_string()))
            .collect();
        let keyed = both()
            .filter(|_| !ids.is_empty())
            .map(|((_, e), k)| (e.text.clone(), k.clone()))
            .collect();
        Linkable { ids, keyed }
    }

    /// Links those entries of `log`'s Unreleased that name no commit.
    pub(super) fn apply(&self, log: &mut Changelog) {
        let key = |t: &str| self.keyed.get(t).cloned().unwrap_or_else(|| normalize(t));
        log.link_unlinked(&self.ids, &key);
    }
}
