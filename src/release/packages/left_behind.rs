//! What a package's hand tag would leave behind: a hand tag changes one package only, so a
//! requirement of another package its new version does not meet would stop the workspace
//! from building (`relhook release --package` rewrites those requirements too).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use semver::Version;

use super::read_text;
use crate::Result;
use crate::config::Config;
use crate::error::{Error, Reason, Refusal};
use crate::history::version::files::cargo_deps;
use crate::history::version::files::deps::{self, Manifest, Rewrite};
use crate::release::dependents::{self, Member};

/// A requirement on a released package that its new version does not meet.
#[derive(Debug, Clone)]
pub struct Unmet {
    /// The requirement, as a release would rewrite it (`after` is `before` for a range).
    pub change: dependents::Change,
    /// Whether relhook can rewrite it (`relhook release --package` does); a range it cannot
    /// is edited by hand.
    pub rewritable: bool,
    /// Whether it is within a workspace (a Cargo path dependency, an npm or pnpm workspace
    /// sibling): left unmet, the workspace no longer resolves. Outside one, the dependent
    /// keeps the published version it requires.
    pub in_workspace: bool,
}

/// The requirements on `package` that `version` would leave unmet: what a hand tag, which
/// changes one package only, would break in the packages that depend on it (`relhook release
/// --package` rewrites them). A requirement relhook cannot read as a range is not judged.
pub fn dependents_left_behind(
    config: &Config,
    root: &Path,
    package: &str,
    version: &Version,
) -> Result<Vec<Unmet>> {
    let released = std::iter::once((package.to_owned(), version.clone())).collect();
    unmet(config, root, &released)
}

/// The packages whose workspace shorthand on `package` (`workspace:*`) is published as a
/// version that `version` no longer meets, judged against the version the work tree holds
/// (the previous one, before a hand tag's release commit): each needs a release of its own,
/// which a hand tag of `package` alone does not make. Development dependencies ship nothing.
pub fn shorthand_dependents(
    config: &Config,
    root: &Path,
    package: &str,
    version: &Version,
) -> Result<Vec<dependents::Change>> {
    let released = std::iter::once((package.to_owned(), version.clone())).collect();
    let disk = |rel: &Path| read_text(root, rel);
    let changes = dependents::changes_keeping_ranges(&members(config), &disk, &released)?;
    Ok(changes
        .into_iter()
        .filter(|c| c.published.is_some() && !c.dev)
        .collect())
}

/// With `[release] bump_dependents = false` a release rewrites no requirement: one within the
/// workspace that a new version of `released` leaves unmet would stop the workspace resolving
/// once released, so the release is refused, naming it.
pub(super) fn refuse_unmet(
    config: &Config,
    root: &Path,
    released: &BTreeMap<String, Version>,
    selection: &super::Selection,
) -> Result<()> {
    let left = unmet(config, root, released)?;
    let Some(Unmet { change: c, .. }) = left.into_iter().find(|u| u.in_workspace) else {
        return Ok(());
    };
    Err(Error::Refused(Refusal::new(
        Reason::Dependent,
        format!(
            "{}: the requirement `{}` on {} ({}) does not admit {}, and `[release] bump_dependents = false` leaves it as it is; nothing was released",
            c.file.display(),
            c.before,
            c.name,
            c.section,
            c.version
        ),
        format!(
            "edit it by hand so that it admits {}, commit, and run `{}` again",
            c.version,
            super::inherited::again(selection)
        ),
    )))
}

/// Whether `[release] bump_dependents = false` would be a way on for the release of `chosen`:
/// only the packages named (not the dependents it brings along) are released then, and no
/// requirement within the workspace may be left unmet by them (see [`refuse_unmet`]).
pub(super) fn bump_off_keeps_met(
    config: &Config,
    root: &Path,
    chosen: &BTreeMap<String, super::PackagePlan>,
) -> bool {
    let named = chosen
        .values()
        .filter(|p| p.info.is_some())
        .map(|p| (p.name.clone(), p.version.clone()))
        .collect();
    unmet(config, root, &named).is_ok_and(|left| !left.iter().any(|u| u.in_workspace))
}

/// The requirements on the packages of `released` that their new versions leave unmet.
fn unmet(config: &Config, root: &Path, released: &BTreeMap<String, Version>) -> Result<Vec<Unmet>> {
    // The members that are no package break as well (a root's crate, a private app).
    let mut members = members(config);
    members.extend(not_packages(config, root));
    let disk = |rel: &Path| read_text(root, rel);
    let npm_workspace = dependents::npm_workspace(&disk)?;
    let mut out: Vec<dependents::Change> =
        dependents::changes_keeping_ranges(&members, &disk, released)?
            .into_iter()
            .filter(|c| {
                let kind = c.kind;
                // pnpm's and yarn's `workspace:^1.0.0` is judged as its range: left unmet, the
                // workspace no longer resolves it. Its shorthands (`workspace:*`) link the
                // sibling whatever its version, a pre-release too: no range to meet.
                let before = c.before.trim();
                let before = before.strip_prefix("workspace:").unwrap_or(before);
                // A requirement relhook cannot read as a range (`workspace:*`, `latest`, a
                // tag) is not judged.
                let range = |t: &str| {
                    t.trim()
                        .starts_with(|ch: char| ch.is_ascii_digit() || "^~<>=v*".contains(ch))
                };
                let judged = match kind {
                    Manifest::Npm => {
                        let star = before == "*" && c.before.trim().starts_with("workspace:");
                        !star && !matches!(before, "" | "^" | "~") && before.split("||").all(range)
                    }
                    Manifest::Cargo => semver::VersionReq::parse(before).is_ok(),
                    Manifest::Python | Manifest::Poetry => !before.is_empty(),
                };
                judged && !deps::meets_allowing(kind, before, c.prereleases, &c.version)
            })
            .collect();
    out.dedup_by(|a, b| a.file == b.file && a.before == b.before);
    Ok(out
        .into_iter()
        .map(|change| {
            let kind = change.kind;
            let rewritable = matches!(
                deps::rewrite_allowing(kind, &change.before, change.prereleases, &change.version),
                Rewrite::To(_)
            );
            Unmet {
                change,
                rewritable,
                // Only a Cargo requirement beside a `path` is followed (`dependents::changes`);
                // a Python sibling's unmet requirement ships metadata its sibling breaks.
                in_workspace: kind != Manifest::Npm || npm_workspace,
            }
        })
        .collect())
}

/// What a workspace member that is no package is named as, before its directory: no package
/// name holds a NUL.
const NOT_A_PACKAGE: &str = "\0";

/// The workspace members that are no package of their own (the root's crates, the top's
/// manifest, a private npm app): their requirements on a released package move with it too,
/// or the workspace stops building; they release nothing. A root crate (a `[package]` in the
/// top's `Cargo.toml`) is one, whether or not its workspace lists `"."`.
pub(super) fn not_packages(config: &Config, root: &Path) -> Vec<Member> {
    let mut dirs = crate::history::packages::detect::workspace_dirs(root);
    let root_crate = read_text(root, Path::new("Cargo.toml"))
        .ok()
        .flatten()
        .is_some_and(|t| cargo_deps::package_of(&t).is_some());
    if root_crate && !dirs.iter().any(|d| d.as_os_str().is_empty()) {
        dirs.insert(0, PathBuf::new());
    }
    dirs.into_iter()
        .filter(|d| !config.packages.iter().any(|p| p.path == *d))
        .map(|dir| Member {
            package: format!("{NOT_A_PACKAGE}{}", dir.display()),
            dir,
        })
        .collect()
}

/// Whether `name` is one of [`not_packages`].
pub(crate) fn is_not_a_package(name: &str) -> bool {
    name.starts_with(NOT_A_PACKAGE)
}

/// The directory of `name`, one of [`not_packages`]; `None` for a package.
pub(super) fn dir_of_not_a_package(name: &str) -> Option<&Path> {
    name.strip_prefix(NOT_A_PACKAGE).map(Path::new)
}

/// Whether `name` is the top's member among [`not_packages`] (the root crate, the top's
/// package.json).
pub(super) fn is_root(name: &str) -> bool {
    name == NOT_A_PACKAGE
}

/// The configured packages as the workspace members whose requirements a release rewrites.
pub(super) fn members(config: &Config) -> Vec<Member> {
    config
        .packages
        .iter()
        .map(|p| Member {
            package: p.name.clone(),
            dir: p.path.clone(),
        })
        .collect()
}
