//! QA44: a hand tag killed before its release commit, on a commit already pushed, then a
//! teammate's newer release pulled (or fetched) above it: doctor said all was well, while
//! pre-push refused the tag as past (`git tag -d`). The tag was left out as published (its
//! commit is on the remote) or as the newest tag HEAD holds. Doctor now names it, with the
//! fix pre-push gives.

use crate::support::{Repo, clone_installed, ok, stderr, stdout, text, untested_installed};

/// This clone's hand tag v0.2.0 killed before its release commit, on a pushed commit; a
/// teammate's v0.3.0 released above that commit and pushed.
fn interrupted_below_a_teammates_release() -> Repo {
    let repo = untested_installed();
    let origin = repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.git_killed_at("hand-started", &["tag", "-a", "v0.2.0", "-m", "x"], &[]);
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]).trim(), "v0.2.0");
    let b = clone_installed(&repo, &origin, "b");
    std::fs::write(b.join("b.txt"), "b\n").unwrap();
    ok(repo.git_in(&b, &["add", "b.txt"], &[]));
    ok(repo.git_in(&b, &["commit", "-q", "-m", "feat: b"], &[]));
    ok(repo.relhook_in(&b, &["release", "0.3.0"]));
    ok(repo.git_in(&b, &["push", "-q", "--follow-tags", "origin", "main"], &[]));
    repo
}

/// Doctor names v0.2.0 as pre-push does, with pre-push's fix.
fn doctor_names_it_as_pre_push_does(repo: &Repo) {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        said.contains("INVALID  tag v0.2.0")
            && said.contains("v0.3.0 holds its commits")
            && said.contains("fix: git tag -d v0.2.0\n"),
        "{}",
        text(&out)
    );
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    assert!(
        stderr(&push).contains("v0.3.0 above it holds its commits")
            && stderr(&push).contains("(`git tag -d v0.2.0`)"),
        "{}",
        text(&push)
    );
}

#[test]
fn doctor_names_an_interrupted_hand_tag_a_pulled_release_buried() {
    let repo = interrupted_below_a_teammates_release();
    ok(repo.git_output(&["pull", "-q", "--tags", "origin", "main"]));
    repo.commit_hooked("fix: c");
    doctor_names_it_as_pre_push_does(&repo);
    // The fix, pasted, leaves nothing to fix, and the push goes through.
    ok(repo.sh("git tag -d v0.2.0"));
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID"), "{}", text(&out));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}

#[test]
fn doctor_names_an_interrupted_hand_tag_a_fetched_release_is_above() {
    let repo = interrupted_below_a_teammates_release();
    ok(repo.git_output(&["fetch", "-q", "--tags", "origin"]));
    repo.commit_hooked("fix: c");
    doctor_names_it_as_pre_push_does(&repo);
    ok(repo.sh("git tag -d v0.2.0"));
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("tag v0.2.0"), "{}", text(&out));
}
