//! QA50: a CHANGELOG.md with classic-Mac line endings (a CR alone) was read as one line:
//! post-commit appended a second `## [Unreleased]`, doctor said all was well, and the release
//! left the hand-written entry out. Now every reader refuses it in one line with a conversion
//! command that works when pasted; CRLF, mixed CRLF/LF and BOM files keep working.

use crate::support::{Repo, ok, stderr, stdout};

const CR_ONLY: &str = "# Changelog\r\r## [Unreleased]\r\r### Added\r\r- hand entry\r";

/// A repository with the hooks and `changelog` committed as CHANGELOG.md.
fn with_changelog(changelog: &str) -> Repo {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write("CHANGELOG.md", changelog);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo
}

#[test]
fn a_cr_only_changelog_is_refused_by_post_commit_doctor_and_release() {
    let repo = with_changelog(CR_ONLY);
    let out = repo.try_commit("feat: new thing");
    assert!(out.status.success());
    let said = stderr(&out);
    assert!(
        said.contains("CHANGELOG.md uses CR-only line endings (old Mac): relhook reads LF or CRLF; convert it and commit it: `perl -pi -e"),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");
    assert_eq!(repo.read("CHANGELOG.md"), CR_ONLY);

    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("changelog: CHANGELOG.md uses CR-only line endings (old Mac)"),
        "{doctor}"
    );
    assert!(!doctor.contains("all is well"), "{doctor}");

    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("CHANGELOG.md uses CR-only line endings (old Mac)"),
        "{}",
        stderr(&out)
    );
    assert!(repo.git(&["tag", "-l"]).is_empty());
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(repo.read("CHANGELOG.md"), CR_ONLY);

    // Doctor's command, pasted from a folder below the top, converts it; then the entry
    // post-commit could not write is added, beside the hand entry.
    let fix = doctor
        .split("convert its line endings to LF: `")
        .nth(1)
        .and_then(|s| s.split('`').next())
        .unwrap_or_else(|| panic!("no command in:\n{doctor}"));
    std::fs::create_dir_all(repo.path().join("sub")).unwrap();
    ok(repo.sh(&format!("cd sub && {fix}")));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        CR_ONLY.replace('\r', "\n"),
        "{fix}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    let text = repo.read("CHANGELOG.md");
    assert_eq!(text.matches("## [Unreleased]").count(), 1, "{text}");
    assert!(text.contains("- hand entry\n- new thing\n"), "{text}");
}

#[test]
fn a_lone_cr_in_a_crlf_changelog_is_refused_at_its_line() {
    let text = "# Changelog\r\n\r\n## [Unreleased]\r\n\r\n### Added\r\n\r\n- a\r- b\r\n";
    let repo = with_changelog(text);
    let out = repo.try_commit("feat: new thing");
    let said = stderr(&out);
    assert!(
        said.contains("CHANGELOG.md uses CR-only line endings (old Mac) from line 7:"),
        "{said}"
    );
    assert_eq!(repo.read("CHANGELOG.md"), text);
}

#[test]
fn crlf_mixed_and_bom_changelogs_still_take_entries() {
    for text in [
        "# Changelog\r\n\r\n## [Unreleased]\r\n\r\n### Added\r\n\r\n- hand entry\r\n",
        "# Changelog\r\n\n## [Unreleased]\n\r\n### Added\r\n\n- hand entry\n",
        "\u{feff}# Changelog\n\n## [Unreleased]\n\n### Added\n\n- hand entry\n",
    ] {
        let repo = with_changelog(text);
        repo.commit_hooked("feat: new thing");
        let after = repo.read("CHANGELOG.md");
        assert!(after.contains("- new thing"), "{after:?}");
        assert!(after.contains("- hand entry"), "{after:?}");
        let doctor = stdout(&repo.relhook(&["doctor"]));
        assert!(!doctor.contains("CR-only"), "{doctor}");
    }
}
