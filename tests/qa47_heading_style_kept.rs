//! QA47: a hand tag on a file whose headings are written `## 1.0.0 - 2024-01-01` was said to
//! find `## [1.0.0]`, a heading the file does not have; and after an undated `## 1.0.0` the
//! next release was written `## [1.1.0] - …`. Messages quote the heading as written, and a
//! new heading follows the file's bare style, dated or not (undated where no release has a
//! date: QA177).

use crate::support::{Repo, dated_release, hand_tag, ok, stderr, text, untested_installed};

fn with_log(heading: &str) -> Repo {
    let repo = untested_installed();
    repo.write(
        "CHANGELOG.md",
        format!("# Changelog\n\n## [Unreleased]\n\n{heading}\n\n### Added\n\n- first\n"),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "docs: changelog"]);
    repo
}

#[test]
fn a_hand_tag_quotes_the_section_as_the_file_writes_it() {
    for heading in ["## 1.0.0 - 2024-01-01", "## 1.0.0"] {
        let repo = with_log(heading);
        let out = ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "release 1.0.0"]));
        let said = stderr(&out);
        assert!(
            said.contains("already has its `## 1.0.0` section"),
            "{heading}: {said}"
        );
        assert!(!said.contains("[1.0.0]"), "{heading}: {said}");
    }
}

#[test]
fn a_hand_tag_with_version_files_behind_quotes_the_section_as_written() {
    let repo = with_log("## 1.0.0 - 2024-01-01");
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "build: add the manifest"]);
    let out = hand_tag(&repo, &["-a", "v1.0.0", "-m", "release 1.0.0"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("already has its `## 1.0.0` section"), "{err}");
    assert!(!err.contains("[1.0.0]"), "{err}");
}

#[test]
fn the_next_release_heading_follows_a_bare_heading_dated_or_not() {
    for heading in ["## 1.0.0 - 2024-01-01", "## 1.0.0"] {
        let repo = with_log(heading);
        ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "release 1.0.0"]));
        repo.write("a", "a\n");
        repo.git(&["add", "a"]);
        repo.commit_hooked("feat: add a");
        ok(dated_release(&repo, &["--no-test"]));
        let log = repo.read("CHANGELOG.md");
        // QA177: no date where the file's releases have none.
        let new = match heading.contains("2024") {
            true => "\n## 1.1.0 - 2026-11-21\n",
            false => "\n## 1.1.0\n",
        };
        assert!(log.contains(new), "{heading}:\n{log}");
        assert!(!log.contains("[1.1.0]"), "{heading}:\n{log}");
        assert!(log.contains(&format!("\n{heading}\n")), "{heading}:\n{log}");
    }
}
