//! A file libgit2 says "no longer exists" of when it only could not open it (an index of
//! mode 000): said as the read it is, with the file and the operating system's reason.

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

#[cfg(test)]
mod tests {
    use super::*;

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
