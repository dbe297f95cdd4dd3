//! A plain commit whose entry is already in Unreleased (`git commit -C <a feat>`, a second
//! `fix: typo` in one cycle): no entry is added, and one line says where it already is;
//! nothing is said when the commit wrote that entry itself.

use std::path::Path;

use git2::Oid;

use crate::git::Repo;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize, one_line};

/// The line for `new`, already in `log`'s Unreleased (as HEAD, `head`, stores `path`); `None`
/// when it is not there, or when the commit's own change to the file added it (a person wrote
/// it by hand in the same commit). Asked only once nothing is to be added.
pub(super) fn already_there(
    repo: &Repo,
    head: Oid,
    path: &Path,
    log: &Changelog,
    new: &NewEntry,
) -> Option<String> {
    let key = normalize(&new.text);
    let there = log
        .unreleased_entries()
        .into_iter()
        .find(|e| normalize(&e.text) == key)?;
    if repo.changes_path(head, path)
        && crate::history::sync::added_by(repo, head, path)
            .iter()
            .any(|a| normalize(a) == key)
    {
        return None;
    }
    let under = if there.section.is_empty() {
        String::new()
    } else {
        format!(" under {}", there.section)
    };
    Some(format!(
        "no entry added: `- {}` is already{under} in {}'s Unreleased (line {}); if this commit is a separate change, write its own entry there by hand",
        one_line(&new.text),
        path.display(),
        there.line
    ))
}
