//! The version files found under a root (listed, detected, a virtual workspace's members, a
//! shared `[workspace.package]` version), worked out once while the work tree holds still: a
//! hand tag's `prepared` checks asked 11 times, each time parsing every manifest again.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::config::Config;
use crate::history::version::files::{self, VersionFile};

/// The answers given in one stretch of the work tree holding still (`files::still_period`):
/// each with its period, root and configuration (a package's view finds other files).
type Found = Vec<(u64, PathBuf, Config, Vec<VersionFile>)>;
static FOUND: Mutex<Found> = Mutex::new(Vec::new());

/// The version files, the packages' version among them (see `files::version_files`).
pub(super) fn found_version_files(config: &Config, root: &Path) -> Vec<VersionFile> {
    found_in(files::still_period(), config, root)
}

/// [`found_version_files`] in stretch `period` of the work tree holding still (`None`: it
/// does not, and the files are found again at each call). Only this stretch's answers are
/// kept: one found before a write is never given after it.
fn found_in(period: Option<u64>, config: &Config, root: &Path) -> Vec<VersionFile> {
    let Some(period) = period else {
        return find(config, root);
    };
    let known = FOUND.lock().ok().and_then(|found| {
        found
            .iter()
            .find(|(p, r, c, _)| *p == period && r == root && c == config)
            .map(|(.., files)| files.clone())
    });
    if let Some(files) = known {
        return files;
    }
    let files = find(config, root);
    if let Ok(mut found) = FOUND.lock() {
        found.retain(|(p, ..)| *p == period);
        found.push((period, root.to_owned(), config.clone(), files.clone()));
    }
    files
}

fn find(config: &Config, root: &Path) -> Vec<VersionFile> {
    let mut out: Vec<VersionFile> = config.version.files.clone().unwrap_or_default();
    if config.version.detect {
        for f in files::detect(root) {
            if !out.iter().any(|o| o.path == f.path) {
                out.push(f);
            }
        }
        out.extend(super::members::workspace_members(config, root, &out));
        out.extend(super::shared_version::inherited(config, root, &out));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(files: &[VersionFile]) -> Vec<String> {
        files.iter().map(|f| f.path.display().to_string()).collect()
    }

    #[test]
    fn an_answer_is_kept_for_its_stretch_and_configuration_only() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let manifest = "[package]\nname = \"a\"\nversion = \"0.1.0\"\n";
        std::fs::write(root.join("Cargo.toml"), manifest).unwrap();
        let config = Config::default();
        // Periods no real stretch reaches: the tests share the memo with the library.
        let (one, two) = (u64::MAX - 1, u64::MAX);
        let first = found_in(Some(one), &config, root);
        assert_eq!(paths(&first), ["Cargo.toml"]);
        assert_eq!(first, find(&config, root));
        // Another configuration in the same stretch is answered for itself.
        let mut listed = config.clone();
        listed.version.detect = false;
        assert!(found_in(Some(one), &listed, root).is_empty());
        // A file written since: the next stretch finds it, never the answer kept before.
        std::fs::write(root.join("package.json"), "{\"version\": \"0.1.0\"}\n").unwrap();
        let again = found_in(Some(two), &config, root);
        assert_eq!(paths(&again), ["Cargo.toml", "package.json"]);
        assert_eq!(again, find(&config, root));
        assert_eq!(paths(&found_in(None, &config, root)), paths(&again));
    }
}
