//! A partial clone (`--filter=blob:none`, a treeless `--filter=tree:0`): the files the checks
//! of a release read at its tag's commit and at that commit's first parent (what the release
//! commit wrote) — changelogs, version files and, in a monorepo, the `.relconfig.toml` that
//! tells where a package was then — fetched in one go before they are read, where git would
//! fetch each tree and blob alone (a connection to the remote each). Nothing in a full clone.

use std::path::{Path, PathBuf};

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;

/// The configuration of the root project and of each package whose view can be made.
pub fn configs(repo: &Repo, config: &Config) -> Vec<Config> {
    let mut configs = vec![config.clone()];
    if let Some(root) = repo.work_tree() {
        for p in &config.packages {
            if let Ok(view) = crate::history::packages::view(config, &p.name, &root) {
                configs.push(view);
            }
        }
    }
    configs
}

/// In a partial clone, the release files of `configs` at each of `commits` and at the first
/// parent of each, fetched at once (`what` names them for a message).
pub fn release_files(
    repo: &Repo,
    config: &Config,
    configs: &[Config],
    mut commits: Vec<Oid>,
    what: &dyn Fn() -> String,
) {
    if !repo.is_partial_clone() {
        return;
    }
    let parents: Vec<Oid> = (commits.iter())
        .filter_map(|c| repo.first_parent(*c))
        .collect();
    commits.extend(parents);
    commits.sort();
    commits.dedup();
    let mut paths: Vec<PathBuf> = configs.iter().map(|c| c.changelog.path.clone()).collect();
    if let Some(root) = repo.work_tree() {
        for c in configs {
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
    repo.prefetch_files(&commits, &paths, what);
}

/// In a partial clone, the release files at the newest release below HEAD of the root project
/// and of each package (and at its first parent), which `relhook doctor` reads: fetched at once.
pub fn newest_releases(repo: &Repo, config: &Config) {
    if !repo.is_partial_clone() {
        return;
    }
    let Some(head) = repo.head() else {
        return;
    };
    let configs = configs(repo, config);
    let commits: Vec<Oid> = (configs.iter())
        .filter_map(|c| repo.latest_release_tag(head, &c.version.tag_prefix))
        .map(|(_, commit)| commit)
        .collect();
    release_files(repo, config, &configs, commits, &|| {
        "the changelogs and version files at the newest releases".into()
    });
}
