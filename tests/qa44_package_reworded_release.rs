//! QA44: a package's release commit amended with other words (`git commit --amend -m
//! "chore(release): a 1.0.1"`) was silent at the amend; doctor called its tag "on no branch",
//! and `relhook release --package a` sent to `relhook release --resume`, which refused with
//! "nothing to resume". As for the root's release commit, post-commit now warns at the
//! amend, and `--resume` makes the package's tag again on the amended commit.

use crate::support::{ok, stderr, stdout, text};

#[test]
fn a_package_release_commit_reworded_is_tagged_again_by_resume() {
    let repo = crate::qa43_package_revert::package_a();
    repo.write("a/m.py", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: y");
    ok(repo.relhook(&["release", "--package", "a"]));
    let amend = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "chore(release): a 1.0.1"]));
    assert!(
        stderr(&amend).contains("a-v1.0.0") && stderr(&amend).contains("relhook release --resume"),
        "{}",
        text(&amend)
    );
    let doctor = repo.relhook(&["doctor"]);
    let report = stdout(&doctor);
    assert!(!report.contains("on no branch"), "{report}");
    assert!(report.contains("fix: relhook release --resume"), "{report}");
    let again = repo.relhook(&["release", "--package", "a"]);
    assert_eq!(again.status.code(), Some(1), "{}", text(&again));
    assert!(
        stderr(&again).contains("`relhook release --resume`"),
        "{}",
        text(&again)
    );
    ok(repo.relhook(&["release", "--resume"]));
    let head = repo.git(&["rev-parse", "HEAD"]);
    assert_eq!(repo.git(&["rev-parse", "a-v1.0.0^{}"]), head);
    let after = repo.relhook(&["doctor"]);
    assert!(after.status.success(), "{}", text(&after));
}
