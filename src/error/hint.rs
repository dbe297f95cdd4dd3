//! The fixes and context error messages carry, where the system's or git's words alone do
//! not tell the user what to do.

/// The index format libgit2 refuses in `message` (an index extension it does not know), and
/// the git command that turns it off, keeping what the user set up: a split index
/// (`core.splitIndex`), or a sparse index (`index.sparse`), whose sparse checkout stays.
pub(super) fn unreadable_index(message: &str) -> Option<(&'static str, &'static str)> {
    if message.contains("extension: 'link'") {
        Some((
            "a split index, `core.splitIndex`",
            "git config core.splitIndex false && git update-index --no-split-index",
        ))
    } else if message.contains("extension: 'sdir'") {
        Some((
            "a sparse index, `index.sparse`",
            "git sparse-checkout init --cone --no-sparse-index",
        ))
    } else {
        None
    }
}

/// git's several lines of error output (`fatal: …`, `error: gpg failed …`) as one line, so a
/// refusal that quotes them stays one line.
pub(super) fn one_line(stderr: &str) -> String {
    stderr
        .lines()
        .map(|l| l.trim().trim_end_matches(':'))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn locked_message(path: &std::path::Path, waited_ms: u64, age_s: Option<u64>) -> String {
    match age_s {
        // git holds a lock for milliseconds: one that outlasts the wait was likely left by a
        // process killed holding it (a relhook or git killed mid-update), which nothing frees.
        None => format!(
            "`{0}` is held by another git process (waited {waited_ms} ms), or was left by one that was killed: if no git command is running, remove it (`rm {1}`)",
            path.display(),
            crate::shellword::quote(&path.display().to_string())
        ),
        Some(age) => format!(
            "`{0}` has been there for {age} s (waited {waited_ms} ms): if no git command is running, a git that crashed left it: remove it (`rm {1}`)",
            path.display(),
            crate::shellword::quote(&path.display().to_string())
        ),
    }
}

/// For a refusal by the file's permissions, the command that shows them: the error alone
/// does not say whether the file, or the folder it is in, is the one to change.
pub(super) fn permission_fix(source: &std::io::Error, path: &std::path::Path) -> String {
    // EFBIG: the file size limit relhook runs under (`interrupt::file_size_limit_as_error`).
    #[cfg(unix)]
    if source.raw_os_error() == Some(libc::EFBIG) {
        return "; it would be larger than the file size limit of this shell (`ulimit -f`): raise it (`ulimit -f unlimited`), then run the command again".into();
    }
    if source.kind() != std::io::ErrorKind::PermissionDenied {
        return String::new();
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    format!(
        "; `ls -ld {} {}` shows who may change them (`chmod u+rw` the file, `u+rwx` the folder, as its owner)",
        crate::shellword::quote(&path.to_string_lossy()),
        crate::shellword::quote(&folder.to_string_lossy())
    )
}
