//! Release tags: the rules a release tag must meet (`rules`), shared by a tag made by hand
//! and by pre-push, and the tag made by hand with `git tag -a` (`hand`), finished through the
//! reference-transaction hook with the same rewrite as `relhook release`; `later`: a release
//! tag above its release commit, which would release what came after it.

mod channel;
mod digits;
pub mod failed;
mod former;
pub mod hand;
mod instead;
pub mod later;
mod lightweight;
pub mod nothing_since;
pub mod rules;
mod slip;
mod zeros;

use std::path::Path;

use git2::Oid;

use crate::config::{Config, Package};
use crate::git::Repo;

pub use channel::{
    PAST_THE_HOOK as CHANNEL_PAST_THE_HOOK, is_refusal as is_channel_refusal,
    judging_elsewhere as channel_judging_elsewhere, note as channel_note,
    stable_elsewhere as channel_stable_elsewhere, stable_there_for as channel_stable_there,
};
pub use former::{former_package, successor};

/// The configuration that judges release tag `name`: in a monorepo, the view of the package
/// whose tag prefix it carries (`api-v1.3.0`: package `api`; the longest prefix wins), whose
/// changelog, version files, tags and tests are the package's; else the repository's own when
/// the name looks like one of its release tags. `None`: not a release tag (or a package whose
/// directory cannot be used, which every command that reads it reports).
pub fn config_for(config: &Config, root: &Path, name: &str) -> Option<Config> {
    match package_of(config, name) {
        Some(p) => crate::history::packages::view(config, &p.name, root).ok(),
        None => rules::is_release_like(config, name).then(|| config.clone()),
    }
}

/// [`config_for`] for a tag on `commit`, with its package as that commit has it: when the
/// configuration stored at `commit` puts the package elsewhere (its directory moved since),
/// the changelog, version files and test record are looked up where the package was then, so
/// that a release made before a move is judged by what it released.
pub fn config_at(
    repo: &Repo,
    config: &Config,
    root: &Path,
    name: &str,
    commit: Oid,
) -> Option<Config> {
    let Some(package) = package_of(config, name) else {
        return config_for(config, root, name);
    };
    match package_then(repo, config, commit, &package.name) {
        Some(then) if then.path != package.path || then.changelog != package.changelog => {
            crate::history::packages::view_as_then(config, &package.name, root, &then).ok()
        }
        _ => config_for(config, root, name),
    }
}

/// The package whose tag prefix `name` carries (the longest prefix wins).
pub fn package_of<'c>(config: &'c Config, name: &str) -> Option<&'c Package> {
    config
        .packages
        .iter()
        .filter(|p| {
            name.strip_prefix(p.tag.prefix()).is_some_and(|rest| {
                rest.starts_with(char::is_numeric)
                    && !(config.version.floating_tags && rules::floating(rest))
            })
        })
        .max_by_key(|p| p.tag.prefix().len())
}

/// Package `name` (of `config`) as the configuration stored at `commit` defines it, if it
/// does: the table of its name, or the one it was before a rename (with its folder or not).
pub fn package_then(repo: &Repo, config: &Config, commit: Oid, name: &str) -> Option<Package> {
    let then = crate::history::packages::then::stored(repo, commit)?;
    crate::history::packages::lineage::same_package(repo, &then, config, name).cloned()
}
