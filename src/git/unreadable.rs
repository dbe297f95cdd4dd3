//! A repository git finds that relhook's git library cannot open: said by what it is
//! (reftable refs, SHA-256 objects), not as "no repository".

use std::path::Path;

use crate::Error;

/// The error for `cwd`, where libgit2 failed with `e` to open a repository.
pub(super) fn why(cwd: &Path, e: &git2::Error) -> Error {
    match super::locate::locate(cwd) {
        // A repository is there, in a format relhook's git library cannot read
        // (reftable refs, SHA-256 objects): that, not "no repository", is what to say.
        // libgit2 takes a SHA-256 repository for none at all: git's config says.
        Ok(found) if sha256(&found.common_dir) => Error::Usage(format!(
            "relhook cannot open the repository at {}: {SHA256}; relhook cannot work here (`relhook uninstall` removes hooks installed before)",
            found.git_dir.display(),
        )),
        Ok(found) if e.message().contains("extension") => Error::Usage(format!(
            "relhook cannot open the repository at {}: {}{}",
            found.git_dir.display(),
            e.message(),
            if e.message().contains("refstorage") {
                " (its refs are stored in reftable, which relhook's git library cannot read yet); relhook cannot work here (`relhook uninstall` removes hooks installed before)"
            } else {
                "; relhook cannot work here (`relhook uninstall` removes hooks installed before)"
            }
        )),
        _ => Error::NotARepository(cwd.to_owned()),
    }
}

const SHA256: &str = "its objects are SHA-256 (`extensions.objectFormat = sha256`), which relhook's git library cannot read yet";

/// Why relhook cannot work at all in the repository around `cwd`, whose format relhook's git
/// library cannot read (SHA-256 objects, reftable refs), as git's config says: `None` where
/// it can, or where there is no repository. For a command that must say so without the
/// `relhook uninstall` its error names (`doctor` where no hook is installed, `init`).
pub fn unworkable(cwd: &Path) -> Option<String> {
    let found = super::locate::locate(cwd).ok()?;
    let reftable = || {
        git2::Config::open(&found.common_dir.join("config"))
            .and_then(|c| c.get_string("extensions.refstorage"))
            .is_ok_and(|f| f.eq_ignore_ascii_case("reftable"))
    };
    let why = if sha256(&found.common_dir) {
        SHA256
    } else if reftable() {
        "its refs are stored in reftable (`extensions.refStorage = reftable`), which relhook's git library cannot read yet"
    } else {
        return None;
    };
    // What would do: git's defaults, which a repository cannot be switched back to in place.
    Some(format!(
        "{why} (it works where objects are SHA-1 and refs are files, git's defaults)"
    ))
}

/// Whether the repository whose shared git dir is `common_dir` stores SHA-256 objects, as its
/// config says (read as a file: libgit2 opens no such repository).
fn sha256(common_dir: &Path) -> bool {
    git2::Config::open(&common_dir.join("config"))
        .and_then(|c| c.get_string("extensions.objectformat"))
        .is_ok_and(|f| f.eq_ignore_ascii_case("sha256"))
}
