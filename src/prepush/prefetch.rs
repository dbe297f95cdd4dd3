//! A partial clone (`git clone --filter=blob:none`): the blobs pre-push's checks read that
//! it has not fetched (changelogs, version files, a package tag's `.relconfig.toml`), fetched in one `git fetch` before they are read, where git would fetch
//! each alone (a connection each). Nothing in a full clone.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use git2::Oid;

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
    // The checks compare each with its first parent's (what the release commit wrote).
    let parents: Vec<Oid> = commits
        .iter()
        .filter_map(|c| repo.first_parent(*c))
        .collect();
    commits.extend(parents);
    commits.sort();
    commits.dedup();
    let mut paths: Vec<PathBuf> = configs.iter().map(|c| c.changelog.path.clone()).collect();
    if let Some(root) = repo.work_tree() {
        for c in &configs {
            paths.extend(
                crate::release::version_files(c, &root)
                    .into_iter()
                    .map(|f| f.path),
            );
        }
    }
    if !config.packages.is_empty() {
        paths.push(PathBuf::from(crate::config::FILE_NAME));
    }
    paths.sort();
    paths.dedup();
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    repo.prefetch_files(&commits, &paths, &|| {
        "the changelogs and version files at the release tags pushed".into()
    });
}
