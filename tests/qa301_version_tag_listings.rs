//! QA301: `relhook version --next` only reads: it makes, moves and deletes no tag. On a line
//! of pre-releases (vuejs/core's `minor`: `v3.6.0-rc.5` over `v3.5.x`) it asked for the
//! release tags seventeen times, each listing `refs/tags` and reading every tag object again.
//! The tags are read twice now (12 listings here before). Guarded by counting listings (`RELHOOK_TEST_TAG_LISTINGS`),
//! never by timing.

use crate::support::{Repo, stderr, text};

/// A stable release, a minor line of pre-releases above it and a feature since the last.
fn prerelease_line() -> Repo {
    let repo = Repo::new();
    repo.feat_history(3);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    for (i, rc) in ["v1.1.0-rc.1", "v1.1.0-rc.2"].iter().enumerate() {
        let msg = format!("feat: rc change {i}");
        repo.git(&["commit", "-q", "--allow-empty", "-m", &msg]);
        repo.git(&["tag", "-a", rc, "-m", rc]);
    }
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: after the rc"]);
    repo
}

#[test]
fn the_next_version_lists_the_release_tags_not_at_each_question() {
    let repo = prerelease_line();
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .args(["version", "--next"])
        .env("RELHOOK_TEST_TAG_LISTINGS", "1")
        .output()
        .expect("run relhook");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1.1.0");
    let listings: Vec<usize> = stderr(&out)
        .lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" release tag listings"))
        .map(|n| n.parse().expect("a count"))
        .collect();
    // Once for the candidates, once by version (12 before).
    assert_eq!(listings, vec![2], "{}", text(&out));
}
