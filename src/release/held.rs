//! In a monorepo (`[packages]`), a version file of the root whose bump would move a package's
//! crate: the root manifest's `[workspace.package] version` that the packages' crates inherit
//! (`version.workspace = true`). That version is the packages' (each released with a tag and
//! a changelog of its own), not the root project's: the root release leaves such a file it
//! found by itself, moving the root's own version files only, and refuses when the file is
//! listed in `[version] files` or when the root has no other version file, as a root release
//! there would publish the packages' crates at a version none of their releases made.

use std::path::Path;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::history::version::files::{self, Locator, VersionFile};
use crate::{Error, Result};

/// A root version file a package's crate takes its version from.
pub struct Held {
    /// The file (and where in it).
    pub file: VersionFile,
    /// What it says.
    says: String,
    /// The manifests of the packages' crates that take their version from it.
    manifests: Vec<String>,
    /// Those crates' names.
    crates: Vec<String>,
}

/// Of `found` (the root's version files), those a package's crate takes its version from; none
/// outside a monorepo or in a package's own view.
pub fn held(config: &Config, root: &Path, found: &[VersionFile]) -> Vec<Held> {
    if config.package.is_some() || config.packages.is_empty() {
        return Vec::new();
    }
    let read = |p: &Path| super::crates::disk_text(root, p);
    let mut out = Vec::new();
    for f in found {
        let cargo = f.path.file_name().is_some_and(|n| n == "Cargo.toml")
            && matches!(f.locator, Locator::TomlKey(_));
        if !cargo {
            continue;
        }
        let Ok(says) = files::read_version(root, f) else {
            continue;
        };
        let bumped = super::crates::bumped_crates(&read, root, &[(f.clone(), says.clone())]);
        let of_packages: Vec<_> = bumped
            .bumped
            .into_iter()
            .filter(|c| {
                let dir = c.manifest.parent().unwrap_or(Path::new(""));
                config.packages.iter().any(|p| p.path == dir)
            })
            .collect();
        if of_packages.is_empty() {
            continue;
        }
        out.push(Held {
            file: f.clone(),
            says,
            manifests: of_packages
                .iter()
                .map(|c| c.manifest.display().to_string())
                .collect(),
            crates: of_packages.into_iter().map(|c| c.name).collect(),
        });
    }
    out
}

/// Refuses the root release when it would move a version the packages' crates take theirs
/// from: the file is listed in `[version] files`, or the root has no version file besides
/// (`found`: every version file, `kept`: those the root release moves). The retry it names
/// is of `version`, the one planned: a plain `relhook release` could pick another.
pub fn refuse_held(
    config: &Config,
    root: &Path,
    found: &[VersionFile],
    kept: &[VersionFile],
    version: &semver::Version,
) -> Result<()> {
    let held = held(config, root, found);
    let listed = |h: &&Held| {
        config
            .version
            .files
            .iter()
            .flatten()
            .any(|l| l.path == h.file.path)
    };
    let stuck = match held.iter().find(listed) {
        Some(h) => (h, true),
        None if kept.is_empty() => match held.first() {
            Some(h) => (h, false),
            None => return Ok(()),
        },
        None => return Ok(()),
    };
    let (h, listed) = stuck;
    let place = match &h.file.locator {
        Locator::TomlKey(k) => match k.rsplit_once('.') {
            Some((table, key)) => format!("[{table}] {key}"),
            None => k.clone(),
        },
        other => other.to_string(),
    };
    let why = if listed {
        ", though `[version] files` lists it"
    } else {
        ""
    };
    let what = format!(
        "{}: {place} = \"{}\" is the version of crates {} (`version.workspace = true`), which are packages with releases of their own ([packages] in .relconfig.toml), so the root release cannot move it{why}; nothing was released",
        h.file.path.display(),
        h.says,
        list(&h.crates),
    );
    let each = if h.manifests.len() > 1 { " each" } else { "" };
    let own = format!(
        "give {}{each} a version of its own (`version = \"{}\"` for `version.workspace = true`) and commit",
        list(&h.manifests),
        h.says,
    );
    let first = if listed {
        format!(
            "take {} out of `[version] files` in .relconfig.toml",
            h.file.path.display()
        )
    } else {
        own
    };
    let fix = format!(
        "{first}, or release the workspace as one project (without [packages] tables), then `{} {version}`",
        crate::resume_advice::release_of(None)
    );
    Err(Error::Refused(Refusal::new(Reason::VersionFile, what, fix)))
}

/// `a`, `a and b`, `a, b and c`.
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
