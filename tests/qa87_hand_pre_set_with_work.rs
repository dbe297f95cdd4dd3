//! QA87: a `## [1.0.0-rc.1]` section written by hand (`docs:`), then Cargo.toml set to
//! 1.0.0-rc.1 in `feat: e`, a commit with work of its own: doctor and `relhook release`
//! advised setting Cargo.toml in the section's commit through `git rebase -i`, which rewrites
//! that work, and the hand tag on HEAD advised tagging the section's commit, whose Cargo.toml
//! says 0.1.0, a tag refused in turn. They now advise a commit on top that lists `feat: e` in
//! the section, tagged, which works as told; a commit that sets the version alone is dropped
//! in the rebase, which would otherwise stop on it.

use crate::qa72_doctor_hand_pre::hand_written_rc;
use crate::support::{Repo, stderr, stdout, text};

/// [`hand_written_rc`] with Cargo.toml set to 1.0.0-rc.1 by `feat: e` instead.
fn set_with_work() -> Repo {
    let repo = hand_written_rc();
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    let manifest = repo.read("Cargo.toml").replace("0.1.0", "1.0.0-rc.1");
    repo.write("Cargo.toml", manifest);
    repo.write("e.txt", "e\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: e");
    repo
}

/// doctor's fix for the section awaiting its tag.
fn doctor_fix(repo: &Repo) -> String {
    let doctor = stdout(&repo.relhook(&["doctor"]));
    doctor
        .lines()
        .skip_while(|l| !l.contains("release 1.0.0-rc.1:"))
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{doctor}"))
        .to_owned()
}

const MOVE: &str = "move `- e` from `## [Unreleased]` into `## [1.0.0-rc.1]` in CHANGELOG.md, commit, then tag the new commit: `git tag -a v1.0.0-rc.1 -m 'release 1.0.0-rc.1'`";

#[test]
fn a_version_set_with_work_of_its_own_is_released_by_a_commit_on_top() {
    let repo = set_with_work();
    let fix = doctor_fix(&repo);
    assert!(!fix.contains("git rebase"), "{fix}");
    assert!(fix.contains(MOVE), "{fix}");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(MOVE), "{}", text(&out));
    // The hand tag on HEAD is refused with the same way on, not the section's commit.
    let out = repo.git_output(&["tag", "-a", "v1.0.0-rc.1", "-m", "release 1.0.0-rc.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(MOVE), "{}", text(&out));
    assert!(
        !stderr(&out).contains("tag the release commit instead"),
        "{}",
        text(&out)
    );

    // As told: `- e` moved into the section, committed, the new commit tagged.
    let log = repo.read("CHANGELOG.md");
    let log = log.replacen("### Added\n\n- e\n\n", "", 1).replacen(
        "### Added\n\n- c\n",
        "### Added\n\n- c\n- e\n",
        1,
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("docs: list e in 1.0.0-rc.1");
    let out = repo.git_output(&["tag", "-a", "v1.0.0-rc.1", "-m", "release 1.0.0-rc.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--tags"]), "v1.0.0-rc.1");
    assert!(repo.is_clean());
    let notes = stdout(&repo.relhook(&["notes", "v1.0.0-rc.1"]));
    assert!(notes.contains("- e") && notes.contains("- c"), "{notes}");
}

#[test]
fn a_commit_that_only_set_the_version_is_dropped_in_the_rebase() {
    let repo = hand_written_rc();
    let wrote = repo.git(&["rev-parse", "--short=9", "HEAD~1"]);
    // Work between the section and the version: the version's commit alone has none.
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    repo.write("x.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: x");
    let manifest = repo.read("Cargo.toml").replace("0.1.0", "1.0.0-rc.1");
    repo.write("Cargo.toml", manifest);
    repo.git(&["commit", "-q", "-a", "-m", "chore: set the version"]);
    let set = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let fix = doctor_fix(&repo);
    let rebase = format!("`git rebase -i {wrote}~1`, mark it `edit` and {set} `drop`");
    assert!(fix.contains(&rebase), "{fix}");
    // As told: the version set in the section's commit, the other dropped, that commit tagged.
    // The todo list's first line is the section's commit; the version's is named by its header.
    let todo = "sed -i -e '1s/^pick/edit/' -e '/ chore: set the version$/s/^pick/drop/'";
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-q", "-i", &format!("{wrote}~1")],
        &[("GIT_SEQUENCE_EDITOR", todo)],
    );
    assert!(out.status.success(), "{}", text(&out));
    let manifest = repo.read("Cargo.toml").replace("0.1.0", "1.0.0-rc.1");
    repo.write("Cargo.toml", manifest);
    repo.git(&["commit", "-q", "-a", "--amend", "--no-edit"]);
    let out = repo.git_output(&["rebase", "--continue"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "feat: x");
    let out = repo.git_output(&["tag", "-a", "v1.0.0-rc.1", "HEAD~1", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.is_clean());
}
