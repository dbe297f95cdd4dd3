//! Release tags: the rules a release tag must meet (`rules`), shared by a tag made by hand
//! and by pre-push, and the tag made by hand with `git tag -a` (`hand`), finished through the
//! reference-transaction hook with the same rewrite as `relhook release`.

pub mod hand;
pub mod rules;

use std::path::Path;

use crate::config::Config;

/// The configuration that judges release tag `name`: in a monorepo, the view of the package
/// whose tag prefix it carries (`api-v1.3.0`: package `api`; the longest prefix wins), whose
/// changelog, version files, tags and tests are the package's; else the repository's own when
/// the name looks like one of its release tags. `None`: not a release tag (or a package whose
/// directory cannot be used, which every command that reads it reports).
pub fn config_for(config: &Config, root: &Path, name: &str) -> Option<Config> {
    let package = config
        .packages
        .iter()
        .filter(|p| {
            name.strip_prefix(p.tag.prefix())
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .max_by_key(|p| p.tag.prefix().len());
    match package {
        Some(p) => crate::history::packages::view(config, &p.name, root).ok(),
        None => rules::is_release_like(config, name).then(|| config.clone()),
    }
}
