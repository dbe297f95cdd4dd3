//! pnpm's and yarn's workspace shorthands (`workspace:*`, `workspace:^`, `workspace:~`): a
//! release keeps them as written, but they are published as the version of the package they
//! link (`1.2.3`, `^1.2.3`, `~1.2.3`). A dependent whose published copy would no longer admit
//! the new version (any release, for `workspace:*`) is due a release of its own, as changesets
//! has it; one that still admits it is not.

use std::path::Path;

use semver::Version;

use super::dependents::{Change, Read};
use crate::Result;
use crate::history::version::files::deps::{self, Manifest};

/// What the shorthand `req` is published as, the package it links at `current`; `None` for
/// any other requirement (one with a range of its own is published as that range).
pub fn published(req: &str, current: &Version) -> Option<String> {
    match req.trim().strip_prefix("workspace:")? {
        "" | "*" => Some(current.to_string()),
        op @ ("^" | "~") => Some(format!("{op}{current}")),
        _ => None,
    }
}

/// `None` when `req` (a `kind` manifest's, of the member `package`) is no shorthand; else
/// what it publishes now and with the package in `dir` at `version`, where the first no
/// longer admits that version and the member is a package (one that is no package releases
/// nothing, and its text does not change).
pub(super) fn judged(
    read: Read<'_>,
    kind: Manifest,
    (package, req): (&str, &str),
    dir: &Path,
    version: &Version,
) -> Result<Option<Option<(String, String)>>> {
    let Some(new) = (kind == Manifest::Npm)
        .then(|| published(req, version))
        .flatten()
    else {
        return Ok(None);
    };
    if super::packages::left_behind::is_not_a_package(package) {
        return Ok(Some(None));
    }
    // The version the package has now: what the shorthand was published as.
    let current = read(&dir.join("package.json"))?
        .and_then(|t| crate::history::version::files::json_value(t.as_bytes()))
        .and_then(|v| Version::parse(v.get("version")?.as_str()?.trim()).ok());
    let Some(old) = current.and_then(|c| published(req, &c)) else {
        return Ok(Some(None));
    };
    if deps::meets(Manifest::Npm, &old, version) {
        return Ok(Some(None));
    }
    Ok(Some(Some((old, new))))
}

/// The dependent's changelog entry for a shorthand's change (`section`: where it is, as
/// [`Change::entry`] names it); `None` for a requirement rewritten.
pub(super) fn entry(change: &Change, section: &str) -> Option<String> {
    let (old, new) = change.published.as_ref()?;
    Some(format!(
        "**deps:** require {} {} (`{}` in {}{section} publishes `{new}`, not `{old}`)",
        change.dependency,
        change.version,
        change.before,
        change.file.display()
    ))
}

/// The changes of `changes` that move text: a shorthand kept as written moves nothing in a
/// manifest or a lock.
pub(super) fn moved(changes: &[Change]) -> Vec<Change> {
    changes
        .iter()
        .filter(|c| c.published.is_none())
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// QA266: what pnpm and yarn publish a workspace shorthand as.
    #[test]
    fn workspace_shorthands_are_published_as_the_linked_version() {
        let current = Version::new(1, 2, 3);
        let at = |req: &str| published(req, &current);
        assert_eq!(at("workspace:*").as_deref(), Some("1.2.3"));
        assert_eq!(at("workspace:").as_deref(), Some("1.2.3"));
        assert_eq!(at("workspace:^").as_deref(), Some("^1.2.3"));
        assert_eq!(at("workspace:~").as_deref(), Some("~1.2.3"));
        assert_eq!(at("workspace:^1.0.0"), None);
        assert_eq!(at("^1.2.3"), None);
    }
}
