//! A file libgit2 says "no longer exists" of when it only could not open it (an index of
//! mode 000): said as the read it is, with the file and the operating system's reason. And a
//! file libgit2 could not make for the folder's permissions (a temporary object file in a
//! read-only `objects`): said as the `create` it is, so the folder to look at is named.

use std::path::PathBuf;

/// The file libgit2's `message` says is gone (`failed to read index: '<path>' no longer
/// exists`) and why it cannot be opened, when it is there: `None` for one really gone.
pub(super) fn still_there(message: &str) -> Option<(PathBuf, std::io::Error)> {
    let quoted = message.strip_suffix("' no longer exists")?;
    let path = PathBuf::from(&quoted[quoted.find('\'')? + 1..]);
    std::fs::symlink_metadata(&path).ok()?;
    // Only the kind: the message carries no "(os error 13)" meant for developers.
    std::fs::File::open(&path)
        .err()
        .map(|e| (path, std::io::Error::from(e.kind())))
}

/// The file libgit2's `message` says it could not make (`failed to create temporary file
/// '<path>': Permission denied`, also a lock file or a folder) when the folder's permissions
/// or attributes refused it: what was made, the path and the operating system's reason, as
/// std has it. A temporary file, gone with the error, is said as its folder.
pub(super) fn not_made(message: &str) -> Option<(&'static str, PathBuf, std::io::Error)> {
    let (said, reason) = message.rsplit_once("': ")?;
    let errno = match reason {
        "Permission denied" => libc::EACCES,
        "Operation not permitted" => libc::EPERM,
        _ => return None,
    };
    let (what, path) = said.split_once(" '")?;
    const MAKES: [&str; 4] = [
        "failed to create temporary file",
        "failed to create locked file",
        "failed to make directory",
        "failed to create directory",
    ];
    if !MAKES.iter().any(|m| what.ends_with(m)) {
        return None;
    }
    let why = std::io::Error::from_raw_os_error(errno);
    let path = PathBuf::from(path);
    match (what.ends_with(MAKES[0]), path.parent()) {
        (true, Some(folder)) if !folder.as_os_str().is_empty() => {
            Some(("create a temporary file in", folder.to_path_buf(), why))
        }
        _ => Some(("create", path, why)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// QA49: a temporary object file libgit2 could not make in a read-only `objects` (when
    /// the blobs' folders were there already) got no advice: it is the `create` it is.
    #[test]
    fn a_file_libgit2_could_not_make_is_its_path_and_reason() {
        let said = "failed to create temporary file '/r/.git/objects/tmp_object_git2_x': Permission denied";
        let (action, path, why) = not_made(said).unwrap();
        assert_eq!(action, "create a temporary file in");
        assert_eq!(path, PathBuf::from("/r/.git/objects"));
        assert_eq!(why.kind(), std::io::ErrorKind::PermissionDenied);
        let said = "failed to make directory '/r/.git/objects/ab': Operation not permitted";
        let (action, path, why) = not_made(said).unwrap();
        assert_eq!(
            (action, path),
            ("create", PathBuf::from("/r/.git/objects/ab"))
        );
        assert_eq!(why.raw_os_error(), Some(libc::EPERM));
        // Another reason, or another failure, is left as libgit2 says it.
        let full = "failed to create temporary file '/r/x': No space left on device";
        assert!(not_made(full).is_none());
        assert!(not_made("failed to read '/r/x': Permission denied").is_none());
        assert!(not_made("Permission denied").is_none());
    }

    #[test]
    fn a_file_really_gone_is_left_as_libgit2_says() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("index");
        let said = format!(
            "failed to read index: '{}' no longer exists",
            gone.display()
        );
        assert!(still_there(&said).is_none());
        assert!(still_there("failed to read index: no quote").is_none());
        // A file that opens is no file relhook cannot read.
        std::fs::write(&gone, "x").unwrap();
        assert!(still_there(&said).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_that_cannot_be_opened_is_named_with_the_reason() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("it's index");
        std::fs::write(&index, "x").unwrap();
        std::fs::set_permissions(&index, std::fs::Permissions::from_mode(0o000)).unwrap();
        let said = format!(
            "failed to read index: '{}' no longer exists",
            index.display()
        );
        match std::fs::File::open(&index) {
            // Root opens it anyway: nothing to say then.
            Ok(_) => assert!(still_there(&said).is_none()),
            Err(_) => {
                let (path, e) = still_there(&said).unwrap();
                assert_eq!(path, index);
                assert_eq!(e.to_string(), "permission denied");
            }
        }
    }
}
