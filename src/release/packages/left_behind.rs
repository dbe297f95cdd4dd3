//! What a package's hand tag would leave behind: a hand tag changes one package only, so a
//! requirement of another package its new version does not meet would stop the workspace
//! from building (`relhook release --package` rewrites those requirements too).

use std::path::{Path, PathBuf};

use semver::Version;

use super::read_text;
use crate::Result;
use crate::config::Config;
use crate::history::version::files::cargo_deps;
use crate::release::dependents::{self, Member};

/// The requirements on `package` that `version` would leave unmet: what a hand tag, which
/// changes one package only, would break in the packages that depend on it (`relhook release
/// --package` rewrites them). A requirement relhook cannot read as a range is not judged.
pub fn dependents_left_behind(
    config: &Config,
    root: &Path,
    package: &str,
    version: &Version,
) -> Result<Vec<dependents::Change>> {
    // The members that are no package break as well (a root's crate, a private app).
    let mut members = members(config);
    members.extend(not_packages(config, root));
    let disk = |rel: &Path| read_text(root, rel);
    let released = std::iter::once((package.to_owned(), version.clone())).collect();
    let mut out: Vec<dependents::Change> = dependents::changes(&members, &disk, &released)?
        .into_iter()
        .filter(|c| {
            use crate::history::version::files::deps::{Manifest, meets};
            let npm = c.file.file_name().is_some_and(|n| n == "package.json");
            let kind = if npm { Manifest::Npm } else { Manifest::Cargo };
            // pnpm's and yarn's `workspace:^1.0.0` is judged as its range: left unmet, the
            // workspace no longer resolves it.
            let before = c.before.trim();
            let before = before.strip_prefix("workspace:").unwrap_or(before);
            // A requirement relhook cannot read as a range (`workspace:*`, `latest`, a
            // tag) is not judged.
            let range = |t: &str| {
                t.trim()
                    .starts_with(|ch: char| ch.is_ascii_digit() || "^~<>=v*".contains(ch))
            };
            let judged = match npm {
                true => !matches!(before, "" | "^" | "~") && before.split("||").all(range),
                false => semver::VersionReq::parse(before).is_ok(),
            };
            judged && !meets(kind, before, &c.version)
        })
        .collect();
    out.dedup_by(|a, b| a.file == b.file && a.before == b.before);
    Ok(out)
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
pub(super) fn is_not_a_package(name: &str) -> bool {
    name.starts_with(NOT_A_PACKAGE)
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
