//! The release commit a commit was just made on, when its tag is missing (a release killed
//! during its tests, say): post-commit says so at the first commit above it, not first at the
//! next release or push, while `relhook release --resume` is still the way on. One commit is
//! read when the parent is no release commit: post-commit runs on every commit.

use git2::Oid;

use super::HalfMade;
use crate::config::Config;
use crate::git::Repo;

/// The interrupted release whose release commit is `head`'s first parent.
pub fn half_made_under(repo: &Repo, config: &Config, head: Oid) -> Option<HalfMade> {
    // A monorepo's release commits name several tags (see `packages::half_made`).
    if config.package.is_some() || !config.packages.is_empty() {
        return None;
    }
    let parent = repo.first_parent(head)?;
    let message = repo.commit_text(parent)?;
    let version = super::resume::version_in_message(&config.release.commit_message, &message)?;
    let tag = format!("{}{version}", config.version.tag_prefix);
    if repo.tag_target(&tag).is_some() {
        return None;
    }
    super::resume::half_made_from(repo, config, head).filter(|h| h.commit == parent)
}
