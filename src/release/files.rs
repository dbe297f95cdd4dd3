//! Which files hold the version: those detected in the work tree (unless `version.detect =
//! false`) and those `[version] files` adds. The editors, the detection and the `Cargo.lock`
//! edit live in `version::files`.

use std::path::Path;

use crate::config::Config;
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
