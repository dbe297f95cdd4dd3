//! QA82: a release commit reverted where the changelog heads its releases without brackets
//! (`## 0.1.1 - date`, `## v0.1.1`): doctor and release named the missing section, but not
//! the commit that took it out (searched as `## [0.1.1]` only), so the advice was to put the
//! section back by hand instead of `git revert <commit>`. Now the commit is found as the
//! parser reads release headings, in every form.

use crate::support::{Repo, ok, stdout, text, untested_installed};

/// A changelog whose released sections are headed `heading` (`{v}`: the version), v0.1.0
/// tagged, `fix: the crash` released as 0.1.1, and that release commit reverted.
fn reverted_release(heading: &str) -> Repo {
    let repo = untested_installed();
    let h = heading.replace("{v}", "0.1.0");
    repo.write(
        "CHANGELOG.md",
        format!("# Changelog\n\n## Unreleased\n\n{h}\n\n### Added\n\n- one\n"),
    );
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: one"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));
    repo.commit_hooked("fix: the crash");
    ok(repo.relhook(&["release"]));
    // The release's own date, whatever the heading's here.
    let released = heading.replace("{v}", "0.1.1");
    let released = released.split(" - ").next().unwrap();
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(&format!("\n{released}")), "{log}");
    ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    repo
}

fn names_the_revert_and_its_advice_works(heading: &str) {
    let repo = reverted_release(heading);
    let revert = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let line = doctor
        .lines()
        .find(|l| l.contains("INVALID  changelog"))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(
        line.contains(&format!("(commit {revert} took it out")),
        "{heading}: {line}"
    );
    assert!(
        doctor.contains(&format!("(`git revert {revert}`)")),
        "{heading}: {doctor}"
    );
    let out = repo.git_output(&["revert", "--no-edit", &revert]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let back = heading.replace("{v}", "0.1.1");
    assert!(log.contains(back.split(" - ").next().unwrap()), "{log}");
    let doctor = repo.relhook(&["doctor"]);
    assert!(stdout(&doctor).contains("all is well"), "{}", text(&doctor));
}

#[test]
fn an_unbracketed_heading_s_revert_is_named() {
    names_the_revert_and_its_advice_works("## {v} - 2026-01-01");
}

#[test]
fn a_v_heading_s_revert_is_named() {
    names_the_revert_and_its_advice_works("## v{v}");
}
