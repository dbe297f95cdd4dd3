//! A merge in progress that brings a release: its tag's commit is in MERGE_HEAD's history and
//! not yet HEAD's, while the work tree's changelog already has its section (the merge wrote
//! it). That is no release commit rewritten after tagging: committing the merge holds it, so
//! the way on is finishing the merge, not a version above it. A staged `git merge --squash`
//! brings the section too, but its commit would never hold the tag (one parent): the way on
//! is a merge in its place, or dropping it.

use git2::Oid;

use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// Whether a merge in progress brings `tagged` (a commit HEAD's history lacks).
fn brought_by_merge(repo: &Repo, tagged: Oid) -> bool {
    repo.held_by_any(&repo.merge_heads(), tagged)
}

/// What is said of release tag `tag` on `tagged` while the merge in progress brings it, and
/// the way on (`then`: what to run again once the merge is done).
fn finish_merge(tag: &str, tagged: Oid, then: &str) -> (String, String) {
    (
        format!(
            "a merge is in progress that brings tag {tag} (on {}), which HEAD's history holds once the merge is committed",
            crate::git::short_id(tagged)
        ),
        format!(
            "finish it (`git merge --continue`) or abort it (`git merge --abort`), then {then}"
        ),
    )
}

/// What is said of release tag `tag` on `tagged` while a merge in progress or a staged squash
/// merge brings it, and the way on (`then`: what to run again after); `None` when neither does.
pub fn way_on(repo: &Repo, tag: &str, tagged: Oid, then: &str) -> Option<(String, String)> {
    if brought_by_merge(repo, tagged) {
        return Some(finish_merge(tag, tagged, then));
    }
    let heads = repo.squash_heads();
    if !repo.held_by_any(&heads, tagged) {
        return None;
    }
    let merge = crate::shellword::quote(&merged_name(repo, heads[0]));
    Some((
        format!(
            "a squash merge is staged (`git merge --squash`: SQUASH_MSG, no MERGE_HEAD) that brings tag {tag} (on {}), which HEAD's history would still not hold once it is committed",
            crate::git::short_id(tagged)
        ),
        format!(
            "merge instead, which keeps the tag in it (`git reset --merge && git merge {merge}`), or drop the squash (`git reset --merge`), then {then}"
        ),
    ))
}

/// The name to merge `tip` (a squashed branch's) by: a local branch at it, else a
/// remote-tracking one, else its id (the branch moved on since the squash).
fn merged_name(repo: &Repo, tip: Oid) -> String {
    ["heads/*", "remotes/*"]
        .iter()
        .flat_map(|glob| repo.branches_at(glob))
        .find(|(_, c)| *c == tip)
        .and_then(|(name, _)| name.split_once('/').map(|(_, n)| n.to_owned()))
        .unwrap_or_else(|| crate::git::short_id(tip))
}

/// [`way_on`] as the refusal of a release or `version --next`.
pub(super) fn refusal(repo: &Repo, tag: &str, tagged: Oid, then: &str) -> Option<Refusal> {
    let (problem, fix) = way_on(repo, tag, tagged, then)?;
    Some(Refusal::new(Reason::OperationInProgress, problem, fix))
}
