//! The commands a hand tag's refusal names: the `relhook release` that makes the release, and
//! the branch of its own that a release of a commit other than a branch's tip takes.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;

/// A tag placed on HEAD as git first made it (the id `git commit` printed), which post-commit
/// replaced to add its changelog entry: the way on is tagging HEAD, not a branch of the old
/// copy (its commit would be in history twice). `None` for any other commit.
pub(super) fn replaced_head(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    tag: &str,
) -> Option<String> {
    let head = repo.head()?;
    repo.replaced_versions(head, 8)
        .iter()
        .any(|(c, _)| *c == commit)
        .then(|| {
            format!(
                "{} is HEAD as git first made it, before relhook added its changelog entry (the commit is now {}, which `git commit` did not print): tag HEAD instead: `{}`",
                crate::git::short_id(commit),
                crate::git::short_id(head),
                config.hand_tag_command(tag)
            )
        })
}

/// The way on for a hand tag on a detached HEAD: the release branch whose tip HEAD is (a
/// `git checkout --detach`, a CI checkout), as `relhook release` names it, so that the tag
/// made again there is the same commit's; else a branch of its own (HEAD's commits are on no
/// release branch's tip, and switching would tag another commit).
pub(super) fn detached(repo: &Repo, config: &Config, version: &Version) -> String {
    let head = repo.head();
    let tip = crate::release::release_branches(repo, config)
        .into_iter()
        .filter(|b| !b.contains('*'))
        .find(|b| head.is_some() && repo.ref_target(&format!("refs/heads/{b}")) == head);
    match tip {
        Some(b) => format!("`git switch {b}` (its tip is HEAD's commit), then tag again"),
        None => format!(
            "release this commit on a branch of its own: {}",
            own_branch(config, version, None)
        ),
    }
}

/// The commands that release `commit` (HEAD when `None`) on a new branch, and the merge that
/// brings the release back (its entries then leave the branch's Unreleased section).
pub(super) fn own_branch(config: &Config, version: &Version, commit: Option<Oid>) -> String {
    let branch = format!("release-{version}");
    let at = commit.map_or(String::new(), |c| format!(" {}", crate::git::short_id(c)));
    format!(
        "`git switch -c {branch}{at}`, then `{}`, then merge {branch} into the release branch",
        release_command_with(config, version, "--allow-branch")
    )
}

/// `relhook release` of `version`, for the package the config is a view of (with the
/// `--config FILE` and the release flags given, [`Config::release_command`]).
pub(super) fn release_command(config: &Config, version: &Version) -> String {
    format!("{} {version}", config.release_command())
}

/// [`release_command`] with `flag` too, once: given already, a second one is refused.
pub(super) fn release_command_with(config: &Config, version: &Version, flag: &str) -> String {
    format!("{} {version}", config.release_command_with(flag))
}
