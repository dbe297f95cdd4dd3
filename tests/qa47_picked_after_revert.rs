//! QA47: a released fix reverted, then cherry-picked again: the merge driver left the pick's
//! entry out of Unreleased because the release lists the same words, and post-commit then said
//! the picked commit carried no entry, while the next version counted the fix. The release's
//! words stand for a change HEAD has reverted since, so the pick brings its entry back.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// The Unreleased part of a changelog (what comes before the first release heading).
fn unreleased(log: &str) -> &str {
    log.split("\n## [0").next().unwrap_or(log)
}

/// `fix: the crash` released in 0.1.0, reverted, (`between`: then `feat: other`), then picked
/// again with `pick_args`; the pick's output returned.
fn picked_again(pick_args: &[&str], between: bool) -> (Repo, std::process::Output) {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    repo.commit_hooked("fix: the crash");
    let fix = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.relhook(&["release", "0.1.0"]));
    ok(repo.git_output(&["revert", "--no-edit", &fix]));
    if between {
        repo.commit_hooked("feat: other");
    }
    let out = ok(repo.git_output(&[&["cherry-pick"], pick_args, &[&fix]].concat()));
    (repo, out)
}

fn assert_listed_again(repo: &Repo, out: &std::process::Output) {
    assert!(!stderr(out).contains("left `- the crash`"), "{}", text(out));
    assert!(
        !stderr(out).contains("carries no changelog entry"),
        "{}",
        text(out)
    );
    let log = repo.read("CHANGELOG.md");
    let now = unreleased(&log);
    assert_eq!(now.matches("- the crash\n").count(), 1, "{log}");
    assert!(now.contains("### Fixed\n\n- the crash\n"), "{log}");
    assert!(now.contains("- revert \"the crash\""), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    // `--sync`, doctor and the next version say the same.
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
    assert!(repo.is_clean());
    let doctor = repo.relhook(&["doctor"]);
    assert!(stdout(&doctor).contains("all is well"), "{}", text(&doctor));
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.1.1", "{}", stderr(&next));
}

#[test]
fn a_released_fix_picked_again_after_its_revert_is_listed_again() {
    let (repo, out) = picked_again(&[], false);
    assert_listed_again(&repo, &out);
}

#[test]
fn a_fix_picked_with_x_after_its_revert_and_another_change_is_listed_again() {
    let (repo, out) = picked_again(&["-x"], true);
    assert_listed_again(&repo, &out);
    assert!(unreleased(&repo.read("CHANGELOG.md")).contains("- other\n"));
}

/// A pick of a released fix that no revert took back changes nothing: its changelog merge
/// lists it no more than the release does, so git finds the pick empty.
#[test]
fn a_released_fix_not_reverted_is_not_listed_again() {
    let repo = untested_installed();
    repo.commit_hooked("fix: the crash");
    let fix = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("feat: other");
    ok(repo.relhook(&["release", "0.1.0"]));
    let before = repo.read("CHANGELOG.md");
    let out = repo.git_output(&["cherry-pick", &fix]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("empty"), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), before);
}
