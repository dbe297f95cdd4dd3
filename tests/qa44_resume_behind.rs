//! QA44: a hand tag killed before its release commit, then a fetch of a teammate's higher
//! release: `relhook release --resume` made the release commit on a branch behind its
//! upstream (a hand tag and `relhook release` are refused there), and the push published the
//! tag on no branch of the remote. `--resume` is now refused as the release is, and doctor
//! names the tag's deletion and the pull.

use crate::support::{Repo, clone_installed, ok, stderr, stdout, text, untested_installed};

/// This clone's hand tag v0.2.0 killed before its release commit, on a pushed commit; a
/// teammate's v0.3.0 fetched since.
fn interrupted_behind() -> Repo {
    let repo = untested_installed();
    let origin = repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    let b = clone_installed(&repo, &origin, "b");
    std::fs::write(b.join("b.txt"), "b\n").unwrap();
    ok(repo.git_in(&b, &["add", "b.txt"], &[]));
    ok(repo.git_in(&b, &["commit", "-q", "-m", "feat: b"], &[]));
    ok(repo.relhook_in(&b, &["release", "0.3.0"]));
    ok(repo.git_in(&b, &["push", "-q", "--follow-tags", "origin", "main"], &[]));
    repo.git_killed_at("hand-started", &["tag", "-a", "v0.2.0", "-m", "x"], &[]);
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]).trim(), "v0.2.0");
    ok(repo.git_output(&["fetch", "-q"]));
    repo
}

#[test]
fn resume_refuses_an_interrupted_hand_tag_behind_its_upstream_and_doctor_names_the_way() {
    let repo = interrupted_behind();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the branch is 2 commits behind origin/main (as last fetched)"),
        "{err}"
    );
    assert!(
        err.contains("`git tag -d v0.2.0 && git pull --rebase --tags origin main`"),
        "{err}"
    );
    assert!(
        err.contains("then release above origin/main's v0.3.0"),
        "{err}"
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("fix: git tag -d v0.2.0 && git pull --rebase --tags origin main"),
        "{doctor}"
    );
    // The fix, pasted, leaves nothing to fix.
    ok(repo.sh("git tag -d v0.2.0 && git pull --rebase --tags origin main"));
    let after = repo.relhook(&["doctor"]);
    assert!(!stdout(&after).contains("INVALID"), "{}", text(&after));
}
