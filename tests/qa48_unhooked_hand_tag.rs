//! QA48: in a fresh clone of a husky project (relhook's calls committed in `.husky/`, husky's
//! `prepare` run, no `relhook install` there) git never runs relhook's reference-transaction
//! hook, so `git tag -a v0.2.0` makes a plain tag. pre-push refused it with advice that cannot
//! work there ("let the hook write it when you tag", "`git tag -a v0.2.0` on a commit that
//! passes"): pasted, the same plain tag and refusal. Same after `relhook install --hooks`
//! without it. The refusal now names the release command only, and one note says why a hand
//! tag is no release in this clone, with doctor's fix where the hook is meant to be there.

use std::process::Output;

use crate::hook_files::{git, husky_9_runners};
use crate::support::{Repo, ok, stderr, text};

const NOTE: &str = "a tag made by hand (`git tag -a`) is a plain tag in this clone, not a release";

/// pre-push's refusal of plain tag v0.2.0 (or its word on it left behind): the release
/// command, no hand tag nor hook that does not run here, and the note once.
fn assert_release_only(err: &str) {
    assert!(!err.contains("let the hook write it"), "{err}");
    assert!(!err.contains("on a commit that passes"), "{err}");
    assert!(err.contains("`relhook release 0.2.0`"), "{err}");
    assert_eq!(err.matches(NOTE).count(), 1, "said once: {err}");
}

/// A project with a remote, `.relconfig.toml` committed (no test records needed).
fn project() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.with_origin();
    repo
}

/// A husky 9 project whose `.husky/` files call relhook, with husky's runners as `npm
/// install` leaves a fresh clone: none for reference-transaction.
fn husky_clone() -> Repo {
    let repo = project();
    husky_9_runners(&repo);
    ok(repo.relhook(&["install"]));
    ok(git(&repo, &["add", ".husky"]));
    ok(git(
        &repo,
        &["commit", "-q", "-m", "chore: relhook in husky"],
    ));
    std::fs::remove_file(repo.path().join(".husky/_/reference-transaction")).unwrap();
    repo
}

/// A feature committed through the hooks, then `git tag -a v0.2.0`: a plain tag here.
fn plain_hand_tag(repo: &Repo) {
    repo.write("x.txt", "x\n");
    ok(git(repo, &["add", "x.txt"]));
    ok(git(repo, &["commit", "-q", "-m", "feat: x"]));
    ok(git(repo, &["tag", "-a", "v0.2.0", "-m", "x"]));
    assert_eq!(repo.head_subject(), "feat: x", "no release commit");
}

/// `git push ARGS` to origin through the hooks, relhook on PATH.
fn push(repo: &Repo, args: &[&str]) -> Output {
    let mut all = vec!["push", "-q", "origin"];
    all.extend_from_slice(args);
    git(repo, &all)
}

#[test]
fn a_husky_clone_without_the_runner_is_told_the_release_and_the_install() {
    let repo = husky_clone();
    plain_hand_tag(&repo);

    // A branch push leaves the tag behind: its way to a tag pre-push takes, the note once.
    let branch = ok(push(&repo, &["main"]));
    assert_release_only(&stderr(&branch));

    let out = push(&repo, &["--follow-tags", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_release_only(&err);
    assert!(
        err.contains("git does not run relhook's reference-transaction hook here")
            && err.contains("to add it: `relhook install` (adds .husky/_/reference-transaction"),
        "{err}"
    );

    // The advice, pasted: the release is made and pushed.
    ok(repo.sh("git tag -d v0.2.0 && relhook release 0.2.0"));
    assert_eq!(repo.head_subject(), "chore(release): 0.2.0");
    ok(push(&repo, &["--follow-tags", "main"]));

    // doctor's fix, as the note names it: a hand tag is a release from then on.
    ok(repo.sh("relhook install"));
    repo.write("y.txt", "y\n");
    ok(git(&repo, &["add", "y.txt"]));
    ok(git(&repo, &["commit", "-q", "-m", "feat: y"]));
    ok(git(&repo, &["tag", "-a", "v0.3.0", "-m", "y"]));
    assert_eq!(repo.head_subject(), "chore(release): 0.3.0");
}

#[test]
fn a_subset_install_without_the_hook_is_told_the_release_only() {
    let repo = project();
    ok(repo.relhook(&["install", "--hooks", "commit-msg,post-commit,pre-push"]));
    plain_hand_tag(&repo);

    let out = push(&repo, &["--follow-tags", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_release_only(&err);
    assert!(err.contains("`relhook install --hooks` left out"), "{err}");
    assert!(!err.contains("to add it"), "{err}");
}

/// Where the hook runs, a plain tag made past it (RELHOOK_SKIP) keeps the hand tag's way.
#[test]
fn where_the_hook_runs_a_hand_tag_is_still_named() {
    let repo = project();
    ok(repo.relhook(&["install"]));
    repo.write("x.txt", "x\n");
    ok(git(&repo, &["add", "x.txt"]));
    ok(git(&repo, &["commit", "-q", "-m", "feat: x"]));
    let tag = ["tag", "-a", "v0.2.0", "-m", "x"];
    ok(repo.git_in(&repo.path(), &tag, &[("RELHOOK_SKIP", "1")]));

    let out = push(&repo, &["--follow-tags", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("let the hook write it when you tag"), "{err}");
    assert!(
        err.contains("`git tag -a v0.2.0 -m v0.2.0` on a commit that passes"),
        "{err}"
    );
    assert!(!err.contains(NOTE), "{err}");
}
