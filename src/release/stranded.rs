//! A release tag whose commit no branch holds, local or remote-tracking: a `git reset --hard`
//! (or a rebase) dropped its release commit. Its version looks taken, though the tag may never
//! have left this clone: deleting it gives the version back.

use git2::Oid;

use crate::git::{ReleaseTag, Repo};

/// Whether `commit` is held by no local or remote-tracking branch.
pub fn on_no_branch(repo: &Repo, commit: Oid) -> bool {
    !repo.held_by_any(&repo.branch_commits(), commit)
}

/// Release tags under `prefix` above every one HEAD holds, whose commits no branch holds:
/// the ones the next release would find taken. Older tags of abandoned lines are left alone.
pub fn above_head(repo: &Repo, prefix: &str) -> Vec<ReleaseTag> {
    let Some(head) = repo.head() else {
        return Vec::new();
    };
    let newest = repo
        .release_tags(head, prefix)
        .ok()
        .and_then(|tags| tags.into_iter().map(|t| t.version).max());
    let mut out: Vec<ReleaseTag> = repo
        .release_tag_candidates(prefix)
        .into_iter()
        .filter(|t| newest.as_ref().is_none_or(|n| t.version > *n))
        .filter(|t| on_no_branch(repo, t.commit))
        .collect();
    out.sort_by(|a, b| a.version.cmp_precedence(&b.version));
    out
}

/// The way on for stranded tag `tag`: deleted, when it cannot have been published (no remote)
/// or was not; `otherwise` when it was.
pub fn fix(repo: &Repo, tag: &str, otherwise: &str) -> String {
    if repo.remote_names().is_empty() {
        format!(
            "this repository has no remote, so {tag} was never published: `git tag -d {tag}`, then release again"
        )
    } else {
        format!(
            "if {tag} was never pushed: `git tag -d {tag}`, then release again; if it was, {otherwise}"
        )
    }
}
