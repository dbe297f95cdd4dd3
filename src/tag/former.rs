//! A package's tags in a form the configuration no longer gives them: the package taken out
//! of .relconfig.toml, or renamed (its `{name}-v` prefix with it) since they were made.
//! Recognised from the configuration stored at a commit of that form, so that such a tag is
//! said as the package's, never taken for a slip of the repository's own `tag_prefix`.

use git2::Oid;

use super::package_of;
use crate::config::{Config, Package, toml_text};
use crate::git::Repo;

/// The package of the configuration stored at `commit` whose tag prefix `name` carries, when
/// the configuration here has no package of that tag form.
pub fn former_package(repo: &Repo, config: &Config, name: &str, commit: Oid) -> Option<Package> {
    if package_of(config, name).is_some() {
        return None;
    }
    let file = std::path::Path::new(crate::config::FILE_NAME);
    let stored = repo.file_at(commit, file).ok()??;
    let then = Config::parse(file, &String::from_utf8(stored.bytes).ok()?).ok()?;
    package_of(&then, name).cloned()
}

/// The package here that a [`former_package`] became: the one of its name, else the one with
/// its folder (renamed in .relconfig.toml).
pub fn successor<'c>(config: &'c Config, former: &Package) -> Option<&'c Package> {
    let named = config.packages.iter().find(|p| p.name == former.name);
    named.or_else(|| config.packages.iter().find(|p| p.path == former.path))
}

/// What is said of new tag `name` (`<prefix><version>`, on `target`) in a former package's
/// form, found at `target` or at the greatest tag of that form below it, refused: it makes
/// no release of the package (renamed: its tags are named otherwise; removed: there is none)
/// and names no release of the repository.
pub(super) fn former_form(
    repo: &Repo,
    config: &Config,
    name: &str,
    prefix: &str,
    version: &semver::Version,
    target: Oid,
) -> Option<Result<String, String>> {
    let commit = repo.peel_to_commit(target)?;
    let below = repo.latest_release_tag_except(commit, prefix, Some(name));
    let former = std::iter::once(commit)
        .chain(below.map(|(_, c)| c))
        .find_map(|c| former_package(repo, config, name, c))?;
    let Some(now) = successor(config, &former) else {
        return Some(Err(format!(
            "{name} is in the tag form of package {}, which .relconfig.toml no longer has, so it makes no release; to release the package, put its {} table back",
            former.name,
            toml_text::package_table(&former.name)
        )));
    };
    let own = now.tag.format(version);
    Some(Err(format!(
        "{name} is in the former tag form of package {} (`{}`), which is {} here now, whose release tags are named `{}`, so {name} makes no release of it; tag `{}`, or set `tag = {}` in {} in .relconfig.toml to keep the former names",
        former.name,
        former.tag.template(),
        now.name,
        now.tag.template(),
        config.hand_tag_command(&own),
        toml_text::string(&former.tag.template()),
        toml_text::package_table(&now.name),
    )))
}
