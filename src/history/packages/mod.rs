//! Monorepos: which packages a commit belongs to, and the configuration as one package sees it.
//!
//! The API, for every command that works per package:
//!
//! - [`Config::packages`](crate::config::Config::packages): the `[packages.<name>]` tables as
//!   [`Package`] (name, `path`, `changelog`, `tag` as a [`TagTemplate`](crate::config::TagTemplate)
//!   with `format(&Version)`, `parse(tag)` and `prefix()`, `scopes`, `test`), name order.
//! - [`find`]: a package by name (the error lists the names there are).
//! - [`view`]: the [`Config`] of one package: `changelog.path` is its changelog,
//!   `version.tag_prefix` its tag prefix, `version.files` its own manifests (detected in its
//!   directory, paths from the top of the work tree), `checks.test` its test (else the root's),
//!   and `package` is set. Handed to any history function (`sync::plan_sync`, `sync::rebuild`,
//!   `release::version_info`, `release`...), it reads that package's commits only (through
//!   [`counts`]), its tags and its changelog. The directory is checked to stay inside the work
//!   tree, symbolic links resolved, before anything is read.
//! - The repository's own configuration (no view) reads, when there are packages, only the
//!   commits that belong to no package: the root changelog and version are the shared files'.
//! - [`counts`]: whether a commit of a walk counts for a configuration (a view or not). Every
//!   walk of history that turns commits into entries or versions asks it.
//! - [`attribute`]: the packages one commit belongs to, from one tree-to-tree diff against its
//!   first parent (cost: the size of the change, whatever the number of packages); for the
//!   post-commit hook and anything else that looks at one commit for all packages.
//! - [`parse_tag`]: the package and version a tag names (`api-v1.2.0` → `api`, 1.2.0).
//!
//! A commit belongs to a package when it changes a file under the package's `path`, or when
//! its scope is one of the package's `scopes`. A commit that belongs to no package is the
//! repository's own ("root"). Merges belong to nothing (they get no entry).

pub mod detect;

use std::collections::HashMap;
use std::path::Path;

use git2::Oid;

use crate::config::{Config, Package};
use crate::git::Repo;
use crate::{Error, Result};

/// The package called `name`.
pub fn find<'c>(config: &'c Config, name: &str) -> Result<&'c Package> {
    if let Some(p) = config.packages.iter().find(|p| p.name == name) {
        return Ok(p);
    }
    let names: Vec<&str> = config.packages.iter().map(|p| p.name.as_str()).collect();
    Err(Error::Usage(if names.is_empty() {
        format!(
            "no package `{name}`: .relconfig.toml has no [packages.<name>] tables (`relhook init` proposes them for a workspace)"
        )
    } else {
        format!(
            "no package `{name}` in .relconfig.toml; the packages are: {}",
            names.join(", ")
        )
    }))
}

/// The configuration as the package `name` sees it (see the module's documentation); `root`
/// is the top of the work tree.
pub fn view(config: &Config, name: &str, root: &Path) -> Result<Config> {
    let package = find(config, name)?;
    confine(package, root)?;
    let mut v = config.clone();
    v.changelog.path = package.changelog.clone();
    v.version.tag_prefix = package.tag.prefix().to_owned();
    v.version.files = Some(version_files(package, root));
    v.version.detect = false;
    if package.test.is_some() {
        v.checks.test = package.test.clone();
    }
    v.package = Some(package.clone());
    Ok(v)
}

/// Refuses a package whose directory is missing or, through a symbolic link, outside the
/// work tree (the error names the configuration line that defines it).
pub fn confine(package: &Package, root: &Path) -> Result<()> {
    let check = |rel: &Path| match crate::fsx::confine_dir(root, rel) {
        Ok(_) => Ok(()),
        Err(Error::UnsafePath { reason, .. }) => Err(package.config_error(format!(
            "package `{}`: `{}` cannot be used: {reason}",
            package.name,
            rel.display()
        ))),
        Err(e) => Err(e),
    };
    check(&package.path)?;
    // The changelog's folder, when it exists, must be inside too (a missing one is made by
    // nobody: post-commit then says why it cannot write there).
    if let Some(folder) = package.changelog.parent().filter(|f| root.join(f).exists()) {
        if !folder.as_os_str().is_empty() {
            check(folder)?;
        }
    }
    Ok(())
}

/// Every package checked with [`confine`].
pub fn confine_all(config: &Config, root: &Path) -> Result<()> {
    config.packages.iter().try_for_each(|p| confine(p, root))
}

/// The package's version files: its manifests, detected in its directory, with paths from the
/// top of the work tree.
pub fn version_files(
    package: &Package,
    root: &Path,
) -> Vec<crate::history::version::files::VersionFile> {
    crate::history::version::files::detect(&root.join(&package.path))
        .into_iter()
        .map(|mut f| {
            f.path = package.path.join(&f.path);
            f
        })
        .collect()
}

/// The scope of a commit message's header, if it has one.
pub fn scope_of(message: &str) -> Option<&str> {
    let header = message.lines().next()?;
    let header = crate::commit::parse::header(header).ok()?;
    header.scope.map(|(s, _)| s)
}

/// Whether the commit belongs to `package`: its scope names one of the package's scopes, or
/// it changes something under the package's directory (its tree there differs from its first
/// parent's: one lookup down the path in each tree, no diff of the rest).
pub fn belongs(repo: &Repo, package: &Package, commit: Oid, message: &str) -> bool {
    names_scope(package, message) || repo.changes_path(commit, &package.path)
}

fn names_scope(package: &Package, message: &str) -> bool {
    !package.scopes.is_empty()
        && scope_of(message).is_some_and(|s| {
            s.split(',')
                .map(str::trim)
                .any(|s| package.scopes.iter().any(|p| p == s))
        })
}

/// Whether a commit counts in a history read with `config`: every commit without packages;
/// the package's commits in a package's [`view`]; the commits of no package otherwise.
pub fn counts(repo: &Repo, config: &Config, commit: Oid, message: &str) -> Result<bool> {
    match &config.package {
        Some(p) => Ok(belongs(repo, p, commit, message)),
        None if config.packages.is_empty() => Ok(true),
        None => Ok(attribute(repo, &config.packages, commit, message)?
            .packages
            .is_empty()),
    }
}

/// Which packages one commit belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution<'c> {
    /// The packages, in configuration (name) order.
    pub packages: Vec<&'c Package>,
    /// Whether it also changes files outside every package (shared files).
    pub outside: bool,
}

/// The packages `commit` belongs to: one tree-to-tree diff against its first parent (unchanged
/// subtrees skipped, no blob read), each changed file mapped to the package whose directory
/// holds it by looking its parent folders up, and the scope matched against `scopes`.
pub fn attribute<'c>(
    repo: &Repo,
    packages: &'c [Package],
    commit: Oid,
    message: &str,
) -> Result<Attribution<'c>> {
    let by_dir: HashMap<&Path, usize> = packages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.path.as_path(), i))
        .collect();
    let mut hit = vec![false; packages.len()];
    let mut outside = false;
    for path in repo.changed_paths(commit, &[])? {
        match path.ancestors().skip(1).find_map(|a| by_dir.get(a)) {
            Some(&i) => hit[i] = true,
            None => outside = true,
        }
    }
    if scope_of(message).is_some() {
        for (i, p) in packages.iter().enumerate() {
            hit[i] = hit[i] || names_scope(p, message);
        }
    }
    Ok(Attribution {
        packages: packages
            .iter()
            .zip(hit)
            .filter(|(_, h)| *h)
            .map(|(p, _)| p)
            .collect(),
        outside,
    })
}

/// The package and version a tag names, if it is one of a package's release tags.
pub fn parse_tag<'c>(packages: &'c [Package], tag: &str) -> Option<(&'c Package, semver::Version)> {
    packages
        .iter()
        .find_map(|p| p.tag.parse(tag).map(|v| (p, v)))
}

#[cfg(test)]
mod tests;
