//! An amend that changes what the message calls for, of a commit whose entry a person has
//! reworded by hand: the hand edit wins and stays, and one line says so, with the entry the
//! new message calls for (the same line a `rebase -i` reword gets).

use std::path::Path;

use git2::Oid;

use crate::git::Repo;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{normalize, one_line};

/// The line for amended commit `head`, whose change to `path` added `carried` only (the
/// entry as the person left it), when the message went from calling for `old` to `new`;
/// `None` when the entry already reads as `new` asks, or the message did not change it.
pub(super) fn notice(
    repo: &Repo,
    head: Oid,
    path: &Path,
    marker: char,
    (old, new): (Option<&NewEntry>, Option<&NewEntry>),
) -> Option<String> {
    if old == new {
        return None;
    }
    let carried: Vec<String> = crate::history::sync::added_by(repo, head, path)
        .into_iter()
        .collect();
    let [kept] = carried.as_slice() else {
        return None;
    };
    let (shown, commit) = (path.display(), crate::git::short_id(head));
    match new {
        Some(n) if normalize(kept) == normalize(&n.text) => None,
        Some(n) => Some(format!(
            "{shown} keeps `{marker} {}` for amended commit {commit}, as it was edited by hand; if it should follow the new message, change it by hand to `{marker} {}` under {}",
            one_line(kept),
            one_line(&n.text),
            n.section
        )),
        None => Some(format!(
            "{shown} keeps `{marker} {}`, edited by hand, though amended commit {commit} no longer calls for an entry; remove it by hand if it should go",
            one_line(kept)
        )),
    }
}
