//! git starting relhook straight from a hook's `#!` line (`#!/path/to/relhook hook`, see
//! `hooks`): the kernel passes the hook file's path where a shim passes the hook's name. As the
//! sh shims do, the hook relhook replaced at install (`<hook>.relhook-orig`) runs first, and
//! when it fails relhook's part does not run and its exit code is the hook's.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turns `hook <dir>/post-commit ARGS` into `hook post-commit ARGS` after running the chained
/// hook; `Err` carries the exit code when the chained hook failed. Other arguments pass as
/// they are.
pub(super) fn from_shebang(args: &mut [OsString]) -> Result<(), ExitCode> {
    let Some(hook_path) = hook_path(args) else {
        return Ok(());
    };
    let name = hook_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    let mut chained = hook_path.into_os_string();
    chained.push(crate::hooks::BACKUP_SUFFIX);
    let chained = PathBuf::from(chained);
    if crate::hooks::install::is_executable(&chained) {
        let status = std::process::Command::new(&chained)
            .args(&args[3..])
            .status();
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => {
                let code = s.code().and_then(|c| u8::try_from(c).ok()).unwrap_or(1);
                return Err(ExitCode::from(code));
            }
            Err(e) => {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "relhook: cannot run {}: {e}",
                    chained.display()
                );
                return Err(ExitCode::from(1));
            }
        }
    }
    args[2] = name;
    Ok(())
}

/// The hook file named where a hook's name goes (`hook .git/hooks/post-commit`), when it is
/// one relhook writes a direct shim for.
fn hook_path(args: &[OsString]) -> Option<PathBuf> {
    if args.len() < 3 || args[1] != "hook" {
        return None;
    }
    let path = Path::new(&args[2]);
    if path.components().count() < 2 {
        return None;
    }
    let name = path.file_name()?.to_str()?;
    crate::hooks::runs_direct(name).then(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn a_hook_path_becomes_the_hook_name() {
        let dir = tempfile::tempdir().unwrap();
        let hook = dir.path().join("post-commit");
        let mut a = args(&["relhook", "hook", hook.to_str().unwrap()]);
        from_shebang(&mut a).unwrap();
        assert_eq!(a, args(&["relhook", "hook", "post-commit"]));
        let mut relative = args(&["relhook", "hook", ".git/hooks/post-commit"]);
        from_shebang(&mut relative).unwrap();
        assert_eq!(relative[2], "post-commit");
    }

    #[test]
    fn names_and_other_commands_pass_unchanged() {
        for list in [
            &["relhook", "hook", "post-commit"][..],
            &["relhook", "hook", ".git/hooks/pre-push", "origin", "url"][..],
            &["relhook", "lint", "dir/post-commit"][..],
            &["relhook"][..],
        ] {
            let mut a = args(list);
            from_shebang(&mut a).unwrap();
            assert_eq!(a, args(list));
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_chained_hook_runs_first_and_its_failure_stops_relhook() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let hook = dir.path().join("post-commit");
        let chained = dir.path().join("post-commit.relhook-orig");
        let ran = dir.path().join("ran");
        let script = format!("#!/bin/sh\necho \"$#\" >'{}'\nexit 3\n", ran.display());
        std::fs::write(&chained, script).unwrap();
        std::fs::set_permissions(&chained, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut a = args(&["relhook", "hook", hook.to_str().unwrap()]);
        assert_eq!(from_shebang(&mut a), Err(ExitCode::from(3)));
        assert_eq!(std::fs::read_to_string(&ran).unwrap(), "0\n");
        std::fs::write(&chained, "#!/bin/sh\nexit 0\n").unwrap();
        let mut a = args(&["relhook", "hook", hook.to_str().unwrap()]);
        from_shebang(&mut a).unwrap();
        assert_eq!(a[2], "post-commit");
    }
}
