//! A partial clone (`git clone --filter=blob:none`): the blobs pre-push's checks read that
//! it has not fetched (changelogs, version files, a package tag's `.relconfig.toml`), fetched in one `git fetch` before they are read, where git would fetch
//! each alone (a connection each). Nothing in a full clone.

use git2::Oid;
use std::collections::HashSet;

use super::{Update, peel, release_configs};
use crate::config::Config;
use crate::git::Repo;

/// In a partial clone, the changelogs the release tags' checks read (at each pushed tag's
/// commit, and at each release tag's on a commit the push sends, which may stay behind, and
/// at the first parent of each), fetched in one go, with the version files the checks compare
/// with each tag's version and, in a monorepo, the `.relconfig.toml` that tells where a
/// package tag's package was then (`tag::config_at`).
pub(super) fn changelogs(repo: &Repo, config: &Config, updates: &[Update], new: &HashSet<Oid>) {
    if !repo.is_partial_clone() {
        return;
    }
    let configs = release_configs(repo, config);
    let mut commits: Vec<Oid> = (updates.iter())
        .filter(|u| !u.is_delete() && u.tag_name().is_some())
        .filter_map(|u| peel(repo, u.local))
        .collect();
    for c in &configs {
        let tags = repo.release_tag_candidates(&c.version.tag_prefix);
        commits.extend(
            tags.into_iter()
                .map(|t| t.commit)
                .filter(|c| new.contains(c)),
        );
    }
    crate::release::prefetched::release_files(repo, config, &configs, commits, &|| {
        "the changelogs and version files at the release tags pushed".into()
    });
}
