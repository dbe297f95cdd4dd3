//! QA183: a release tag made by hand (`git tag -a v0.2.0`) over a version file the release
//! would bump but cannot write (Cargo.toml made immutable with `chattr +i`, or read-only with
//! `chmod 444`, which relhook honours even as root) was made, `git tag` exited 0, and the
//! `committed` run then failed to write the file and took the tag away: a script's next `git
//! push origin v0.2.0` found no tag. The tag is now refused before git makes it, in one line
//! with the command that lets the release through; a file the release leaves alone is no
//! reason to refuse.

use crate::support::hand_tag_refused;
use crate::support::immutable::Immutable;
use crate::support::unwritable::{MANIFEST, paste, released, tags_once_writable};

#[cfg(unix)]
#[test]
fn a_hand_tag_over_a_read_only_version_file_it_bumps_is_refused_before_it_exists() {
    use std::os::unix::fs::PermissionsExt;
    let repo = released();
    let path = repo.path().join("Cargo.toml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let err = hand_tag_refused(&repo, "v0.2.0");
    let fix = "`chmod u+w \"$(git rev-parse --show-toplevel)\"/Cargo.toml` (as its owner)";
    assert!(
        err.contains("refusing tag v0.2.0: Cargo.toml is read-only") && err.contains(fix),
        "{err}"
    );
    assert_eq!(repo.read("Cargo.toml"), MANIFEST);
    // The step as printed, pasted in the work tree, lets the tag through.
    let step = fix.trim_start_matches('`').split('`').next().unwrap();
    paste(&repo, step);
    tags_once_writable(&repo);
}

#[cfg(target_os = "linux")]
#[test]
fn a_hand_tag_over_an_immutable_version_file_it_bumps_is_refused_before_it_exists() {
    let repo = released();
    let path = repo.path().join("Cargo.toml");
    let Some(guard) = Immutable::set(&path) else {
        return;
    };
    let err = hand_tag_refused(&repo, "v0.2.0");
    let fix = "`chattr -i -a \"$(git rev-parse --show-toplevel)\"/Cargo.toml` (as root)";
    assert!(
        err.contains("refusing tag v0.2.0: Cargo.toml is immutable or append-only")
            && err.contains(fix)
            && err.lines().filter(|l| l.contains("refusing")).count() == 1,
        "{err}"
    );
    assert_eq!(repo.read("Cargo.toml"), MANIFEST);
    let step = fix.trim_start_matches('`').split('`').next().unwrap();
    paste(&repo, step);
    drop(guard);
    tags_once_writable(&repo);
}

#[cfg(target_os = "linux")]
#[test]
fn a_hand_tag_over_an_immutable_changelog_is_refused_before_it_exists() {
    let repo = released();
    let path = repo.path().join("CHANGELOG.md");
    let Some(_guard) = Immutable::set(&path) else {
        return;
    };
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        err.contains("refusing tag v0.2.0: CHANGELOG.md is immutable or append-only")
            && err.contains("`chattr -i -a \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md`"),
        "{err}"
    );
}

/// Only the files the release writes: an immutable file it leaves alone refuses nothing.
#[cfg(target_os = "linux")]
#[test]
fn an_immutable_file_the_release_leaves_alone_does_not_stop_the_hand_tag() {
    let repo = released();
    repo.write("notes.txt", "0.1.0\n");
    repo.git(&["add", "notes.txt"]);
    repo.commit_hooked("fix: notes");
    let path = repo.path().join("notes.txt");
    let Some(_guard) = Immutable::set(&path) else {
        return;
    };
    tags_once_writable(&repo);
}
