//! npm's lock repeats the version of the package.json beside it twice (`version` and
//! `packages[""].version`). A lock whose two copies disagree reads no version, so detection
//! passed it over and a release left it as committed beside the bumped package.json, without
//! a word: the tagged tree failed `npm ci`. It is refused, as a Cargo.lock entry at a third
//! version is, on one line with the npm command that sets the lock.

use std::path::Path;

use super::files::Sorted;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::{self, VersionFile, VersionFileError};
use crate::shellword::folder_value;
use crate::{Error, Result};

/// Refuses the release when a tracked npm lock beside a package.json it bumps (in `sorted`)
/// holds two versions, where detection looks; one the release bumps or leaves alone is no
/// business of this.
pub(super) fn refuse(repo: &Repo, config: &Config, root: &Path, sorted: &Sorted) -> Result<()> {
    // A package's files are detected in its folder (its view lists them, detection off).
    if !config.version.detect && config.package.is_none() {
        return Ok(());
    }
    let known = |p: &Path| {
        let has = |f: &VersionFile| f.path == p;
        sorted.bumped.iter().any(|(f, _)| has(f)) || sorted.left_alone.iter().any(|(f, _)| has(f))
    };
    let manifests = sorted
        .bumped
        .iter()
        .filter(|(f, _)| f.path.file_name().is_some_and(|n| n == "package.json"));
    for (manifest, old) in manifests {
        let dir = manifest.path.parent().unwrap_or(Path::new(""));
        for name in ["package-lock.json", "npm-shrinkwrap.json"] {
            let path = dir.join(name);
            if known(&path) || super::untracked_locks::untracked(repo, &path).is_some() {
                continue;
            }
            let locator = files::listed_json_key(&path, "version".into());
            let lock = VersionFile { path, locator };
            if let Err(VersionFileError::Inconsistent { versions, .. }) =
                files::read_version(root, &lock)
            {
                let refusal = refusal(&lock.path, &manifest.path, old, &versions);
                return Err(Error::Refused(refusal));
            }
        }
    }
    Ok(())
}

/// The refusal of the lock at `lock` whose copies say `versions` where `manifest` says `old`.
fn refusal(lock: &Path, manifest: &Path, old: &str, versions: &[String]) -> Refusal {
    let what = format!(
        "{}: its copies of the version say {} where {} says {old}, so the release cannot move it with the package (`npm ci` fails on a lock out of step)",
        lock.display(),
        versions.join(" and "),
        manifest.display(),
    );
    let prefix = match lock.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => format!(" --prefix {}", folder_value(&files::slash_path(dir))),
        None => String::new(),
    };
    let fix = format!(
        "update the lock to match (`npm install --package-lock-only{prefix}`), commit it, then release again"
    );
    Refusal::new(Reason::VersionFile, what, fix)
}
