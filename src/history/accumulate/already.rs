//! A plain commit whose entry is already in Unreleased (`git commit -C <a feat>`, a second
//! `fix: typo` in one cycle): no entry is added, and one line says where it already is;
//! nothing is said when the commit wrote that entry itself.

use std::path::Path;

use git2::Oid;

use crate::git::Repo;
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, cliff_authored, normalize, one_line};

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
        .find(|e| normalize(&e.text) == key || cliff_authored(&e.text, &new.text))?;
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
    // Quoted as the file has it (git-cliff's `* *(api)* x`), not as relhook would write it.
    let at = format!(
        "no entry added: `{} {}` is already{under} in {}'s Unreleased (line {})",
        log.marker(),
        one_line(&there.text),
        path.display(),
        there.line
    );
    // A `revert: w` of `feat: w` names neither the commit nor its header: it reverts nothing
    // relhook can tell, so the entry stays, which the usual advice would not make plain.
    let header = repo
        .commit_text(head)
        .map(|m| m.lines().next().unwrap_or("").to_owned());
    if header.is_some_and(|h| crate::commit::parse::is_revert_header(&h)) {
        return Some(format!(
            "{at}, and stays: this revert names no commit it reverts; to take both out, amend it to name one (`revert: <its header>`, or a `Refs: <its id>` footer)"
        ));
    }
    Some(format!(
        "{at}; if this commit is a separate change, write its own entry there by hand"
    ))
}
