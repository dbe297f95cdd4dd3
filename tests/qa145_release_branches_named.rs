//! QA145: in a repository begun with `git init -b trunk`, `relhook release` on another branch
//! said "releases are made from main, master, trunk": two branches that do not exist. Only the
//! release branches that exist are named; with none, the configured ones and the key.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn only_release_branches_that_exist_are_named() {
    let repo = Repo::new();
    repo.git(&["symbolic-ref", "HEAD", "refs/heads/trunk"]);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    repo.git(&["switch", "-q", "-c", "feature/x"]);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("releases are made from trunk (`release.branches`), not `feature/x`"),
        "{err}"
    );
    // None of the configured ones here: named with the key that sets them.
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[release]\nbranches = [\"stable\"]\n",
    );
    repo.git(&["commit", "-q", "-am", "chore: release from stable"]);
    let out = repo.relhook(&["release"]);
    let err = stderr(&out);
    assert!(
        err.contains("releases are made from stable (`release.branches`, none of them a branch here), not `feature/x`"),
        "{err}"
    );
}
