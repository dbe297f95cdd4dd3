//! What a package's hand tag would leave behind: a hand tag changes one package only, so a
//! requirement of another package its new version does not meet would stop the workspace
//! from building (`relhook release --package` rewrites those requirements too).

use std::path::Path;

use semver::Version;

use super::read_text;
use crate::Result;
use crate::config::Config;
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
        .filter(|c| requirement(c).is_some_and(|req| !req.matches(&c.version)))
        .collect();
    out.dedup_by(|a, b| a.file == b.file && a.before == b.before);
    Ok(out)
}

/// A change's requirement as its manifest means it: in a package.json a bare version is that
/// version exactly (`"1.0.0"`, which Cargo would read as `^1.0.0`), and comparators are
/// separated by spaces; `||` alternatives are not judged.
fn requirement(c: &dependents::Change) -> Option<semver::VersionReq> {
    let npm = c.file.file_name().is_some_and(|n| n == "package.json");
    if !npm {
        return semver::VersionReq::parse(&c.before).ok();
    }
    let text = c.before.trim();
    if text.contains("||") {
        return None;
    }
    let exact =
        |t: &str| t.starts_with(|ch: char| ch.is_ascii_digit()) && Version::parse(t).is_ok();
    let parts: Vec<String> = text
        .split_whitespace()
        .map(|t| {
            if exact(t) {
                format!("={t}")
            } else {
                t.to_owned()
            }
        })
        .collect();
    semver::VersionReq::parse(&parts.join(", ")).ok()
}

/// What a workspace member that is no package is named as, before its directory: no package
/// name holds a NUL.
const NOT_A_PACKAGE: &str = "\0";

/// The workspace members that are no package of their own (the root's crates, the top's
/// manifest, a private npm app): their requirements on a released package move with it too,
/// or the workspace stops building; they release nothing.
pub(super) fn not_packages(config: &Config, root: &Path) -> Vec<Member> {
    crate::history::packages::detect::workspace_dirs(root)
        .into_iter()
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
