//! Whether `install` would leave a hooks directory as it is: every hook there is relhook's
//! shim already, byte for byte the one it would write, and runnable. A clone of a team that
//! committed relhook's shims (`relhook install --shared`) has them so; its plain install then
//! writes nothing there, and the team's files are no reason to refuse it.

use super::install::{Options, backup_path, is_executable, rewritten};
use super::local::direct_allowed;
use crate::git::HooksLocation;

/// Whether installing `opts` into `loc`'s hooks directory (there already) would write nothing.
/// Anything install would do more than leave a shim as it is (write, rename, report a hand
/// edit) counts as a change.
pub fn unchanged(loc: &HooksLocation, opts: &Options<'_>) -> bool {
    let dir = &loc.hooks_dir;
    let direct = direct_allowed(loc);
    dir.is_dir()
        && opts.hooks.iter().all(|hook| {
            let path = dir.join(hook.name);
            let backup = backup_path(&path);
            let Ok(Some(bytes)) = super::link::read_optional(&path) else {
                return false;
            };
            let Some(shim) = super::recognise(&bytes) else {
                return false;
            };
            // pre-commit's cases, and shims edited by hand, are install's to report.
            let aside = super::aside::moved_shim(&path).is_some()
                || (!opts.force && super::aside::fragile(&path, &backup).is_some());
            let edited = super::appended(&bytes).is_some()
                || super::edited::changed_inside(&bytes).is_some();
            !aside
                && !edited
                && (shim.linked || is_executable(&path))
                && rewritten(hook, &shim, &backup, opts, false, direct)
                    .is_ok_and(|(text, _)| text.as_bytes() == bytes.as_slice())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// A team's `.githooks` in the work tree, as `core.hooksPath = .githooks` gives it.
    fn team_dir(top: &Path) -> HooksLocation {
        HooksLocation {
            work_tree: top.to_owned(),
            common_dir: top.join(".git"),
            hooks_dir: top.join(".githooks"),
            hooks_path: None,
        }
    }

    #[test]
    fn only_shims_as_install_writes_them_leave_the_directory_unchanged() {
        let tmp = tempfile::tempdir().unwrap();
        let loc = team_dir(tmp.path());
        std::fs::create_dir_all(&loc.hooks_dir).unwrap();
        let options = |binary: &'static str| Options {
            hooks: super::super::available().collect(),
            force: false,
            binary: Path::new(binary),
        };
        let on_path = options(super::super::ON_PATH);
        assert!(!unchanged(&loc, &on_path), "no shims yet");
        super::super::install::install(&loc, &on_path).unwrap();
        assert!(unchanged(&loc, &on_path));
        let elsewhere = options("/usr/local/bin/relhook");
        assert!(!unchanged(&loc, &elsewhere), "a shim naming another binary");
        std::fs::write(loc.hooks_dir.join("pre-push"), "#!/bin/sh\nexit 0\n").unwrap();
        assert!(!unchanged(&loc, &on_path), "the team's own hook");
    }
}
