//! QA47: `relhook release` mid `git bisect` (HEAD detached at the commit it tests) advised
//! `git switch main`, which git warns about while bisecting and which leaves the bisect open.
//! It names the bisect now, as the hand tag does: `git bisect reset`, then release again.

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn a_release_mid_bisect_names_the_bisect_first() {
    let repo = installed_repo();
    repo.commit_hooked("fix: two");
    repo.commit_hooked("fix: three");
    repo.commit_hooked("fix: four");
    repo.git(&["bisect", "start", "HEAD", "HEAD~3"]);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(
        err.trim_end(),
        "relhook: release refused: a bisect is in progress, so HEAD is detached at the commit it tests; end it (`git bisect reset`), then release again",
    );
    // Done as said, the release is made on the branch.
    ok(repo.sh("git bisect reset"));
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.git(&["branch", "--contains", "v0.1.0"]), "* main");
}
