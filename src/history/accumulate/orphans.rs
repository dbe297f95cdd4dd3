//! A revert whose own merge of the changelog took the reverted commit's bullet out, but not
//! the text a later commit wrote below it (git merges lines, and a paragraph after a blank
//! line is no part of the bullet's): left, that text reads as more of the entry above. It
//! goes too, as relhook's own removals take it (`changelog::carry`), only when it is
//! exactly what continued the reverted entry in the revert's parent.

use std::path::Path;

use git2::Oid;

use super::op::Op;
use crate::git::Repo;
use crate::history::changelog::Changelog;
use crate::history::changelog::entry::NewEntry;

/// The edit that takes out the text `reverted`'s entry left behind in `log` (the revert's
/// copy of the file at `path`); `None` when it left none, or none that is certainly its.
pub(super) fn op(
    repo: &Repo,
    head: Oid,
    path: &Path,
    log: &Changelog,
    reverted: &NewEntry,
) -> Option<Op> {
    let parent = repo.first_parent(head)?;
    let before = repo.file_at(parent, path).ok()??;
    let before = Changelog::parse(std::str::from_utf8(&before.bytes).ok()?).ok()?;
    let (above, lines) = log.orphaned_lines(&before, &reverted.section, &reverted.text)?;
    Some(Op::Orphans(reverted.clone(), above, lines))
}

/// What was done, in one line.
pub(super) fn describe(reverted: &NewEntry, above: &str, marker: char) -> String {
    let line = crate::history::changelog::one_line;
    format!(
        "took out the text below `{marker} {}` that git's revert left when it took that entry out (it read as more of `{marker} {}`): this commit reverts it before any release, so neither ships",
        line(&reverted.text),
        line(above)
    )
}
