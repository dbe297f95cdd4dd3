//! lerna's fixed mode (lerna.json with a version): `lerna version` bumps every package that
//! changed since the last release to the new version, whatever version it said, and leaves
//! the others. Those at lerna's version are found version files already (`vfiles::detect`);
//! a changed package left behind at an older version is added here.

use std::path::{Path, PathBuf};

use semver::Version;

use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::version::files::{self as vfiles, Locator, VersionFile};

/// The tracked package.json files of lerna's packages, not among `bumped`, whose directory
/// changed since the last release tag and whose version is below `new`, with that version.
/// Nothing before the first release tag (every package is then new), nor in a `[packages]`
/// monorepo (each package its own release).
pub fn changed_packages(
    repo: &Repo,
    config: &Config,
    root: &Path,
    new: &Version,
    bumped: &[(VersionFile, String)],
) -> Result<Vec<(VersionFile, String)>> {
    let lerna = bumped
        .iter()
        .any(|(f, _)| f.path == Path::new("lerna.json"));
    if config.package.is_some() || !lerna {
        return Ok(Vec::new());
    }
    let Some(head) = repo.head() else {
        return Ok(Vec::new());
    };
    // The last release below this one: a hand tag's own tag is on HEAD already.
    let Some(since) = repo
        .release_tags(head, &config.version.tag_prefix)
        .unwrap_or_default()
        .into_iter()
        .filter(|t| t.version.cmp_precedence(new) == std::cmp::Ordering::Less)
        .max_by(|a, b| a.version.cmp_precedence(&b.version))
        .map(|t| t.commit)
    else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for path in vfiles::lerna_packages(root) {
        if bumped.iter().any(|(f, _)| f.path == path) || repo.staged_blob(&path).is_none() {
            continue;
        }
        let f = VersionFile {
            path: path.clone(),
            locator: Locator::JsonKey("version".into()),
        };
        let Some(old) = vfiles::read_version(root, &f).ok() else {
            continue;
        };
        // Versions only go up: a package at or above the release's is no part of it.
        if Version::parse(&old).map_or(true, |v| v >= *new) {
            continue;
        }
        let dir: PathBuf = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if !repo.changed_between(Some(since), head, &[&dir])?.is_empty() {
            out.push((f, old));
        }
    }
    Ok(out)
}
