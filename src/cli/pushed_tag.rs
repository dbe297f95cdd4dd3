//! The release tag a remote is known to have, for `relhook check`'s count of published
//! commits where no remote-tracking branch says what the remote holds: the tag a CI tag
//! pipeline runs for, or the release tag a clone of a tag (`git clone --branch v1.2.0`, which
//! makes no remote-tracking branch and leaves HEAD detached) checked out.

use git2::Oid;

use crate::ci::CiEnv;
use crate::config::Config;
use crate::git::Repo;

/// The tag and its commit: the commits under it are published, never to reword.
pub(super) fn pushed_release_tag(
    repo: &Repo,
    config: &Config,
    env: Option<&CiEnv>,
) -> Option<(String, Oid)> {
    let head = repo.head()?;
    // A tag pipeline runs for a pushed tag, at HEAD (`ci::verify_head` saw to that).
    if let Some(tag) = env.and_then(CiEnv::pipeline_tag) {
        let commit = repo
            .ref_target(&format!("refs/tags/{tag}"))
            .and_then(|t| repo.peel_to_commit(t))
            .unwrap_or(head);
        return Some((tag.to_owned(), commit));
    }
    // A fresh repository's remote has nothing yet either: only a detached checkout of a
    // clone without branches is one of a tag that came from the remote.
    let branchless = repo.remote_tracking_commits("*").is_empty();
    let detached = repo.head_ref_name().is_ok_and(|r| r == "HEAD");
    if !branchless || !detached || repo.remote_names().is_empty() {
        return None;
    }
    repo.latest_release_tag(head, &config.version.tag_prefix)
}
