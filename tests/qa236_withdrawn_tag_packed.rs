//! QA236: a hand tag withdrawn (its release commit could not be made) in a repository whose
//! refs are packed (`git pack-refs --all`): the tag git made is loose, and taking it away
//! must leave `packed-refs` as git wrote it, byte for byte and with its mode (libgit2 rewrites
//! the file, with the umask's bits, when a deleted ref is packed too). Pinned end to end, in a
//! plain and in a group-shared repository.

use std::os::unix::fs::PermissionsExt;

use crate::support::hand_tag_cost::released_with_fixes;
use crate::support::{chmod, stderr, text};

/// Tags `v0.2.0` by hand, made to fail before its release commit; `packed-refs` with `mode`
/// beforehand is the same after.
fn withdrawn_leaves_packed_refs(shared: Option<&str>, mode: u32) {
    let repo = released_with_fixes(&[]);
    if let Some(value) = shared {
        repo.git(&["config", "core.sharedRepository", value]);
    }
    repo.git(&["pack-refs", "--all"]);
    let packed = repo.path().join(".git/packed-refs");
    chmod(&packed, mode);
    let before = std::fs::read(&packed).unwrap();
    assert!(String::from_utf8_lossy(&before).contains("refs/tags/v0.1.0"));
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .env("RELHOOK_TEST_FAILPOINT", "files-written")
        .args(["tag", "-a", "v0.2.0", "-m", "x"]);
    let out = cmd.output().unwrap();
    assert!(
        stderr(&out).contains("tag v0.2.0 was removed"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "");
    assert_eq!(std::fs::read(&packed).unwrap(), before, "{}", text(&out));
    let now = std::fs::metadata(&packed).unwrap().permissions().mode() & 0o7777;
    assert_eq!(format!("{now:o}"), format!("{mode:o}"));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
}

#[test]
fn a_withdrawn_hand_tag_leaves_packed_refs_as_git_wrote_it() {
    withdrawn_leaves_packed_refs(None, 0o600);
}

#[test]
fn a_withdrawn_hand_tag_leaves_a_shared_packed_refs_as_git_wrote_it() {
    withdrawn_leaves_packed_refs(Some("0640"), 0o640);
}
