//! A merge in progress that brings a release: its tag's commit is in MERGE_HEAD's history and
//! not yet HEAD's, while the work tree's changelog already has its section (the merge wrote
//! it). That is no release commit rewritten after tagging: committing the merge holds it, so
//! the way on is finishing the merge, not a version above it.

use git2::Oid;

use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// Whether a merge in progress brings `tagged` (a commit HEAD's history lacks).
pub fn brought_by_merge(repo: &Repo, tagged: Oid) -> bool {
    repo.held_by_any(&repo.merge_heads(), tagged)
}

/// What is said of release tag `tag` on `tagged` while the merge in progress brings it, and
/// the way on (`then`: what to run again once the merge is done).
pub fn finish_merge(tag: &str, tagged: Oid, then: &str) -> (String, String) {
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

/// [`finish_merge`] as the refusal of a release or `version --next`.
pub(super) fn refusal(tag: &str, tagged: Oid, then: &str) -> Refusal {
    let (problem, fix) = finish_merge(tag, tagged, then);
    Refusal::new(Reason::OperationInProgress, problem, fix)
}
