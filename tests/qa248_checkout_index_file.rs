//! QA248: with `GIT_INDEX_FILE` in its environment, relhook's clean checkout of a tag
//! (`relhook test --tag`, pre-push's own test run) was made by a `git worktree add` that
//! inherited it. git gives post-commit `GIT_INDEX_FILE=.git/index`, so a post-commit hook that
//! pushes (auto-push) had its push refused: `worktree add` failed on `.git/index` read from
//! the checkout ("Not a directory"), and relhook asked whether git was on PATH. A user's
//! exported alternate index got the tag's tree written into it, and the tests saw a checkout
//! whose own index was empty. The checkout now gets an index of its own.

use crate::support::{
    Repo, configured_with_a_feature, hand_tag, make_executable, ok, stderr, text,
};

/// Passes only in a checkout whose index is its HEAD's tree.
const INDEX_IS_HEAD: &str = "[checks]\ntest = [\"git\", \"diff\", \"--cached\", \"--quiet\", \"HEAD\"]\nrun_tests_on_push = true\n";

/// v0.1.0 released with no test record.
fn released() -> Repo {
    let repo = configured_with_a_feature(|_| INDEX_IS_HEAD.into());
    ok(repo.relhook(&["release", "--no-test"]));
    repo
}

#[test]
fn a_tag_test_leaves_an_exported_index_alone_and_gets_its_own() {
    let repo = released();
    let alt = repo.home().join("alt-index");
    let alt = alt.to_str().unwrap();
    repo.git_env(&["read-tree", "--empty"], &[("GIT_INDEX_FILE", alt)]);
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    let out = cmd
        .env("GIT_INDEX_FILE", alt)
        .args(["test", "--tag", "v0.1.0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let left = repo.git_env(&["ls-files"], &[("GIT_INDEX_FILE", alt)]);
    assert_eq!(left, "", "the user's index was written: {left}");
}

/// A post-commit hook that pushes each commit (kept by `relhook install`, run after
/// relhook's part): git gives post-commit `GIT_INDEX_FILE=.git/index`, relative to the top of
/// the work tree, and the push's pre-push hook tests the untested release tag on its way.
#[test]
fn a_push_from_post_commit_tests_the_tag_in_a_clean_checkout() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", INDEX_IS_HEAD);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.with_origin();
    let hook = repo.hooks_dir().join("post-commit");
    std::fs::write(&hook, "#!/bin/sh\ngit push -q --follow-tags origin main\n").unwrap();
    make_executable(&hook);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]));
    let out = repo.try_commit("fix: two");
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("v0.1.0 passed"), "{err}");
    assert!(!err.contains("error"), "{err}");
    let pushed = repo.git(&["ls-remote", "origin", "refs/tags/v0.1.0"]);
    assert!(!pushed.is_empty(), "v0.1.0 was not pushed: {err}");
}
