//! git's `Revert "Merge branch …"` (`git revert -m 1 <merge>`) of an unreleased merge, named
//! by the id git printed when the merge was concluded after a changelog conflict: post-commit
//! then rewrote that merge (`merged`: the entries the resolution dropped went back in), so the
//! named commit is not in history and its changelog lacked those entries. git's revert takes
//! out what the named commit changed, which leaves the entries in Unreleased though the branch
//! that brought them is reverted before any release. They leave here, as git's revert takes a
//! merge's entries out in any other case; `--sync` and `--rebuild` read the merge that history
//! has alike (`reverts::in_history`). A released merge's revert gets its `revert "…"` entry
//! through the same reading, as any other.

use git2::Oid;

use super::Accumulated;
use super::op::Op;
use super::reapplied::branch_edit;
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::{Changelog, one_line};
use crate::history::reverts;

/// post-commit for `head`, when it reverts such a merge; `None` for any other commit.
pub(super) fn rewritten_merge_reverted(
    repo: &Repo,
    config: &Config,
    head: Oid,
) -> Result<Option<Accumulated>> {
    let Some(named) = repo
        .commit_text(head)
        .and_then(|message| reverts::merge_revert(head, &message))
    else {
        return Ok(None);
    };
    let m = reverts::in_history(repo, named);
    // In a monorepo, released by the repository's tags or any package's.
    if reverts::released_anywhere(repo, head, m.merge, config) {
        return Ok(None);
    }
    if m.merge == named.merge {
        return taken_out(repo, config, head, &m);
    }
    let entries = reverts::every_branch_entry(repo, &m, config)?;
    let Some(first) = entries.first() else {
        return Ok(None);
    };
    let calls = format!(
        "this commit reverts the unreleased merge {} (git's id for it was {}), whose `- {}` stays in Unreleased",
        crate::git::short_id(m.merge),
        crate::git::short_id(named.merge),
        crate::history::changelog::one_line(&first.text)
    );
    let said = ("no entry taken out of", &calls[..], "takes it out");
    branch_edit(repo, config, (head, &m), said, |log| {
        let present: Vec<_> = entries
            .into_iter()
            .filter(|e| log.contains_entry(&e.text, true))
            .collect();
        (!present.is_empty()).then_some(Op::Unmerge(present))
    })
}

/// The usual case, the merge as history has it: git's revert took the branch's entries out
/// of the changelog itself, and relhook does nothing, so that is said (a commit with no entry
/// of its own is otherwise passed over in silence). `None` when no entry left with it.
fn taken_out(
    repo: &Repo,
    config: &Config,
    head: Oid,
    m: &reverts::MergeRevert,
) -> Result<Option<Accumulated>> {
    let entries = reverts::every_branch_entry(repo, m, config)?;
    let Some(parent) = repo.first_parent(head) else {
        return Ok(None);
    };
    let read = |at: Oid, path: &std::path::Path| -> Option<Changelog> {
        let file = repo.file_at(at, path).ok()??;
        Changelog::parse(std::str::from_utf8(&file.bytes).ok()?).ok()
    };
    let mut files = Vec::new();
    let mut gone = Vec::new();
    for path in reverts::branch_changelogs(repo, m, config)? {
        let (Some(before), after) = (read(parent, &path), read(head, &path)) else {
            continue;
        };
        let left: Vec<_> = entries
            .iter()
            .filter(|e| before.contains_entry(&e.text, true))
            .filter(|e| {
                !after
                    .as_ref()
                    .is_some_and(|a| a.contains_entry(&e.text, true))
            })
            .filter(|e| !gone.contains(*e))
            .collect();
        if !left.is_empty() {
            files.push(path.display().to_string());
            gone.extend(left.into_iter().cloned());
        }
    }
    let Some(first) = gone.first() else {
        return Ok(None);
    };
    let more = match gone.len() {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    Ok(Some(Accumulated::Notice(format!(
        "no entry added: this commit reverts the unreleased merge {}, and git's revert took its entries out of {} (`- {}`{more}), so none of them ships",
        crate::git::short_id(m.merge),
        files.join(", "),
        one_line(&first.text)
    ))))
}
