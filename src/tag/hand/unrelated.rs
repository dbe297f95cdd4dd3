//! A hand tag on a branch that shares no history with the project's releases: an orphan
//! branch (`git switch --orphan`), or the unborn branch a clone is left on when the remote's
//! HEAD names a branch that does not exist, where the first commit starts a history of its
//! own. A release of it would build on no release: a changelog started over, its section
//! listing that branch's commits as if nothing had been released.

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;

/// Why tag `tag` on `commit` makes no release: release tags of the project exist and the
/// commit shares no history with any of them; with the branch to tag instead. `None` when
/// the commit reaches a release tag (the usual case, a lookup `complete` makes anyway), or
/// there is none yet.
pub(super) fn unrelated(repo: &Repo, config: &Config, commit: Oid, tag: &str) -> Option<String> {
    let prefix = &config.version.tag_prefix;
    if repo
        .latest_release_tag_except(commit, prefix, Some(tag))
        .is_some()
    {
        return None;
    }
    let mut tags: Vec<_> = (repo.release_tag_candidates(prefix).into_iter())
        .filter(|t| t.name != tag && t.commit != commit)
        .collect();
    tags.sort_by(|a, b| b.version.cmp_precedence(&a.version));
    let latest = tags.first()?;
    let tips: Vec<Oid> = tags.iter().map(|t| t.commit).collect();
    // Unreadable history is taken as shared: the checks after this one read it.
    if repo.shares_history(commit, &tips, &[]).unwrap_or(true) {
        return None;
    }
    let here = match repo.branch() {
        Some(b) => format!("branch `{}`", crate::printable::visible(&b)),
        None => "this commit".to_owned(),
    };
    let way = match home(repo, latest.commit) {
        Some(b) => format!("`{}` and tag there", repo.switch_command(&b)),
        None => "switch to the branch the releases are made on and tag there".to_owned(),
    };
    Some(format!(
        "{here} shares no history with {} (the latest release), so its release would start the changelog over (an orphan branch; a clone whose remote HEAD names a missing branch starts one); {way}",
        crate::printable::visible(&latest.name)
    ))
}

/// The branch that holds `release`: a local one first, else a remote-tracking one by the name
/// `git switch` makes a local branch of (`origin/main`: `main`).
fn home(repo: &Repo, release: Oid) -> Option<String> {
    let holds = |(_, tip): &(String, Oid)| repo.reaches(*tip, release);
    if let Some((name, _)) = repo.branches_at("heads/*").into_iter().find(holds) {
        return name.strip_prefix("heads/").map(str::to_owned);
    }
    let (name, _) = (repo.branches_at("remotes/*").into_iter())
        .filter(|(name, _)| !name.ends_with("/HEAD"))
        .find(holds)?;
    let short = name.strip_prefix("remotes/")?.split_once('/')?.1;
    (!repo.has_local_branch(short)).then(|| short.to_owned())
}
