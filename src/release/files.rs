//! Which files hold the version: those detected in the work tree (unless `version.detect =
//! false`) and those `[version] files` adds. The editors, the detection and the `Cargo.lock`
//! edit live in `version::files`.

use std::path::Path;

use crate::config::Config;
use crate::error::{Reason, Refusal};
pub use crate::history::version::files::cargo_lock_edit;
use crate::history::version::files::{self, VersionFile};

/// The configured version files first (they name the first version file), then the detected
/// ones; a configured entry wins over a detected one for the same file.
pub fn version_files(config: &Config, root: &Path) -> Vec<VersionFile> {
    let mut out: Vec<VersionFile> = config.version.files.clone().unwrap_or_default();
    if config.version.detect {
        for f in files::detect(root) {
            if !out.iter().any(|o| o.path == f.path) {
                out.push(f);
            }
        }
    }
    out
}

/// A `[version] files` entry that is not there, refused with the two ways out: a release
/// bumps every listed file, and cannot bump one that does not exist.
pub fn check_listed_exist(config: &Config, root: &Path) -> crate::Result<()> {
    for f in config.version.files.iter().flatten() {
        let gone = root
            .join(&f.path)
            .symlink_metadata()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound);
        if gone {
            let path = f.path.display();
            return Err(crate::Error::Refused(Refusal::new(
                Reason::VersionFile,
                format!("{path} is listed in `[version] files` but does not exist"),
                format!("create {path} or remove it from `[version] files` in .relconfig.toml"),
            )));
        }
    }
    Ok(())
}

/// The checks the release commit makes on every file it writes (see `commit_files`), made
/// when planning too: a dry run or a hand tag that says yes is a release that no path refuses.
/// A symlinked changelog is refused with the `changelog.path` that names the file itself.
pub fn check_paths(config: &Config, root: &Path, edits: &[files::Edit]) -> crate::Result<()> {
    check_path_list(config, root, edits.iter().map(|e| e.path.as_path()))
}

/// The files a release would write that are known without reading any: the changelog, the
/// `[version] files`, and Cargo.lock where there is one. (Detected version files are found by
/// reading them; the release checks them before its commit all the same.)
pub fn files_written(config: &Config, root: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![config.changelog.path.clone()];
    let listed = config.version.files.iter().flatten();
    out.extend(listed.map(|f| f.path.clone()));
    let lock = Path::new("Cargo.lock");
    if root.join(lock).exists() && !out.iter().any(|p| p == lock) {
        out.push(lock.to_path_buf());
    }
    out
}

/// [`check_paths`] for paths alone.
pub fn check_path_list<'a>(
    config: &Config,
    root: &Path,
    paths: impl IntoIterator<Item = &'a Path>,
) -> crate::Result<()> {
    for path in paths {
        let abs = crate::fsx::confine(root, path).map_err(|err| {
            match linked_changelog(config, root, path) {
                Some(target) => crate::Error::UnsafePath {
                    path: path.to_path_buf(),
                    reason: format!(
                        "it is a symbolic link to `{target}`, and relhook writes no file through a link; set `changelog.path = \"{target}\"` in .relconfig.toml"
                    ),
                },
                None => err,
            }
        })?;
        match std::fs::metadata(&abs) {
            Ok(m) if !m.is_file() => {
                return Err(crate::Error::UnsafePath {
                    path: path.to_path_buf(),
                    reason: "not a regular file (a FIFO, device or directory); relhook writes only regular files there".into(),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Where the changelog at `rel`, a symbolic link, leads inside the work tree (relative to it).
fn linked_changelog(config: &Config, root: &Path, rel: &Path) -> Option<String> {
    if rel != config.changelog.path {
        return None;
    }
    let target = std::fs::read_link(root.join(rel)).ok()?;
    let joined = match rel.parent() {
        Some(dir) if target.is_relative() => dir.join(&target),
        _ => target,
    };
    let real = std::fs::canonicalize(root.join(&joined)).ok()?;
    let root = std::fs::canonicalize(root).ok()?;
    Some(real.strip_prefix(&root).ok()?.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::version::files::Locator;

    #[test]
    fn configured_files_add_to_detection_unless_it_is_off() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("pyproject.toml"),
            "[project]\nname = \"app\"\nversion = \"0.3.0\"\n",
        )
        .unwrap();
        let mut config = Config::default();
        let extra = VersionFile {
            path: "VERSION".into(),
            locator: Locator::Pattern("{version}".into()),
        };
        config.version.files = Some(vec![extra.clone()]);
        let paths = |c: &Config| {
            version_files(c, dir.path())
                .iter()
                .map(|f| f.path.display().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(paths(&config), ["VERSION", "pyproject.toml"]);
        config.version.detect = false;
        assert_eq!(paths(&config), ["VERSION"]);
    }
}
