//! `relhook doctor`'s version-file row: a version file every release and hand tag would
//! refuse to write, said before the release is the first command to say it.

use crate::Error;
use crate::hooks::doctor::{Check, Status};

/// A file a release must write and cannot: a `[version] files` entry that does not exist, or
/// a version file relhook found by itself that says neither the current version nor one it
/// may bump (semantic-release's `0.0.0-development` beside release tags). Every release and
/// hand tag is refused, so the first command that says so should not be the release.
pub(super) fn unwritable_release_file(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
) -> Option<Check> {
    let root = repo.work_tree()?;
    let refusal = match crate::release::check_listed_exist(config, &root) {
        Err(Error::Refused(r)) => r,
        _ => {
            // As the next patch release would judge the files: the level does not change
            // which version they must say. With an unfinished release tag on HEAD (made by
            // hand, its release commit interrupted), as its `--resume` judges them.
            let (current, _) = crate::release::current_version(repo, config, &root).ok()?;
            repo.head()?;
            let unfinished = crate::tag::hand::unfinished(repo, config).is_some();
            let next = if unfinished {
                current
            } else if current.pre.is_empty() {
                semver::Version::new(current.major, current.minor, current.patch + 1)
            } else {
                semver::Version::new(current.major, current.minor, current.patch)
            };
            match crate::release::check_detected_files(repo, config, &root, &next) {
                Err(Error::Refused(r)) => r,
                _ => return None,
            }
        }
    };
    Some(Check {
        subject: "version files".into(),
        status: Status::Invalid,
        detail: format!("{}: releases and hand tags are refused", refusal.what),
        fix: refusal.fix,
    })
}
