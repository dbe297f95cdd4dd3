//! `git push --mirror` deletes the remote's refs this clone lacks, and gives pre-push no line
//! for them (`--prune` does). For such a push relhook asks the remote for its tags, and each
//! one this clone lacks is judged as the deletion it is: a release tag deleted that way is
//! refused as `git push --delete` of it is.

use git2::Oid;

use super::Update;
use super::asked::Asked;
use crate::Result;
use crate::git::Repo;

/// `updates` with the tag deletions a mirror push makes unsaid; unchanged for any other push.
/// `asked` asks the remote git passed the hook (its answer serves the other checks too).
pub fn with_unsaid_deletions(
    repo: &Repo,
    asked: &Asked<'_>,
    mut updates: Vec<Update>,
) -> Result<Vec<Update>> {
    if !mirrors(repo, asked.shown()) {
        return Ok(updates);
    }
    for (name, id) in asked.tags_or_error()? {
        let said = updates.iter().any(|u| u.remote_ref == name);
        if said || repo.ref_target(&name).is_some() {
            continue;
        }
        updates.push(Update {
            local_ref: "(delete)".into(),
            local: Oid::zero(),
            remote_ref: name,
            remote: id,
        });
    }
    Ok(updates)
}

/// Whether this push mirrors: the remote is configured so, or the git command says
/// `--mirror` (read where the platform shows it, see `tag::hand::git_arguments`).
fn mirrors(repo: &Repo, remote: &str) -> bool {
    repo.remote_mirrors(remote)
        || crate::tag::hand::git_arguments().is_some_and(|(sub, args)| {
            sub == "push"
                && args
                    .iter()
                    .take_while(|a| a.as_str() != "--")
                    .any(|a| a == "--mirror")
        })
}
