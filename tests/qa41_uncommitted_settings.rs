//! QA41: `relhook release --allow-dirty` with an uncommitted `.relconfig.toml` ran the work
//! tree's test command (`true`) and recorded the pass for the release commit's tree, whose
//! own test command (`false`) always fails; pre-push then let the tag out as tested. A
//! `--resume` did the same. The settings a release follows are the ones its commit carries.

use crate::support::{Repo, configured_with_a_feature, stderr, text};

/// A repository whose committed test command fails, and a work tree where it passes.
fn passing_only_in_the_work_tree() -> Repo {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"false\"]\n".into());
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo
}

fn refused_for_the_settings(repo: &Repo, args: &[&str]) {
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("release refused: .relconfig.toml has uncommitted changes")
            && err.contains("`git restore --staged --worktree -- :/.relconfig.toml`"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert_eq!(repo.git(&["tag", "--list"]), "", "no tag");
    assert!(
        repo.git(&["notes", "--ref", "refs/notes/relhook-tests", "list"])
            .is_empty(),
        "nothing recorded"
    );
}

#[test]
fn a_release_beside_uncommitted_settings_is_refused() {
    let repo = passing_only_in_the_work_tree();
    let head = repo.git(&["rev-parse", "HEAD"]);
    refused_for_the_settings(&repo, &["release", "--allow-dirty"]);
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    assert_eq!(
        repo.read(".relconfig.toml"),
        "[checks]\ntest = [\"true\"]\n"
    );
}

#[test]
fn staged_settings_are_refused_as_well() {
    let repo = passing_only_in_the_work_tree();
    repo.git(&["add", ".relconfig.toml"]);
    let out = repo.relhook(&["release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("release refused"), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "", "no tag");
}

#[test]
fn new_settings_never_committed_are_refused() {
    let repo = configured_with_a_feature(|_| String::new());
    repo.git(&["rm", "-q", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: no settings"]);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    let out = repo.relhook(&["release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(".relconfig.toml has uncommitted changes")
            && err.contains("`git add :/.relconfig.toml && git commit"),
        "{err}"
    );
    assert_eq!(repo.git(&["tag", "--list"]), "", "no tag");
}

#[test]
fn a_resume_beside_uncommitted_settings_is_refused() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"false\"]\n".into());
    repo.relhook_killed_at("release-committed", &["release"]);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    refused_for_the_settings(&repo, &["release", "--resume", "--allow-dirty"]);
    refused_for_the_settings(&repo, &["release", "--resume"]);
}

/// A dry run says what the release would: refused the same way.
#[test]
fn a_dry_run_says_the_same() {
    let repo = passing_only_in_the_work_tree();
    refused_for_the_settings(&repo, &["release", "--dry-run", "--allow-dirty"]);
}

#[test]
fn committed_settings_release_as_before() {
    let repo = passing_only_in_the_work_tree();
    repo.git(&["commit", "-q", "-am", "chore: tests pass"]);
    repo.write("scratch.txt", "left out\n");
    let out = repo.relhook(&["release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
}

/// `relhook test --tag` runs this checkout's test command: an uncommitted one would make a
/// record pre-push trusts for a command no commit carries.
#[test]
fn a_tag_is_not_tested_with_uncommitted_settings() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"false\"]\n".into());
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    let out = repo.relhook(&["test", "--tag", "v0.1.0"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(".relconfig.toml has uncommitted changes: the pass would be recorded"),
        "{err}"
    );
    assert!(
        repo.git(&["notes", "--ref", "refs/notes/relhook-tests", "list"])
            .is_empty(),
        "nothing recorded"
    );
}
