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
//!   root project's commits ([`roots`]): those of no package, and those that change files
//!   outside every package besides a package's.
//! - [`Filter`] (or [`counts`] for one commit): whether a commit of a walk counts for a
//!   configuration (a view or not). Every walk of history that turns commits into entries or
//!   versions asks it; one `Filter` per walk keeps the trees that consecutive commits share.
//! - [`attribute`]: the packages one commit belongs to, from its tree and its first parent's
//!   compared along the packages' paths only (`git::PathProbe`: the cost is the depth of the
//!   changed paths, whatever the number of packages); for the post-commit hook and anything
//!   else that looks at one commit for all packages.
//! - [`parse_tag`]: the package and version a tag names (`api-v1.2.0` → `api`, 1.2.0).
//!
//! A commit belongs to a package when it changes a file under the package's `path`, or when
//! its scope is one of the package's `scopes`. In a walk of history ([`Filter`]), the
//! packages are those the configuration stored in the commit has ([`then`]): a package whose
//! directory moved keeps the commits made at the old place (`moved`), and a package's
//! history starts with its table. A commit is the repository's own ("root") when it belongs
//! to no package, or changes files outside every package too ([`roots`] says which files
//! count). Merges belong to nothing (no entry).

pub mod apart;
pub mod detect;
#[cfg(test)]
mod fixtures;
pub mod former;
pub mod lineage;
pub mod lockstep;
mod moved;
pub mod npm_lockstep;
mod passed_over;
pub mod private_root;
pub mod release_plz;
pub mod root_member;
pub mod roots;
pub mod tag_forms;
pub mod then;
pub mod unlisted;

pub use passed_over::{private_npm, sharing_crates, unpublished_crate};

use std::path::{Path, PathBuf};

use git2::Oid;

use crate::config::{Config, Package};
use crate::git::{PathProbe, Repo};
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
    v.version.tag_prefix_set = true;
    v.version.files = Some(version_files(package, root));
    v.version.detect = false;
    if package.test.is_some() {
        v.checks.test = package.test.clone();
    }
    v.package = Some(package.clone());
    Ok(v)
}

/// A package's [`view`] with the package laid out as it was at an earlier commit: `then` is
/// the same package in the configuration stored there (a directory moved since). Its
/// changelog and directory are `then`'s, its version files the same files inside that
/// directory. For judging what was released there; only history is read at the old place.
pub fn view_as_then(config: &Config, name: &str, root: &Path, then: &Package) -> Result<Config> {
    let mut v = view(config, name, root)?;
    let now = find(config, name)?.path.clone();
    v.changelog.path = then.changelog.clone();
    for f in v.version.files.iter_mut().flatten() {
        if let Ok(inside) = f.path.strip_prefix(&now) {
            f.path = then.path.join(inside);
        }
    }
    if let Some(p) = &mut v.package {
        p.path = then.path.clone();
        p.changelog = then.changelog.clone();
    }
    Ok(v)
}

/// Refuses a package whose directory is missing or, through a symbolic link, outside the
/// work tree (the error names the configuration line that defines it).
pub fn confine(package: &Package, root: &Path) -> Result<()> {
    let check = |rel: &Path, changelog: bool| match crate::fsx::confine_dir(root, rel) {
        Ok(_) => Ok(()),
        Err(Error::UnsafePath { reason, .. }) => {
            // A package folder deleted in a commit: say both ways out.
            let fix = if reason.contains("does not exist") {
                format!(
                    "; restore it, or remove the `{}` table from the configuration",
                    crate::config::toml_text::package_table(&package.name)
                )
            } else {
                String::new()
            };
            // The changelog is named as written, at its own line: "its folder" is then the
            // changelog's folder, as the reason says.
            Err(match changelog {
                false => package.config_error(format!(
                    "package `{}`: `{}` cannot be used: {reason}{fix}",
                    package.name,
                    rel.display()
                )),
                true => package.changelog_error(format!(
                    "package `{}`: `{}` cannot be used: {reason}",
                    package.name,
                    package.changelog.display()
                )),
            })
        }
        Err(e) => Err(e),
    };
    check(&package.path, false)?;
    // The changelog's folder, when it exists, must be inside too (a missing one is made by
    // nobody: post-commit then says why it cannot write there).
    if let Some(folder) = package.changelog.parent().filter(|f| root.join(f).exists()) {
        if !folder.as_os_str().is_empty() {
            check(folder, true)?;
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

/// Whether the scope of the commit `message` is one of `package`'s `scopes`.
pub fn names_scope(package: &Package, message: &str) -> bool {
    scope_in(&package.scopes, message)
}

/// Whether the scope of the commit `message` is one of `scopes`.
fn scope_in(scopes: &[String], message: &str) -> bool {
    !scopes.is_empty()
        && scope_of(message).is_some_and(|s| {
            s.split(',')
                .map(str::trim)
                .any(|s| scopes.iter().any(|p| p == s))
        })
}

/// Whether a commit counts in a history read with `config`: the package's commits in a
/// package's [`view`]; the root project's otherwise ([`roots`]), which is every commit made
/// under a configuration without packages (a package removed since keeps its commits, also
/// when none is left today). For a walk, make one [`Filter`] instead: it keeps the trees
/// consecutive commits share.
pub fn counts(repo: &Repo, config: &Config, commit: Oid, message: &str) -> Result<bool> {
    Filter::new(repo, config).counts(commit, message)
}

/// [`counts`] for the commits of one walk. Each commit is read with the packages the
/// configuration stored in it has ([`then`], `moved`): a package's directory is followed
/// across a move, and a package's history starts with its table.
pub struct Filter<'r, 'c> {
    config: &'c Config,
    probe: Option<(PathProbe<'r>, moved::Layouts<'r, 'c>)>,
    /// The root is a project of its own ([`roots::has_code`]), read once for the walk when a
    /// commit first needs it.
    root_code: Option<bool>,
    /// The root project's code folders ([`roots::code_dirs`]).
    code_dirs: Vec<PathBuf>,
    /// The commit a walk read last, with its tree ([`Filter::walked`]).
    walked: Option<(Oid, Oid)>,
    repo: &'r Repo,
}

impl<'r, 'c> Filter<'r, 'c> {
    /// A filter for the history read with `config` (a package's view or not).
    pub fn new(repo: &'r Repo, config: &'c Config) -> Filter<'r, 'c> {
        let packages: Vec<&Package> = match &config.package {
            Some(p) => vec![p],
            None => config.packages.iter().collect(),
        };
        // The root's view probes even without packages today: a package removed since (its
        // folder and its table) had commits of its own, which the configuration committed
        // with them tells.
        let root = config.package.is_none();
        let probe = (root || !packages.is_empty()).then(|| {
            let layouts = moved::Layouts::new(repo, config, packages, config.package.is_none());
            let probe = match config.package {
                Some(_) => repo.path_probe(&layouts.dirs(), false),
                // The root's: whether files outside every package changed decides too.
                None => repo.path_probe_ignoring(
                    &layouts.dirs(),
                    &roots::bookkeeping(config),
                    roots::LOCK_FILES,
                ),
            };
            (probe, layouts)
        });
        Filter {
            config,
            probe,
            root_code: None,
            code_dirs: roots::code_dirs(config),
            walked: None,
            repo,
        }
    }

    /// Notes that a walk read `commit` with tree `tree`: [`Filter::counts`] does not read
    /// the commit again to find its stored configuration.
    pub fn walked(&mut self, commit: Oid, tree: Oid) {
        self.walked = (!tree.is_zero()).then_some((commit, tree));
    }

    /// Whether `commit` (with this message) counts.
    pub fn counts(&mut self, commit: Oid, message: &str) -> Result<bool> {
        let Some((probe, layouts)) = &mut self.probe else {
            return Ok(true);
        };
        let tree = match self.walked {
            Some((walked, tree)) if walked == commit => tree,
            _ => probe.tree_of(commit)?,
        };
        layouts.follow(probe, commit, tree)?;
        let scoped = layouts.names_scope(message);
        match &self.config.package {
            Some(_) => Ok(scoped || !probe.touched(commit)?.dirs.is_empty()),
            // No package then: the root's, as in a repository without packages.
            None if layouts.none() => Ok(true),
            None => {
                let touched = probe.touched(commit)?;
                let root_code = *self
                    .root_code
                    .get_or_insert_with(|| roots::has_code(self.repo));
                let dirs = &self.code_dirs;
                let code = roots::changes_code(self.repo, commit, touched.outside, root_code, dirs);
                Ok(roots::is_roots(scoped, !touched.dirs.is_empty(), code))
            }
        }
    }
}

fn probe_all<'r>(repo: &'r Repo, config: &Config) -> PathProbe<'r> {
    let dirs: Vec<&Path> = config.packages.iter().map(|p| p.path.as_path()).collect();
    repo.path_probe_ignoring(&dirs, &roots::bookkeeping(config), roots::LOCK_FILES)
}

/// Which packages one commit belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution<'c> {
    /// The packages, in configuration (name) order.
    pub packages: Vec<&'c Package>,
    /// Whether it also changes files outside every package (shared files; bookkeeping, such
    /// as changelogs and lock files, aside: [`roots`]).
    pub outside: bool,
    /// Whether it is the root project's ([`roots::is_roots`]): its entry goes to the root
    /// changelog too.
    pub root: bool,
    /// Whether it changes the root project's own files besides a package's
    /// ([`roots::changes_code`]).
    pub code: bool,
}

/// The packages `commit` belongs to (`config`'s), and whether it is the root's too: its tree
/// and its first parent's compared along the packages' paths only (an unchanged subtree is
/// never opened: the cost is the depth of the changed paths, whatever the number of
/// packages), and its scope matched against `scopes`.
pub fn attribute<'c>(
    repo: &Repo,
    config: &'c Config,
    commit: Oid,
    message: &str,
) -> Result<Attribution<'c>> {
    let packages = &config.packages;
    let touched = probe_all(repo, config).touched(commit)?;
    let mut hit = vec![false; packages.len()];
    let in_package = !touched.dirs.is_empty();
    for i in touched.dirs {
        hit[i] = true;
    }
    let mut scoped = false;
    if scope_of(message).is_some() {
        for (i, p) in packages.iter().enumerate() {
            let named = names_scope(p, message);
            scoped |= named;
            hit[i] = hit[i] || named;
        }
    }
    let code = in_package
        && touched.outside
        && roots::changes_code(
            repo,
            commit,
            true,
            roots::has_code(repo),
            &roots::code_dirs(config),
        );
    Ok(Attribution {
        root: roots::is_roots(scoped, in_package, code),
        code,
        packages: packages
            .iter()
            .zip(hit)
            .filter(|(_, h)| *h)
            .map(|(p, _)| p)
            .collect(),
        outside: touched.outside,
    })
}

/// The package and version a tag names, if it is one of a package's release tags.
pub fn parse_tag<'c>(packages: &'c [Package], tag: &str) -> Option<(&'c Package, semver::Version)> {
    packages
        .iter()
        .find_map(|p| p.tag.parse(tag).map(|v| (p, v)))
}

/// Whether a tag prefix is named after the package `name`: the name (or, for `@scope/web`,
/// `web`), then separators and a `v` at most (`api-`, `api-v`, `api/v`, `api@`, `api_`).
pub fn names_package(name: &str, prefix: &str) -> bool {
    let short = name.rsplit('/').next().unwrap_or(name);
    [name, short].iter().any(|n| {
        prefix.strip_prefix(n).is_some_and(|rest| {
            let rest = rest.strip_suffix(['v', 'V']).unwrap_or(rest);
            rest.chars()
                .all(|c| matches!(c, '-' | '_' | '/' | '@' | '.'))
        })
    })
}

#[cfg(test)]
mod tests;
