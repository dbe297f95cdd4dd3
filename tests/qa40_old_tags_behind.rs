//! QA40: a branch push predicted refusals of the release tags made before `relhook install`
//! that it left behind, and advised deleting and making them again (published releases),
//! while the push of those tags passes them unjudged. The branch push now treats them as the
//! tag push does: one note with their count, no prediction, no advice; a tag made since the
//! install is still predicted.

use crate::support::{Repo, ok, stderr, text};

/// An annotated `v1.0.0` and a lightweight `v1.1.0`, neither with a changelog section, made
/// before `relhook install`; then the install and a remote.
fn adopted_with_old_tags() -> Repo {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("feat: b");
    repo.git(&["tag", "v1.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo
}

#[test]
fn a_branch_push_leaves_tags_from_before_the_install_with_one_note() {
    let repo = adopted_with_old_tags();
    let out = ok(repo.git_output(&["push", "-q", "origin", "main"]));
    let err = stderr(&out);
    assert!(!err.contains("would refuse"), "{}", text(&out));
    assert!(!err.contains("git tag -d"), "{}", text(&out));
    assert!(!err.contains("make it again annotated"), "{}", text(&out));
    let notes: Vec<&str> = err.lines().filter(|l| l.contains("release tag")).collect();
    assert_eq!(
        notes,
        [
            "relhook: note: 2 release tags from before `relhook install` stay behind (`git push origin --tags` sends them; they are not judged)"
        ],
        "{}",
        text(&out)
    );
    // As the push of the tags themselves judges them.
    let out = ok(repo.git_output(&["push", "-q", "origin", "v1.0.0", "v1.1.0"]));
    assert!(
        stderr(&out).contains("2 release tags from before `relhook install` here were not judged"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_tag_made_since_the_install_is_still_predicted() {
    let repo = adopted_with_old_tags();
    repo.commit_hooked("feat: c");
    repo.git_env(&["tag", "v1.2.0"], &[("RELHOOK_SKIP", "1")]);
    let out = ok(repo.git_output(&["push", "-q", "origin", "main"]));
    let err = stderr(&out);
    assert!(
        err.contains(
            "relhook: release tag v1.2.0 on commits this push sends stays behind, and pre-push would refuse it as it is:"
        ),
        "{}",
        text(&out)
    );
    assert!(!err.contains("release tag v1.0.0"), "{}", text(&out));
    assert!(!err.contains("release tag v1.1.0"), "{}", text(&out));
    assert!(
        err.contains("relhook: note: 2 release tags from before `relhook install` stay behind"),
        "{}",
        text(&out)
    );
}
