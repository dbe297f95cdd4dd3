//! A branch with no history in common with the branches that keep the changelog (`git switch
//! --orphan gh-pages`: a web site, generated docs): the first entry there would start a second
//! changelog of the project on a branch that is no version of it. Told from a brand-new
//! repository's first commits (no branch keeps the file yet, which still get one) and from a
//! branch forked before the changelog was made (history in common, which gets one too).

use std::path::Path;

use git2::Oid;

use crate::git::Repo;

/// Why the commit at `head` gets no new changelog at `path`: the branches that keep it
/// share no history with it. Asked only where `head` lacks the file; one walk of `head`'s
/// history with theirs hidden, the likely ones first.
pub(super) fn unrelated_to_keepers(repo: &Repo, head: Oid, path: &Path) -> Option<String> {
    let own = repo.head_ref_name().ok();
    let keepers: Vec<(String, Oid)> = (repo.branches_at("heads/*").into_iter())
        .chain(repo.branches_at("remotes/*"))
        .filter(|(name, tip)| {
            own.as_deref() != Some(&format!("refs/{name}")) && repo.blob_at(*tip, path).is_some()
        })
        .collect();
    if keepers.is_empty() {
        return None;
    }
    // One walk for all of them, the local branches and HEAD's upstream first (the branch
    // was made from one of those, mostly): unreadable history is taken as shared.
    let upstream = repo
        .head_upstream()
        .map(|(name, _)| format!("remotes/{name}"));
    let (likely, others): (Vec<_>, Vec<_>) = keepers
        .iter()
        .partition(|(name, _)| name.starts_with("heads/") || upstream.as_ref() == Some(name));
    let tips = |of: &[&(String, Oid)]| of.iter().map(|(_, tip)| *tip).collect::<Vec<_>>();
    if (repo.shares_history(head, &tips(&likely), &tips(&others))).unwrap_or(true) {
        return None;
    }
    let branch = |name: &str| {
        let short = (name.strip_prefix("heads/"))
            .or_else(|| name.strip_prefix("remotes/"))
            .unwrap_or(name)
            .to_owned();
        crate::printable::visible(&short)
    };
    let here = own
        .as_deref()
        .and_then(|r| r.strip_prefix("refs/heads/"))
        .map_or("this branch".to_owned(), |b| {
            format!("branch `{}`", crate::printable::visible(b))
        });
    Some(format!(
        "no changelog made: {here} shares no history with `{}`, which keeps {} (an orphan branch, such as gh-pages, is no version of the project); if it is a project of its own, `relhook init` makes its changelog",
        branch(&keepers[0].0),
        path.display()
    ))
}
