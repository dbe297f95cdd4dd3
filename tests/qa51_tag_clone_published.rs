//! QA51: a CI job that checks out a pushed release tag (`git clone --depth 1 --branch v0.1.1`,
//! then `git fetch --unshallow origin` as relhook advised) has no remote-tracking branch, so
//! `relhook check` counted no commit as published and advised rewording one under the pushed
//! tag (`git rebase -i …`). The commits under the tag a tag pipeline runs for, or under the
//! release tag a clone of a tag checked out, are published: left as they are.

use std::path::PathBuf;

use crate::support::{Repo, relhook_bin, stdout, text};

/// `v0.1.0`, a failing `WIP stuff`, a fix and `v0.1.1`, pushed to `origin`; returns a clone of
/// `v0.1.1` as a tag's CI job makes it (shallow, then unshallowed) and HEAD's commit there.
fn tag_clone(repo: &Repo) -> (PathBuf, String) {
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.commit("WIP stuff");
    repo.commit("fix: b");
    repo.git(&["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
    let origin = repo.with_origin();
    repo.git(&[
        "push",
        "-q",
        "--no-verify",
        "--follow-tags",
        "origin",
        "main",
    ]);
    let url = format!("file://{}", origin.display());
    let ci = repo.dir.path().join("ci");
    let clone = [
        "clone",
        "-q",
        "--depth",
        "1",
        "--branch",
        "v0.1.1",
        &url,
        ci.to_str().unwrap(),
    ];
    let out = repo.git_in(repo.dir.path(), &clone, &[]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_in(&ci, &["fetch", "-q", "--unshallow", "origin"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let head = stdout(&repo.git_in(&ci, &["rev-parse", "HEAD"], &[]));
    (ci, head.trim().to_owned())
}

/// The tag pipeline's check: the failing commit under the pushed tag is published, and the
/// hint says to leave it, never a rebase.
#[test]
fn a_tag_pipeline_leaves_the_commits_under_its_pushed_tag_as_they_are() {
    let repo = Repo::new();
    let (ci, head) = tag_clone(&repo);
    let event = repo.scratch("event").join("event.json");
    let payload = format!(
        r#"{{"ref":"refs/tags/v0.1.1","before":"{}","after":"{head}"}}"#,
        "0".repeat(40)
    );
    std::fs::write(&event, payload).unwrap();
    let out = repo
        .command_in(relhook_bin(), &ci)
        .args(["check"])
        .envs([
            ("GITHUB_ACTIONS", "true"),
            ("CI", "true"),
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_REF", "refs/tags/v0.1.1"),
            ("GITHUB_REF_TYPE", "tag"),
            ("GITHUB_SHA", head.as_str()),
            ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
        ])
        .output()
        .unwrap();
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("✗ ") && all.contains(" WIP stuff"), "{all}");
    assert!(
        all.contains("hint: it is published (the pushed tag `v0.1.1` holds it): leave it as it is"),
        "{all}"
    );
    assert!(!all.contains("rebase"), "{all}");
}

/// Outside a CI relhook reads (Drone, Jenkins, a script), the clone of the tag, detached at it
/// with no remote-tracking branch, says the same.
#[test]
fn a_clone_of_a_release_tag_leaves_the_commits_under_it_as_they_are() {
    let repo = Repo::new();
    let (ci, _) = tag_clone(&repo);
    let out = repo.relhook_in(&ci, &["check", "v0.1.0..HEAD"]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(
        all.contains("hint: it is published (the pushed tag `v0.1.1` holds it)"),
        "{all}"
    );
    assert!(!all.contains("rebase"), "{all}");
}

/// A repository whose release tag was never pushed (a remote added, nothing fetched): its
/// commits are still the user's to reword.
#[test]
fn a_local_release_tag_on_a_branch_is_not_published() {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.commit("WIP stuff");
    repo.commit("fix: b");
    repo.git(&["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
    repo.with_origin();
    let out = repo.relhook(&["check", "v0.1.0..HEAD"]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(!all.contains("published"), "{all}");
    assert!(all.contains("git rebase -i"), "{all}");
}
