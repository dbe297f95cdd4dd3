//! QA51: a hand tag on a commit a release already holds was judged "already released" only
//! below HEAD or at a detached HEAD, and only below another release's tag. Given the release
//! commit itself by name (`git tag -a v0.2.0 <v0.1.0's commit>`), it was advised a release on
//! a branch of its own (nothing new to release there); at a detached HEAD on it, the same; on
//! a branch of its own, "releases are made from main" with `--allow-branch`; and a
//! lightweight tag on any of them was told to be made annotated, which is refused again.
//! Each is now refused in one line as a release commit or a released commit, with advice
//! that works: tag HEAD of the branch with the new commits.

use crate::support::{Repo, hand_tag, hand_tag_refused, ok, stderr, text};

/// v0.1.0 released over `feat: a`, `fix: b` committed on top; v0.1.0's release commit.
fn released() -> (Repo, String) {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "--no-test"]));
    let release = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("fix: b");
    (repo, release)
}

/// `git tag ARGS`, refused: stderr, with no tag made.
fn refused(repo: &Repo, args: &[&str]) -> String {
    let out = hand_tag(repo, args);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "");
    stderr(&out)
}

#[test]
fn a_hand_tag_of_a_release_commit_by_name_says_it_has_nothing_new() {
    let (repo, release) = released();
    for args in [
        &["-a", "v0.2.0", "-m", "x", &release][..],
        &["v0.2.0", &release][..],
    ] {
        let err = refused(&repo, args);
        assert!(
            err.contains("is release v0.1.0's own (its tag is on it)")
                && err.contains("tag HEAD (`git tag -a v0.2.0 -m v0.2.0`)"),
            "{err}"
        );
        assert!(
            !err.contains("branch of its own") && !err.contains("-m ..."),
            "{err}"
        );
        assert_eq!(err.matches("refusing tag").count(), 1, "{err}");
    }
    // The advice, followed: HEAD, with `fix: b`, is released.
    ok(hand_tag(&repo, &["-a", "v0.2.0", "-m", "x"]));
    assert_eq!(repo.head_subject(), "chore(release): 0.2.0");
}

#[test]
fn a_release_commit_at_a_detached_head_or_another_branch_has_nothing_to_release() {
    let (repo, release) = released();
    repo.git(&["checkout", "-q", "--detach", &release]);
    for args in [&["-a", "v0.2.0", "-m", "x"][..], &["v0.2.0"][..]] {
        let err = hand_tag_refused_with(&repo, args);
        assert!(
            err.contains(
                "this commit is already release v0.1.0's, and nothing was committed since"
            ),
            "{err}"
        );
        assert!(!err.contains("git switch -c"), "{err}");
    }
    repo.git(&["switch", "-q", "-c", "topic"]);
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        err.contains("this commit is already release v0.1.0's") && !err.contains("--allow-branch"),
        "{err}"
    );
}

#[test]
fn a_lightweight_tag_below_a_release_is_refused_as_released() {
    let (repo, _) = released();
    let err = refused(&repo, &["v0.2.0", "HEAD~2"]);
    assert!(
        err.contains("`v0.2.0` is a lightweight tag, and commit")
            && err.contains("is already released in v0.1.0"),
        "{err}"
    );
    assert!(!err.contains("-m ..."), "{err}");
}

/// [`refused`] at a detached HEAD, which stays where it is.
fn hand_tag_refused_with(repo: &Repo, args: &[&str]) -> String {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let err = refused(repo, args);
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    err
}
