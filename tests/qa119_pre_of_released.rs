//! QA119: on a clone of vuejs/core checked out at v3.5.0-beta.3, with v3.5.0 released on
//! main, `relhook version --next --pre rc` moved past the taken v3.5.0-rc.1 to 3.5.42-rc.1
//! (3.5.0 is released), but `--pre beta` answered 3.5.0-beta.4 and `relhook release --pre beta`
//! would have tagged it: a pre-release of a version released already, which the refusal of a
//! taken pre-release tag says is never made. A pre-release of a released version now moves to
//! the first free patch in both, whether or not its own tag exists.

use crate::support::{Repo, stdout, text};

/// `feat: a` tagged v1.0.0-beta.1; main then releases v1.0.0 above `fix: b`; branch `old`,
/// cut at the beta, gets `fix: c`, checked out.
fn beta_line_after_the_release() -> Repo {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v1.0.0-beta.1", "-m", "v1.0.0-beta.1"]);
    repo.git(&["branch", "old"]);
    repo.commit("fix: b");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["checkout", "-q", "old"]);
    repo.commit("fix: c");
    repo
}

#[test]
fn a_pre_release_of_a_version_released_elsewhere_moves_to_the_next_patch() {
    let repo = beta_line_after_the_release();
    for id in ["beta", "rc"] {
        let out = repo.relhook(&["version", "--next", "--pre", id]);
        assert_eq!(
            stdout(&out).trim(),
            format!("1.0.1-{id}.1"),
            "{}",
            text(&out)
        );
        assert!(
            text(&out).contains("tag v1.0.0 already exists, on a commit this branch does not hold"),
            "{}",
            text(&out)
        );
    }
    let out = repo.relhook(&["release", "--pre", "beta", "--allow-branch", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains(
            "1.0.0-beta.2 would be a pre-release of a released version: tag v1.0.0 already exists; \
             1.0.0 is released already: `relhook release --allow-branch 1.0.1-beta.1`"
        ),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release", "1.0.1-beta.1", "--allow-branch", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
