//! QA44: a hand-written CHANGELOG.md that is not a Keep a Changelog file. Install said so with
//! what it costs and where the fix is; every commit then said it again in other words ("not a
//! Keep a Changelog file (…); left unchanged"), read as the same warning twice. Each commit
//! now says it once, in install's words (also past `--no-verify`, which commit-msg does not
//! see). Once the headings were fixed, doctor put the commits left without entries down to a
//! post-commit that did not run; it says the file was not a Keep a Changelog file then.

use crate::support::{Repo, ok, stderr, stdout, text};

const SAID: &str = "relhook: warning: CHANGELOG.md:3 is not a Keep a Changelog file (`## 1.2.0 — March 2024` is not a Keep a Changelog release heading: write line 3 as `## [1.2.0] - YYYY-MM-DD`): post-commit adds no entries to it, and releases and hand tags are refused until it is one (`relhook doctor` says how)";

fn warnings(out: &std::process::Output) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.contains("Keep a Changelog"))
        .map(str::to_owned)
        .collect()
}

const KEPT: &str =
    "# Release history\n\n## [Unreleased]\n\n## [1.2.0] - 2024-03-01\n\n* Did stuff\n";

#[test]
fn each_commit_says_once_in_installs_words_and_doctor_names_why_entries_are_missing() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", KEPT);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: initial"]);
    ok(repo.relhook(&["install"]));
    // Skipped while the file was one: no entry, for the other reason.
    ok(repo.git_skipping_relhook(&["commit", "-q", "--allow-empty", "-m", "fix: skipped"]));
    repo.write(
        "CHANGELOG.md",
        "# Release history\n\n## 1.2.0 — March 2024\n\n* Did stuff\n",
    );
    ok(repo.git_skipping_relhook(&["commit", "-q", "-am", "docs: their style"]));
    let install = ok(repo.relhook(&["install"]));
    assert_eq!(warnings(&install), [SAID], "{}", text(&install));

    let commit = repo.try_commit("feat: new feature");
    assert!(commit.status.success(), "{}", text(&commit));
    assert_eq!(warnings(&commit), [SAID], "{}", text(&commit));
    let unverified = repo.git_output(&[
        "commit",
        "-q",
        "--no-verify",
        "--allow-empty",
        "-m",
        "fix: past commit-msg",
    ]);
    assert!(unverified.status.success(), "{}", text(&unverified));
    assert_eq!(warnings(&unverified), [SAID], "{}", text(&unverified));

    // The headings fixed (not committed yet): doctor says why each commit has no entry.
    repo.write("CHANGELOG.md", KEPT);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("CHANGELOG.md has no entry for 3 commits since the last release that call for one (2 made while CHANGELOG.md was not a Keep a Changelog file, the others while relhook's post-commit did not run: before `relhook install`, killed, or skipped)"),
        "{doctor}"
    );
}
