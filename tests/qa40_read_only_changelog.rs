//! QA40: a CHANGELOG.md its owner made read-only (`chmod 444`) was replaced all the same (a
//! rename over it needs only the folder), in silence. relhook now refuses to replace a
//! read-only file, in one line with the fix, and leaves nothing half-made.

use crate::support::{installed_repo, stderr, text};

#[cfg(unix)]
#[test]
fn a_read_only_changelog_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let repo = installed_repo();
    let path = repo.path().join("CHANGELOG.md");
    let before = repo.read("CHANGELOG.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    repo.write("y.txt", "y\n");
    repo.git(&["add", "y.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: ro"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("it is read-only") && stderr(&out).contains("`chmod u+rw` the file"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(stderr(&out).contains("it is read-only"), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag"]), "");
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}
