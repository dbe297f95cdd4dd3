//! A branch whose changelog, as pushed, holds unresolved conflict markers (a merge committed
//! with `<<<<<<<` still in it): refused, since every entry after it and the next release would
//! be written into the conflict, and published, every clone gets it.

use std::collections::HashMap;

use git2::Oid;

use super::half::{header, push_again, sends_branch_history};
use super::{Kind, Refusal, Update, peel};
use crate::config::Config;
use crate::git::Repo;

/// The refusal for `u` when the branch it pushes brings a changelog with conflict markers.
/// Costs one tree look-up per changelog, and a blob read only when the push changes the file.
pub(super) fn conflicted(
    repo: &Repo,
    configs: &[Config],
    remote: &str,
    u: &Update,
    seen: &HashMap<Oid, Option<usize>>,
) -> Option<Refusal> {
    if !sends_branch_history(u, seen) {
        return None;
    }
    let tip = peel(repo, u.local)?;
    let before = (!u.remote.is_zero())
        .then(|| peel(repo, u.remote))
        .flatten();
    let problems: Vec<String> = configs
        .iter()
        .map(|c| c.changelog.path.as_path())
        .filter_map(|path| {
            let blob = repo.blob_at(tip, path)?;
            // The remote has this very file: not this push's doing.
            if before.and_then(|b| repo.blob_at(b, path)) == Some(blob) {
                return None;
            }
            let text = repo.blob_bytes(blob)?;
            let line =
                crate::history::changelog::conflict_markers(&String::from_utf8_lossy(&text))?;
            Some(format!(
                "{}:{line} has unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`): pushed now, every clone gets the conflict, and each later entry and release is written into it",
                path.display()
            ))
        })
        .collect();
    if problems.is_empty() {
        return None;
    }
    Some(Refusal {
        kind: Kind::ConflictedChangelog,
        refs: vec![u.remote_ref.clone()],
        commit: Some(tip),
        subject: header(repo, tip),
        problems,
        fix: format!(
            "resolve them (keep both sides' entries) and commit, then {}",
            push_again(remote, u)
        ),
    })
}
