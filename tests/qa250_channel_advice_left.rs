//! QA250: the rest of pre-push's advice on a channel's branch (`[release] channels`) named a
//! release the branch refuses, or one made where the user is not: the missing-section problem
//! line of a stable tag left behind after another line's pre-release (`2.0.0-rc.1` on `beta`)
//! named plain `relhook release`, and the off-channel fix of a tag pushed from a branch with
//! no channel said to let `relhook release` make the channel's next pre-release, there.

use crate::qa243_channel_advice_accepted::{each_release_taken, rc_on_beta, rc_on_beta_pushed};
use crate::support::{dated_release, ok, stderr, text};

#[test]
fn the_missing_section_line_of_a_tag_left_behind_names_a_release_the_branch_takes() {
    let repo = rc_on_beta();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main", "v1.0.0"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2.0.0", "-m", "x"]));
    let out = repo.git_output(&["push", "origin", "beta"]);
    let said = stderr(&out);
    assert!(said.contains("stays behind"), "{}", text(&out));
    ok(repo.git_output(&["tag", "-d", "v2.0.0"]));
    each_release_taken(&repo, &said, "has no `## [2.0.0]` section");
}

#[test]
fn an_off_channel_fix_pushed_from_elsewhere_names_the_channels_branch() {
    let repo = rc_on_beta_pushed();
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2.0.0", "-m", "x"]));
    repo.git(&["switch", "-q", "main"]);
    let out = repo.git_output(&["push", "origin", "v2.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("was not made on purpose there"), "{said}");
    let fix = (said.lines())
        .find(|l| l.contains("fix:"))
        .unwrap_or_else(|| panic!("no fix:\n{said}"));
    assert!(fix.contains("git switch beta"), "{said}");
    // Taken where the fix says to make them.
    repo.git(&["switch", "-q", "beta"]);
    ok(repo.git_output(&["tag", "-d", "v2.0.0"]));
    each_release_taken(&repo, &said, "fix:");
}

#[test]
fn a_refused_stable_package_release_names_the_packages_next_pre_release() {
    let repo = crate::qa225_channel_version_resume_packages::packages_on_beta();
    let out = dated_release(&repo, &["2.0.0", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("`relhook release --package a"), "{said}");
    each_release_taken(&repo, &said, "relhook release");
}
