//! The commands a hand tag's refusal names: the `relhook release` that makes the release, and
//! the branch of its own that a release of a commit other than a branch's tip takes.

use git2::Oid;
use semver::Version;

use crate::config::Config;

/// The commands that release `commit` (HEAD when `None`) on a new branch, and the merge that
/// brings the release back (its entries then leave the branch's Unreleased section).
pub(super) fn own_branch(config: &Config, version: &Version, commit: Option<Oid>) -> String {
    let branch = format!("release-{version}");
    let at = commit.map_or(String::new(), |c| format!(" {}", crate::git::short_id(c)));
    format!(
        "`git switch -c {branch}{at}`, then `{} --allow-branch`, then merge {branch} into the release branch",
        release_command(config, version)
    )
}

/// `relhook release` of `version`, for the package the config is a view of.
pub(super) fn release_command(config: &Config, version: &Version) -> String {
    match &config.package {
        Some(p) => format!("relhook release --package {} {version}", p.name),
        None => format!("relhook release {version}"),
    }
}
