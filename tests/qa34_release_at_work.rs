//! QA34: a hand tag made while `relhook release` ran its tests was let through; the release
//! then failed on "tag already exists", said nothing was left behind, and the tag stood on a
//! release commit no branch held. And a killed release's mark, naming only a pid, blocked
//! every release once that pid was given to another process.

use crate::qa33_running::release_at_work;
use crate::support::{hand_tag, installed_repo, stderr, text};

#[test]
fn a_hand_tag_is_refused_while_a_release_is_at_work() {
    let (repo, first, go) = release_at_work();
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "hand"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        stderr(&out).contains("another relhook release is at work"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag"]), "");
    // The mark names the release by pid and start time, which a pid given again cannot match.
    let mark = repo.read(".git/relhook-release-running");
    assert!(
        mark.starts_with("pid ") && mark.contains("\nstarted "),
        "{mark}"
    );

    std::fs::write(&go, "").unwrap();
    let out = first.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // The release's own tag, on the release commit the branch holds.
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
    assert_eq!(repo.git(&["branch", "--contains", "v0.1.0"]), "* main");
}

#[test]
fn a_killed_releases_mark_whose_pid_was_given_again_blocks_nothing() {
    let repo = installed_repo();
    repo.commit_hooked("feat: two");
    // A live process (this test) that is not the release which wrote the mark.
    let mark = format!("pid {}\nstarted 1\n", std::process::id());
    std::fs::write(repo.path().join(".git/relhook-release-running"), mark).unwrap();
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert!(
        !stderr(&out).contains("another relhook release is at work"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("at work"), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
}
