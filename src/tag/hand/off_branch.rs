//! A hand tag on a branch releases are not made from: the way to the release branch, which
//! takes the branch's commits along where the release branch lacks them (a tag there after
//! a plain switch would release without them, or find nothing to release).

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::shellword::quote;

/// What to do instead of tagging `branch` (HEAD, at `head`): the commands to a release branch
/// (`git switch master`, or `cd WORKTREE` where it is checked out), with `git merge BRANCH`
/// after them where that release branch does not hold `head`, and "and tag there".
pub(super) fn tag_there(repo: &Repo, config: &Config, branch: &str, head: Oid) -> String {
    let names = crate::release::release_branches(repo, config);
    // A pattern (`release/*`) is no branch to switch to, nor one that does not exist.
    let Some(home) = names
        .iter()
        .find(|b| !b.contains('*') && repo.has_local_branch(b))
    else {
        return "`git switch <release branch>` and tag there".to_owned();
    };
    let go = repo.switch_command(home);
    let holds = repo
        .local_branch_tip(home)
        .is_some_and(|tip| repo.reaches(tip, head));
    if holds {
        return format!("`{go}` and tag there");
    }
    format!(
        "{home} lacks commits of `{branch}`, so merge them first: `{go} && git merge {}`, then tag there",
        quote(branch)
    )
}
