//! QA243: pre-push's other fixes on a channel's branch (`[release] channels`) named `relhook
//! release X` for a stable X, which the branch then refuses, and a hand tag of X, which its
//! hook refuses: a tag pushed by a refspec, one with build metadata or below its line's
//! release, one a branch push leaves behind, and a release commit to make again over the
//! remote's. Each now names the releases the branch takes (a stable one with
//! `--allow-stable`, said), and the way is taken.

use crate::qa224_release_channels::{CONFIG, on_beta};
use crate::qa243_channel_advice_accepted::{each_release_taken, rc_on_beta};
use crate::support::{Repo, dated_release, ok, stderr, text};

/// `on_beta` with `origin`, which has main and v1.0.0.
fn beta_with_origin(repo: Repo) -> Repo {
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main", "v1.0.0"]));
    repo
}

/// The push of `args` refused: its stderr.
fn refused(repo: &Repo, args: &[&str]) -> String {
    let out = repo.git_output(args);
    assert!(!out.status.success(), "{}", text(&out));
    stderr(&out)
}

#[test]
fn a_stable_tag_pushed_by_a_refspec_is_made_by_a_release_the_branch_takes() {
    let repo = beta_with_origin(on_beta(CONFIG));
    let said = refused(&repo, &["push", "origin", "HEAD:refs/tags/v2.0.0"]);
    each_release_taken(&repo, &said, "fix:");
}

#[test]
fn a_build_tag_is_made_again_by_a_release_the_branch_takes() {
    let repo = beta_with_origin(on_beta(CONFIG));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2.0.0+build.5", "-m", "x"]));
    let said = refused(&repo, &["push", "origin", "v2.0.0+build.5"]);
    assert!(!said.contains("git tag -a v2.0.0 "), "{said}");
    ok(repo.git_output(&["tag", "-d", "v2.0.0+build.5"]));
    each_release_taken(&repo, &said, "fix:");
}

#[test]
fn a_tag_below_another_pre_release_line_is_replaced_by_its_next_release() {
    let repo = beta_with_origin(rc_on_beta());
    ok(repo.git_skipping_relhook(&["tag", "-a", "v1.5.0", "-m", "x"]));
    let said = refused(&repo, &["push", "origin", "v1.5.0"]);
    ok(repo.git_output(&["tag", "-d", "v1.5.0"]));
    each_release_taken(&repo, &said, "fix:");
}

#[test]
fn a_stable_tag_left_behind_is_made_by_a_release_the_branch_takes() {
    let repo = beta_with_origin(on_beta(CONFIG));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2.0.0", "-m", "x"]));
    let out = repo.git_output(&["push", "origin", "beta"]);
    let said = stderr(&out);
    assert!(said.contains("stays behind"), "{}", text(&out));
    assert!(!said.contains("git tag -a v2.0.0 "), "{said}");
    ok(repo.git_output(&["tag", "-d", "v2.0.0"]));
    each_release_taken(&repo, &said, "fix:");
}

#[test]
fn a_stable_release_made_again_over_the_remotes_commits_is_made_on_purpose() {
    let repo = beta_with_origin(on_beta(CONFIG));
    ok(repo.git_output(&["push", "-q", "origin", "beta"]));
    // Another clone moves origin's beta on.
    let other = repo.dir.path().join("other");
    let origin = repo.dir.path().join("origin.git");
    let (o, p) = (origin.to_str().unwrap(), other.to_str().unwrap());
    ok(repo.git_in(repo.dir.path(), &["clone", "-q", "-b", "beta", o, p], &[]));
    let skip = [("RELHOOK_SKIP", "1")];
    ok(repo.git_in(
        &other,
        &["commit", "-q", "--allow-empty", "-m", "fix: there"],
        &skip,
    ));
    ok(repo.git_in(&other, &["push", "-q", "origin", "beta"], &skip));
    ok(dated_release(&repo, &["2.0.0", "--allow-stable"]));
    ok(repo.git_output(&["fetch", "-q", "origin"]));
    let said = refused(&repo, &["push", "origin", "beta", "v2.0.0"]);
    let fix = (said.lines())
        .find(|l| l.contains("fix:"))
        .unwrap_or_else(|| panic!("{said}"));
    let redo = (fix.split('`').skip(1).step_by(2))
        .find(|c| c.contains("git reset --keep"))
        .unwrap_or_else(|| panic!("{said}"));
    // The way named is taken, and the release it makes goes.
    let out = repo.sh(redo);
    assert!(out.status.success(), "`{redo}`:\n{}", text(&out));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "beta"]));
}
