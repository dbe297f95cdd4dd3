//! QA47: a fix released in 0.1.0, reverted, the revert reverted (`Reapply "…"`), then the
//! Reapply reverted: post-commit said the commit reverts the fix "before any release, so
//! neither ships", though 0.1.0 lists it. The Reapply and its revert cancel out, the first
//! revert stands again, and git's revert put its entry back in Unreleased: said so.

use crate::support::{ok, stderr, stdout, text, untested_installed};

#[test]
fn a_revert_of_the_reapply_of_a_released_fix_says_the_revert_entry_is_back() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    repo.commit_hooked("fix: the crash");
    ok(repo.relhook(&["release", "0.1.0"]));
    ok(repo.git_output(&["revert", "--no-edit", "HEAD~1"]));
    ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    assert!(
        repo.head_subject().starts_with("Reapply"),
        "{}",
        repo.head_subject()
    );
    let out = ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    let line = stderr(&out);
    assert!(!line.contains("before any release"), "{}", text(&out));
    assert!(
        line.contains("no entry added to CHANGELOG.md: this commit reverts the unreleased reapply of `- the crash`, which a release has, and `- revert \"the crash\"` is back in Unreleased with it"),
        "{}",
        text(&out)
    );
    let log = repo.read("CHANGELOG.md");
    let unreleased = log.split("\n## [0").next().unwrap();
    assert!(unreleased.contains("- revert \"the crash\"\n"), "{log}");
    assert!(!unreleased.contains("- the crash\n"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    // `--sync` and doctor agree.
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
    let doctor = repo.relhook(&["doctor"]);
    assert!(stdout(&doctor).contains("all is well"), "{}", text(&doctor));
}
