//! QA51: with only a pattern in `release.branches` (`["release/*"]`), a hand tag on a feature
//! branch made off `release/1.x` was told "`git switch <release branch>` and tag there": no
//! branch named, and no merge step, so the release would leave out the feature's commits.
//! The advice now names the matching branch the feature came from and merges it first.

use crate::support::{Repo, hand_tag, hand_tag_refused, ok, text};

/// `release.branches = ["release/*"]`; `release/1.x` and `release/2.x` off main, then
/// `feature` off `release/1.x` with a commit it lacks.
fn feature_off_a_release_branch() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[release]\nbranches = [\"release/*\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.git(&["branch", "release/2.x"]);
    repo.git(&["switch", "-q", "-c", "release/1.x"]);
    repo.commit_hooked("feat: one");
    repo.git(&["switch", "-q", "-c", "feature"]);
    repo.commit_hooked("feat: two");
    repo
}

#[test]
fn the_release_branch_the_feature_came_from_is_named_and_merged_first() {
    let repo = feature_off_a_release_branch();
    let err = hand_tag_refused(&repo, "v0.1.0");
    assert!(
        err.contains(
            "releases are made from release/* (`release.branches`), not `feature`; release/1.x lacks commits of `feature`, so merge them first: `git switch release/1.x && git merge feature`, then tag there, or"
        ),
        "{err}"
    );
    assert!(!err.contains("<release branch>"), "{err}");
    // The advice, pasted, releases the feature from release/1.x.
    ok(repo.sh("git switch release/1.x && git merge feature"));
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let held = repo.git_output(&["merge-base", "--is-ancestor", "feature", "v0.1.0"]);
    assert!(held.status.success(), "the feature is in v0.1.0");
    assert!(repo.read("CHANGELOG.md").contains("- two"));
}

#[test]
fn a_matching_branch_that_holds_head_is_the_plain_switch() {
    let repo = feature_off_a_release_branch();
    repo.git(&["switch", "-q", "-c", "topic", "release/1.x"]);
    let err = hand_tag_refused(&repo, "v0.1.0");
    assert!(
        err.contains("; `git switch release/1.x` and tag there, or"),
        "{err}"
    );
}

#[test]
fn with_no_matching_branch_one_is_made_from_the_branch() {
    let repo = feature_off_a_release_branch();
    repo.git(&["branch", "-q", "-D", "release/1.x", "release/2.x"]);
    let err = hand_tag_refused(&repo, "v0.1.0");
    assert!(
        err.contains(
            "no branch here is named so: make one from `feature` (`git switch -c <name>`, a name `release.branches` admits) and tag there, or"
        ),
        "{err}"
    );
}
