//! git starting relhook straight from a hook's `#!` line (`#!/path/to/relhook hook:post-commit`,
//! see `hooks`): the kernel passes that one word, then the hook file's path, then git's
//! arguments. As the sh shims do, the hook relhook replaced at install (`<hook>.relhook-orig`)
//! runs first when the word says `:chain`, and when it fails relhook's part does not run and
//! its exit code is the hook's; except after a commit (post-commit): relhook's part rewrites
//! HEAD to carry the changelog entry, so the kept hook runs after it, on the commit that stays
//! (a hook that notes, logs or pushes HEAD would otherwise act on a commit no branch keeps);
//! git ignores a post-commit hook's exit anyway.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, ExitCode};

/// A chained hook to run once relhook's part is done (post-commit's).
pub(super) struct Later {
    chained: PathBuf,
    args: Vec<OsString>,
}

impl Later {
    /// Runs it; its exit is git's to ignore, as a post-commit hook's is.
    pub(super) fn run(self) {
        let _ = run_chained(&self.chained, &self.args, None);
    }
}

/// Turns `hook:post-commit[:chain] <hook file> ARGS` into `hook post-commit ARGS`, after
/// running the chained hook, or returning it to run after relhook's part (post-commit); `Err`
/// carries the exit code when the chained hook failed. Other arguments pass as they are.
pub(super) fn from_shebang(args: &mut Vec<OsString>) -> Result<Option<Later>, ExitCode> {
    let Some(word) = args
        .get(1)
        .and_then(|a| a.to_str())
        .and_then(|a| a.strip_prefix("hook:"))
    else {
        return Ok(None);
    };
    let (name, chain) = match word.strip_suffix(":chain") {
        Some(name) => (name.to_owned(), true),
        None => (word.to_owned(), false),
    };
    if args.len() < 3 || !crate::hooks::runs_direct(&name) {
        return Ok(None); // not a form relhook writes: the parser says what is wrong
    }
    let rest = args.split_off(3);
    let mut later = None;
    if chain {
        // By name beside the hook file: a hook manager may have moved this file aside and still
        // run it (pre-commit's `post-commit.legacy`); the hook relhook chained stays where it was.
        let file = PathBuf::from(&args[2]);
        let chained = file.with_file_name(format!("{name}{}", crate::hooks::BACKUP_SUFFIX));
        // Run by pre-commit as that `.legacy`, a chained pre-commit script would run pre-commit's
        // hooks a second time (pre-commit stops with "bug: ... migration mode"): they run already.
        let again = std::env::var_os("PRE_COMMIT_RUNNING_LEGACY").is_some_and(|v| !v.is_empty())
            && crate::hooks::aside::is_pre_commit_script(&chained);
        if !again && name == "post-commit" {
            later = Some(Later {
                chained,
                args: rest.clone(),
            });
        } else if !again {
            run_chained(&chained, &rest, None)?;
        }
    }
    args.truncate(1);
    args.push("hook".into());
    args.push(name.into());
    args.extend(rest);
    Ok(later)
}

/// Whether these arguments start post-commit: its `#!` form (`hook:post-commit[:chain]`) or
/// `hook post-commit` (the sh shim, a hook manager). Read before anything else runs.
pub(super) fn is_post_commit(args: &[OsString]) -> bool {
    match args.get(1).and_then(|a| a.to_str()) {
        Some("hook") => args.get(2).is_some_and(|a| a == "post-commit"),
        Some(word) => matches!(word, "hook:post-commit" | "hook:post-commit:chain"),
        None => false,
    }
}

/// Runs the chained hook as git would: directly, or with sh when it has no `#!` line; with
/// `input` on its standard input (the ref lines relhook already read), else relhook's own.
/// `Err` carries its exit code when it fails (it can still veto what git is doing).
pub(super) fn run_chained(
    chained: &std::path::Path,
    args: &[OsString],
    input: Option<&[u8]>,
) -> Result<(), ExitCode> {
    use std::io::Write;
    use std::process::Stdio;
    if !crate::hooks::install::is_executable(chained) {
        return Ok(());
    }
    let run = |program: &std::path::Path, script: Option<&std::path::Path>| {
        let mut child = Command::new(program)
            .args(script)
            .args(args)
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::inherit()
            })
            .spawn()?;
        if let (Some(mut stdin), Some(input)) = (child.stdin.take(), input) {
            // A hook that does not read its input closes it early: not an error.
            let _ = stdin.write_all(input);
        }
        child.wait()
    };
    let status = match run(chained, None) {
        Err(e) if e.raw_os_error() == Some(libc::ENOEXEC) => {
            run(std::path::Path::new("/bin/sh"), Some(chained))
        }
        other => other,
    };
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(ExitCode::from(
            s.code().and_then(|c| u8::try_from(c).ok()).unwrap_or(1),
        )),
        Err(e) => {
            let _ = writeln!(
                crate::cli::stream::stderr(),
                "relhook: cannot run {}: {e}",
                crate::printable::visible(&chained.display().to_string())
            );
            Err(ExitCode::from(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_shebang_word_becomes_the_hook_command_whatever_the_file_is_called() {
        for file in [
            ".git/hooks/post-commit",
            "/x/hooks/post-commit.legacy",
            "pc",
        ] {
            let mut a = args(&["relhook", "hook:post-commit", file]);
            from_shebang(&mut a).unwrap();
            assert_eq!(a, args(&["relhook", "hook", "post-commit"]));
        }
        let mut with_args = args(&["relhook", "hook:post-commit", "pc", "x", "y"]);
        from_shebang(&mut with_args).unwrap();
        assert_eq!(
            with_args,
            args(&["relhook", "hook", "post-commit", "x", "y"])
        );
    }

    #[test]
    fn post_commit_is_told_by_its_arguments_alone() {
        for yes in [
            &["relhook", "hook:post-commit", "f"][..],
            &["relhook", "hook:post-commit:chain", "f"],
            &["relhook", "hook", "post-commit"],
        ] {
            assert!(is_post_commit(&args(yes)), "{yes:?}");
        }
        for no in [
            &["relhook", "hook:pre-push", "f"][..],
            &["relhook", "hook", "commit-msg", "m"],
            &["relhook", "lint", "hook:post-commit"],
            &["relhook", "hook"],
            &["relhook"],
        ] {
            assert!(!is_post_commit(&args(no)), "{no:?}");
        }
    }

    #[test]
    fn other_forms_pass_unchanged() {
        for list in [
            &["relhook", "hook", "post-commit"][..],
            &["relhook", "hook:pre-push", "f", "origin", "url"][..],
            &["relhook", "hook:post-commit"][..],
            &["relhook", "lint", "hook:post-commit"][..],
            &["relhook"][..],
        ] {
            let mut a = args(list);
            from_shebang(&mut a).unwrap();
            assert_eq!(a, args(list));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_chained_post_commit_runs_after_relhooks_part_and_its_failure_stops_nothing() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let hook = dir.path().join("post-commit");
        let chained = dir.path().join("post-commit.relhook-orig");
        let ran = dir.path().join("ran");
        // No `#!` line: git runs such a hook with sh, and so does relhook.
        let script = format!("echo \"$#\" >>'{}'\nexit 3\n", ran.display());
        std::fs::write(&chained, script).unwrap();
        std::fs::set_permissions(&chained, std::fs::Permissions::from_mode(0o755)).unwrap();
        let hook = hook.to_str().unwrap();
        // Handed back, not run yet: relhook's part (which rewrites HEAD) goes first.
        let mut a = args(&["relhook", "hook:post-commit:chain", hook]);
        let later = from_shebang(&mut a)
            .unwrap()
            .expect("run after relhook's part");
        assert_eq!(a, args(&["relhook", "hook", "post-commit"]));
        assert!(!ran.exists());
        // It fails: git ignores a post-commit's exit.
        later.run();
        assert_eq!(std::fs::read_to_string(&ran).unwrap(), "0\n");
        // Installed with --force: kept, not run.
        let mut a = args(&["relhook", "hook:post-commit", hook]);
        assert!(from_shebang(&mut a).unwrap().is_none());
        // Moved aside and still run by a hook manager (pre-commit's `post-commit.legacy`): the
        // chained hook is found by its name, not the moved file's.
        std::fs::write(
            &chained,
            format!("echo moved >>'{}'\nexit 4\n", ran.display()),
        )
        .unwrap();
        let moved = dir.path().join("post-commit.legacy");
        let mut a = args(&["relhook", "hook:post-commit:chain", moved.to_str().unwrap()]);
        from_shebang(&mut a).unwrap().expect("chained").run();
        assert_eq!(std::fs::read_to_string(&ran).unwrap(), "0\nmoved\n");
    }
}
