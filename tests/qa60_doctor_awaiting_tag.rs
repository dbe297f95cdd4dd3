//! QA60: a release killed after writing `## [0.1.1]` and package.json's 0.1.1, whose files an
//! ordinary commit then took in (`git commit -am "fix: other"`), left doctor saying "all is
//! well" with a released-looking section no tag names. A section written by hand before its
//! tag is a supported way to release, so doctor now notes that it awaits its tag, in one line,
//! with the way to make it that works pasted.

use crate::support::{Repo, ok, stdout, text, untested_installed};

/// Every change committed through the hooks.
fn commit_all(repo: &Repo, message: &str) {
    repo.git(&["add", "-A"]);
    repo.commit_hooked(message);
}

/// v0.1.0 released with package.json, `fix: b` committed, then Unreleased turned into
/// `## [0.1.1]` and package.json set to 0.1.1 as a killed release leaves them, committed with
/// `fix: other`.
fn left_by_a_killed_release() -> Repo {
    let repo = untested_installed();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"0.0.0\"\n}\n",
    );
    commit_all(&repo, "chore: package");
    repo.write("a", "a\n");
    commit_all(&repo, "feat: a");
    ok(repo.relhook(&["release"]));
    repo.write("b", "b\n");
    commit_all(&repo, "fix: b");
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [0.1.1] - 2026-12-05\n",
        1,
    );
    repo.write("CHANGELOG.md", log);
    let package = repo.read("package.json").replace("0.1.0", "0.1.1");
    repo.write("package.json", package);
    repo.write("c", "c\n");
    commit_all(&repo, "fix: other");
    repo
}

#[test]
fn doctor_notes_the_section_awaiting_its_tag_and_its_fix_works() {
    let repo = left_by_a_killed_release();
    let out = repo.relhook(&["doctor"]);
    let doctor = stdout(&out);
    assert!(!doctor.contains("all is well"), "{doctor}");
    let row = doctor
        .lines()
        .position(|l| l.contains("release 0.1.1:"))
        .unwrap_or_else(|| panic!("{doctor}"));
    let lines: Vec<&str> = doctor.lines().collect();
    assert!(lines[row].contains("WARNING"), "{doctor}");
    assert!(lines[row].contains("awaits its tag v0.1.1"), "{doctor}");
    let fix = lines[row + 1].trim_start();
    assert!(fix.contains("move `- other`"), "{doctor}");
    let tag = fix.split('`').rev().nth(1).unwrap().to_owned();
    assert_eq!(tag, "git tag -a v0.1.1 -m 'release 0.1.1'");
    // The move the fix names, by hand, then its tag.
    let log = repo.read("CHANGELOG.md");
    let moved = log.replacen("### Fixed\n\n- other\n\n", "", 1).replacen(
        "## [0.1.1] - 2026-12-05\n\n### Fixed\n\n",
        "## [0.1.1] - 2026-12-05\n\n### Fixed\n\n- other\n",
        1,
    );
    assert_ne!(log, moved, "{log}");
    repo.write("CHANGELOG.md", moved);
    commit_all(&repo, "docs: list other under 0.1.1");
    let out = repo.sh(&tag);
    assert!(out.status.success(), "{}", text(&out));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("release 0.1.1"), "{doctor}");
}
