//! QA71: a commit amended into the revert of an unreleased fix whose entry was reworded by
//! hand (`- the crash (see #12)`): the rewording stays, as an amend's hand edits do, but
//! post-commit said nothing, though it would ship with the change reverted. Now one line
//! says it is kept.

use crate::support::{ok, stderr, text, untested_installed};

#[test]
fn an_amend_into_a_revert_says_it_keeps_the_entry_s_rewording() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    ok(repo.relhook(&["release", "0.1.0"]));
    repo.commit_hooked("fix: the crash");
    let fix = repo.git(&["rev-parse", "HEAD"]);
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- the crash\n", "- the crash (see #12)\n"),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: say more of the crash fix");
    repo.commit_hooked("chore: wip");
    let body = format!("This reverts commit {fix}.");
    let out = ok(repo.git_output(&[
        "commit",
        "--amend",
        "-q",
        "-m",
        "Revert \"fix: the crash\"",
        "-m",
        &body,
    ]));
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.starts_with("relhook:")).collect();
    assert_eq!(
        said,
        [
            "relhook: CHANGELOG.md keeps `- the crash (see #12)`, edited by hand, though this commit reverts its change before any release; take it out by hand if it should go with it"
        ],
        "{}",
        text(&out)
    );
    assert!(
        repo.read("CHANGELOG.md")
            .contains("- the crash (see #12)\n")
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    // Amended again without a new message: nothing more to say than that.
    let out = ok(repo.git_output(&["commit", "--amend", "-q", "--no-edit"]));
    assert_eq!(
        stderr(&out).matches("relhook:").count(),
        1,
        "{}",
        text(&out)
    );
}
