//! QA34: `git revert` of a release commit took its section out of the changelog without a
//! word, while doctor then called the changelog INVALID (a release would ship that version's
//! entries a second time). An amend of a release commit was said at once; so is this now.

use crate::support::{hand_tag, installed_repo, stderr, text};

/// An installed repository with `feat: one` released as v0.1.0 by a hand tag.
fn released() -> crate::support::Repo {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

#[test]
fn a_revert_of_a_release_commit_says_at_once_what_it_left() {
    let repo = released();
    repo.commit_hooked("feat: two");
    let out = repo.git_output(&["revert", "--no-edit", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let line = err.lines().find(|l| l.contains("relhook: warning:"));
    let line = line.unwrap_or_else(|| panic!("no warning: {err}"));
    assert!(
        line.contains("`## [0.1.0]` is no longer in CHANGELOG.md"),
        "{err}"
    );
    assert!(line.contains("`git tag -d v0.1.0`"), "{err}");
    // A revert of a plain commit, the release standing, says nothing of the kind.
    let repo = released();
    repo.commit_hooked("feat: three");
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("no longer in"), "{}", text(&out));
}
