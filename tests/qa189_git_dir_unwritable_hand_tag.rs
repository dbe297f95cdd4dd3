//! QA189: a release tag made by hand (`git tag -a v0.2.0`) whose release commit could not be
//! recorded inside the git dir (its index or a reflog immutable with `chattr +i`) was made,
//! `git tag` exited 0, and `committed` then failed and took the tag away. The tag is now
//! refused before git makes it, in one line with the command that lets it through. git
//! replaces the index by rename, so its mode alone (`chmod 444`) stops nothing and is no
//! reason to refuse.

use crate::support::hand_tag_refused;
use crate::support::immutable::Immutable;
use crate::support::unwritable::{paste, released, tags_once_writable};

fn refused_until_pasted(rel: &str) {
    let repo = released();
    let path = repo.path().join(rel);
    assert!(path.is_file(), "{rel} missing");
    let Some(guard) = Immutable::set(&path) else {
        return;
    };
    let err = hand_tag_refused(&repo, "v0.2.0");
    let shown = path.display().to_string();
    assert!(
        err.contains(&format!(
            "refusing tag v0.2.0: {shown} is immutable or append-only"
        )) && err.contains("so git cannot record the release commit")
            && err.lines().filter(|l| l.contains("refusing")).count() == 1,
        "{err}"
    );
    assert!(repo.git(&["tag", "-l", "v0.2.0"]).trim().is_empty());
    // The step as printed, pasted in the work tree, lets the tag through.
    let fix = err.split("; `").nth(1).unwrap();
    let step = fix.split('`').next().unwrap();
    assert!(step.starts_with("chattr -i -a "), "{err}");
    paste(&repo, step);
    drop(guard);
    tags_once_writable(&repo);
}

#[cfg(target_os = "linux")]
#[test]
fn a_hand_tag_over_an_immutable_index_is_refused_before_it_exists() {
    refused_until_pasted(".git/index");
}

#[cfg(target_os = "linux")]
#[test]
fn a_hand_tag_over_an_immutable_head_reflog_is_refused_before_it_exists() {
    refused_until_pasted(".git/logs/HEAD");
}

#[cfg(target_os = "linux")]
#[test]
fn a_hand_tag_over_an_immutable_branch_reflog_is_refused_before_it_exists() {
    let repo = released();
    let branch = repo.git(&["branch", "--show-current"]);
    drop(repo);
    refused_until_pasted(&format!(".git/logs/refs/heads/{}", branch.trim()));
}

/// git replaces the index by rename: a read-only index (`chmod 444`) stops no release.
#[cfg(unix)]
#[test]
fn a_read_only_index_does_not_stop_the_hand_tag() {
    use std::os::unix::fs::PermissionsExt;
    let repo = released();
    let path = repo.path().join(".git/index");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    tags_once_writable(&repo);
}
