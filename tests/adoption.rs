//! A project adopting relhook keeps the changelog it has: the headings conventional-changelog
//! (standard-version, release-please, vue) and commitizen write are read as the release
//! sections they are, new entries and sections are written in Keep a Changelog's form, and
//! every byte of the old history stays as it was.

use crate::support::{hand_tag, installed_repo, stderr, text};

/// standard-version's file: no Unreleased section, linked minor headings with parenthesised
/// dates, patch headings at level 3 beside `### Bug Fixes`, and vue's level-1 minor heading.
const ADOPTED: &str = "# Changelog

All notable changes to this project will be documented in this file. See [standard-version](https://github.com/conventional-changelog/standard-version) for commit guidelines.

### [1.2.1](https://github.com/o/r/compare/v1.2.0...v1.2.1) (2021-10-17)

### Bug Fixes

* **deps:** old patch fix ([#12](https://github.com/o/r/issues/12))

## [1.2.0](https://github.com/o/r/compare/v1.1.0...v1.2.0) (2021-07-14)

### Features

* old feature

# [1.1.0](https://github.com/o/r/compare/v1.0.0...v1.1.0) (2021-05-04)

### Features

* older feature

## v1.0.0 (2021-01-01)

* first
";

#[test]
fn a_conventional_changelog_history_is_kept_and_released_on() {
    let repo = installed_repo();
    repo.write("CHANGELOG.md", ADOPTED);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "docs: the changelog so far",
    ]);
    repo.git(&["tag", "-a", "v1.2.1", "-m", "v1.2.1", "--no-sign"]);
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !text(&doctor).contains("INVALID  changelog"),
        "{}",
        text(&doctor)
    );

    let out = repo.try_commit("fix(bump files): keep spaces in scopes");
    assert!(out.status.success(), "{}", text(&out));
    let now = repo.read("CHANGELOG.md");
    // The entry goes into a new Unreleased section above the history, nowhere else.
    let (head, rest) = now.split_at(now.find("### [1.2.1]").unwrap());
    assert_eq!(rest, &ADOPTED[ADOPTED.find("### [1.2.1]").unwrap()..]);
    assert!(
        head.ends_with(
            "## [Unreleased]\n\n### Fixed\n\n* **bump files:** keep spaces in scopes\n\n"
        ),
        "{now}"
    );

    // The next version comes from the history's tag; the release leaves the old bytes alone.
    let tag = hand_tag(&repo, &["-a", "v1.2.2", "-m", "v1.2.2"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert!(stderr(&tag).contains("release commit"), "{}", text(&tag));
    let released = repo.read("CHANGELOG.md");
    assert!(
        released.contains("## [1.2.2] - 2026-11-21\n\n### Fixed\n\n* **bump files:** keep spaces in scopes\n\n### [1.2.1]"),
        "{released}"
    );
    assert!(released.ends_with(&ADOPTED[ADOPTED.find("### [1.2.1]").unwrap()..]));
    // An old release's notes are its own section, not what follows it at the same level.
    let notes = repo.relhook(&["notes", "v1.2.1"]);
    assert!(text(&notes).contains("old patch fix"), "{}", text(&notes));
    assert!(!text(&notes).contains("old feature"), "{}", text(&notes));
    assert!(repo.is_clean());
}

/// A level-1 or level-3 release heading directly under Unreleased ends it: before, the released
/// entries below it were read as unreleased, and a commit's entry was added among them.
#[test]
fn a_release_heading_at_another_level_ends_unreleased() {
    let repo = installed_repo();
    let log = "# Changelog\n\n## [Unreleased]\n\n# [3.5.0](https://x/compare/v3.4.0...v3.5.0) (2024-09-03)\n\n### Bug Fixes\n\n* shipped fix\n";
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "docs: history"]);
    repo.git(&["tag", "-a", "v3.5.0", "-m", "v3.5.0", "--no-sign"]);
    repo.commit_hooked("fix: new fix");
    assert_eq!(
        repo.read("CHANGELOG.md"),
        "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n* new fix\n\n# [3.5.0](https://x/compare/v3.4.0...v3.5.0) (2024-09-03)\n\n### Bug Fixes\n\n* shipped fix\n"
    );
    let dry = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert!(text(&dry).contains("release v3.5.1"), "{}", text(&dry));
    assert!(!text(&dry).contains("shipped fix"), "{}", text(&dry));
}

/// cargo-release's `## [Unreleased] - ReleaseDate`: the refusal names the one line to change.
#[test]
fn a_dated_unreleased_placeholder_is_named_with_its_fix() {
    let repo = installed_repo();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n<!-- next-header -->\n## [Unreleased] - ReleaseDate\n\n## [1.0.0] - 2020-01-01\n\n- a\n",
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "docs: cargo-release's template",
    ]);
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(2), "{}", text(&sync));
    assert!(
        stderr(&sync).contains("CHANGELOG.md:4: not a Keep a Changelog file: `## [Unreleased] - ReleaseDate` is not the Unreleased heading relhook keeps: change the line to `## [Unreleased]`"),
        "{}",
        text(&sync)
    );
}
