//! QA79: a `## [1.0.0-rc.1]` section written by hand, Cargo.toml set to 1.0.0-rc.1 in a commit
//! of its own, then `feat: e` (its entry under Unreleased at HEAD): doctor and `relhook
//! release` advised setting Cargo.toml in the section's commit through `git rebase -i`, which
//! conflicts with the commit that set it. They now name the hand tag on that commit, which
//! works pasted and leaves `feat: e` for the next release.

use crate::qa72_doctor_hand_pre::hand_written_rc;
use crate::support::{ok, stderr, stdout, text};

#[test]
fn the_hand_tag_goes_on_the_commit_that_set_the_version() {
    let repo = hand_written_rc();
    let set = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.write("e.txt", "e\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: e");
    let tag = format!("git tag -a v1.0.0-rc.1 {set} -m \"release 1.0.0-rc.1\"");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let fix = doctor
        .lines()
        .skip_while(|l| !l.contains("release 1.0.0-rc.1:"))
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(!fix.contains("rebase"), "{fix}");
    assert!(fix.contains(&format!("`{tag}`")), "{fix}");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(&format!("`{tag}`")), "{}", text(&out));
    let out = repo.sh(&tag);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "--short=9", "v1.0.0-rc.1^{commit}"]),
        set
    );
    assert!(repo.is_clean());
    // `feat: e` is left for the next release.
    let explain = stdout(&ok(repo.relhook(&["version", "--explain"])));
    assert!(explain.contains("current: 1.0.0-rc.1"), "{explain}");
    assert!(explain.contains("feat: e"), "{explain}");
}
