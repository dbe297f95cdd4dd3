//! Adopted changelogs whose release headings relhook once misread: electron/forge's level-4
//! release headings, `## Version 1.2.3` and cocogitto's `## <package>-<version> - <date>`,
//! an old version headed twice, scopes with Markdown characters in entries.

use crate::support::{Repo, dated_release, hand_tag, installed_repo, stderr, stdout, text};

/// An installed repository whose CHANGELOG.md is `log`, committed past the hooks (as the old
/// tool wrote it), with release tag `tag` made without relhook.
fn adopting(log: &str, tag: &str) -> Repo {
    let repo = installed_repo();
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "docs: the changelog so far",
    ]);
    repo.git_skipping_relhook(&["tag", "-a", tag, "-m", tag]);
    repo
}

/// electron/forge: a minor release headed at level 4 (`####`) above a patch at level 3, each
/// with `#####` parts.
const FORGE: &str = "# Changelog

#### [2.0.0](https://example.com/v2.0.0) (2022-11-02)

##### New Features

- two

### [1.0.0](https://example.com/v1.0.0) (2018-02-05)

##### New Features

- one
";

/// A level-4 release heading is a release: Unreleased and new releases go above it, never
/// between it and the older releases; notes, doctor, a hand tag and `release` agree.
#[test]
fn level_4_release_headings_are_releases() {
    let repo = adopting(FORGE, "v2.0.0");
    let history = &FORGE[FORGE.find("#### [2.0.0]").unwrap()..];
    repo.commit_hooked("feat: three");
    assert_eq!(
        repo.read("CHANGELOG.md"),
        format!("# Changelog\n\n## [Unreleased]\n\n### Added\n\n- three\n\n{history}")
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(!text(&doctor).contains("INVALID"), "{}", text(&doctor));
    let notes = repo.relhook(&["notes", "v2.0.0"]);
    assert_eq!(
        stdout(&notes),
        "##### New Features\n\n- two\n",
        "{}",
        text(&notes)
    );
    let dry = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert!(text(&dry).contains("release v2.1.0"), "{}", text(&dry));
    assert!(!text(&dry).contains("- two"), "{}", text(&dry));

    let tag = hand_tag(&repo, &["-a", "v2.1.0", "-m", "v2.1.0"]);
    assert!(tag.status.success(), "{}", text(&tag));
    let released = format!(
        "# Changelog\n\n## [Unreleased]\n\n## [2.1.0] - 2026-11-21\n\n### Added\n\n- three\n\n{history}"
    );
    assert_eq!(repo.read("CHANGELOG.md"), released);
    repo.commit_hooked("fix: four");
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        released.replace(
            "## [Unreleased]\n\n",
            "## [Unreleased]\n\n## [2.1.1] - 2026-11-21\n\n### Fixed\n\n- four\n\n"
        )
    );
    assert!(repo.is_clean());
}

/// A file whose every release is headed at level 4 was refused as "list items but no `## `
/// section": it is kept like the others.
#[test]
fn a_file_of_level_4_releases_only_is_kept() {
    let log = "# Changelog\n\n#### [2.0.0](https://example.com/v2.0.0) (2022-11-02)\n\n##### Bug Fixes\n\n- two\n\n#### [1.0.0](https://example.com/v1.0.0) (2018-02-05)\n\n- one\n";
    let repo = adopting(log, "v2.0.0");
    repo.commit_hooked("fix: three");
    assert_eq!(
        repo.read("CHANGELOG.md"),
        log.replace(
            "# Changelog\n\n",
            "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- three\n\n"
        )
    );
    let notes = repo.relhook(&["notes", "v2.0.0"]);
    assert_eq!(
        stdout(&notes),
        "##### Bug Fixes\n\n- two\n",
        "{}",
        text(&notes)
    );
    let _ = stderr(&notes);
}

/// `## Version 1.2.3` was refused as naming no version, with advice to make it a sub-heading
/// that would have handed 1.2.3's items to Unreleased; notes read it as 1.2.3's all along.
#[test]
fn a_word_then_a_version_heads_that_release() {
    let log = "# Changelog\n\n## Version 1.2.3\n\n- old\n";
    let repo = adopting(log, "v1.2.3");
    let notes = repo.relhook(&["notes", "v1.2.3"]);
    assert_eq!(stdout(&notes), "- old\n", "{}", text(&notes));
    repo.commit_hooked("feat: five");
    let unreleased =
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- five\n\n## Version 1.2.3\n\n- old\n";
    assert_eq!(repo.read("CHANGELOG.md"), unreleased);
    let tag = hand_tag(&repo, &["-a", "v1.3.0", "-m", "v1.3.0"]);
    assert!(tag.status.success(), "{}", text(&tag));
    // Undated, as the file's one release is (QA177).
    assert_eq!(
        repo.read("CHANGELOG.md"),
        unreleased.replace("### Added", "## [1.3.0]\n\n### Added")
    );
    let notes = repo.relhook(&["notes", "v1.2.3"]);
    assert_eq!(stdout(&notes), "- old\n", "{}", text(&notes));
}

/// cocogitto's monorepo headings, `## <package>-<version> - <date>`; a new entry goes under
/// the file's own level-4 heading for it (QA41).
#[test]
fn a_package_prefixed_version_heads_that_release() {
    let log = "# Changelog\n\n## cocogitto-7.0.0 - 2026-03-04\n\n#### Features\n\n- seven\n\n## cocogitto-6.0.0 - 2025-01-01\n\n- six\n";
    let repo = adopting(log, "v7.0.0");
    repo.commit_hooked("fix: eight");
    assert_eq!(
        repo.read("CHANGELOG.md"),
        log.replace(
            "# Changelog\n\n",
            "# Changelog\n\n## [Unreleased]\n\n#### Bug Fixes\n\n- eight\n\n"
        )
    );
    let notes = repo.relhook(&["notes", "v7.0.0"]);
    assert_eq!(
        stdout(&notes),
        "#### Features\n\n- seven\n",
        "{}",
        text(&notes)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(!text(&doctor).contains("INVALID"), "{}", text(&doctor));
}

/// A release heading relhook cannot read is never advised to become a sub-heading (which hands
/// its items to the section above): the advice is the Keep a Changelog heading of its version.
#[test]
fn a_release_heading_is_never_advised_down_to_a_sub_heading() {
    let log = "# Changelog\n\n## Release of 1.3.0 (2021-01-01)\n\n- b\n\n## [1.2.3] - 2020-01-01\n\n- old\n";
    let repo = adopting(log, "v1.3.0");
    let out = repo.try_commit("feat: five");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), log);
    assert!(
        stderr(&out).contains("write line 3 as `## [1.3.0] - 2021-01-01`"),
        "{}",
        text(&out)
    );
    assert!(!stderr(&out).contains("sub-heading"), "{}", text(&out));
}

/// `relhook lint -` on `message`.
fn lint_stdin(repo: &Repo, message: &str) -> std::process::Output {
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.args(["lint", "-"]);
    crate::support::output_with_stdin(&mut cmd, message.as_bytes())
}

/// A bare `BREAKING CHANGE` line above its paragraph was told to become `BREAKING CHANGE: `,
/// an empty note that footer-format refuses: the suggestion carries the paragraph's first line,
/// and with no text anywhere below there is no suggestion.
#[test]
fn a_bare_breaking_change_line_is_suggested_with_its_text() {
    let repo = Repo::new();
    let out = lint_stdin(
        &repo,
        "feat: x\n\nBREAKING CHANGE\n\nTL;DR the chore type is gone\n",
    );
    assert!(
        text(&out).contains("= try: BREAKING CHANGE: TL;DR the chore type is gone\n"),
        "{}",
        text(&out)
    );
    let fixed = lint_stdin(
        &repo,
        "feat: x\n\nBREAKING CHANGE: TL;DR the chore type is gone\n",
    );
    assert_eq!(fixed.status.code(), Some(0), "{}", text(&fixed));
    assert_eq!(stdout(&fixed) + &stderr(&fixed), "", "{}", text(&fixed));
    let alone = lint_stdin(&repo, "feat: x\n\nSome body.\n\nBREAKING CHANGE\n");
    assert!(
        text(&alone).contains("breaking-change-format"),
        "{}",
        text(&alone)
    );
    assert!(!text(&alone).contains("try:"), "{}", text(&alone));
}

/// A scope's Markdown characters are escaped in its entry (`fix(*): …` wrote `- ***:** …`,
/// which renders as broken bold), and the escaped entry is still its commit's: `--sync` adds
/// nothing, and a revert takes it out.
#[test]
fn a_scopes_markdown_characters_are_escaped_in_its_entry() {
    let repo = installed_repo();
    let before = repo.read("CHANGELOG.md");
    repo.commit_hooked("fix(*): update all packages");
    repo.commit_hooked("fix(a*b_`[x]`): y");
    repo.commit_hooked("fix(snake_case): z");
    let fixed = "### Fixed\n\n- **\\*:** update all packages\n- **a\\*b\\_\\`\\[x\\]\\`:** y\n- **snake_case:** z\n";
    let want = before.replacen("- init\n", &format!("- init\n\n{fixed}"), 1);
    assert_eq!(repo.read("CHANGELOG.md"), want);
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(sync.status.success(), "{}", text(&sync));
    assert_eq!(repo.read("CHANGELOG.md"), want, "{}", text(&sync));
    assert!(repo.is_clean());

    let revert = repo.git_output(&["revert", "--no-edit", "HEAD~1"]);
    assert!(revert.status.success(), "{}", text(&revert));
    let reverted = want.replace("- **a\\*b\\_\\`\\[x\\]\\`:** y\n", "");
    assert_eq!(repo.read("CHANGELOG.md"), reverted);
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(sync.status.success(), "{}", text(&sync));
    assert_eq!(repo.read("CHANGELOG.md"), reverted, "{}", text(&sync));
}

/// googleapis/release-please's `### [13.16.3]` headed three times in 2022: the old duplicate
/// blocked every commit's entry, every release and hand tag. Now only what needs that version
/// is refused (its notes; doctor warns, naming the lines), and the rest goes on.
const DUPLICATED: &str = "# Changelog

## [Unreleased]

## [2.0.0] - 2022-06-01

### Added

- two

### [1.0.1](https://x/v1.0.1) (2022-05-13)

### Bug Fixes

* a fix

### [1.0.1](https://x/v1.0.1) (2022-05-13)

### Bug Fixes

* a fix
";

#[test]
fn an_old_duplicated_heading_blocks_only_what_needs_that_version() {
    let repo = adopting(DUPLICATED, "v2.0.0");
    repo.commit_hooked("feat: x");
    let kept = DUPLICATED.replace(
        "## [Unreleased]\n\n",
        "## [Unreleased]\n\n### Added\n\n- x\n\n",
    );
    assert_eq!(repo.read("CHANGELOG.md"), kept);
    let what =
        "1.0.1 is headed twice (lines 15 and 21), so which section is its release cannot be told";
    let doctor = repo.relhook(&["doctor"]);
    assert!(!text(&doctor).contains("INVALID"), "{}", text(&doctor));
    assert!(text(&doctor).contains(what), "{}", text(&doctor));
    // The old release's tag, on the commit that wrote the file (its lines as there).
    repo.git_skipping_relhook(&["tag", "-a", "v1.0.1", "-m", "v1.0.1", "HEAD~1"]);
    let notes = repo.relhook(&["notes", "v1.0.1"]);
    assert_eq!(notes.status.code(), Some(1), "{}", text(&notes));
    let there = what.replace("lines 15 and 21", "lines 11 and 17");
    assert!(stderr(&notes).contains(&there), "{}", text(&notes));
    let notes = repo.relhook(&["notes", "v2.0.0"]);
    assert_eq!(stdout(&notes), "### Added\n\n- two\n", "{}", text(&notes));
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(sync.status.success(), "{}", text(&sync));
    assert_eq!(repo.read("CHANGELOG.md"), kept);

    let tag = hand_tag(&repo, &["-a", "v2.1.0", "-m", "v2.1.0"]);
    assert!(tag.status.success(), "{}", text(&tag));
    let released = kept.replace(
        "## [Unreleased]\n\n",
        "## [Unreleased]\n\n## [2.1.0] - 2026-11-21\n\n",
    );
    assert_eq!(repo.read("CHANGELOG.md"), released);
    repo.commit_hooked("fix: y");
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        released.replace(
            "## [Unreleased]\n\n",
            "## [Unreleased]\n\n## [2.1.1] - 2026-11-21\n\n### Fixed\n\n- y\n\n"
        )
    );
    assert!(repo.is_clean());
}

/// The version being released headed twice still refuses: which section is its notes cannot
/// be told.
#[test]
fn releasing_a_duplicated_version_is_refused() {
    let log = "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2022-06-01\n\n- b\n\n## [1.1.0] - 2022-06-01\n\n- b\n\n## [1.0.0] - 2022-01-01\n\n- a\n";
    let repo = adopting(log, "v1.0.0");
    repo.commit_hooked("fix: later");
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        log,
        "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- later\n\n## [1.1.0] - 2022-06-01\n\n- b\n\n## [1.1.0] - 2022-06-01\n\n- b\n\n## [1.0.0] - 2022-01-01\n\n- a\n"
    );
    let said = crate::support::hand_tag_refused(&repo, "v1.1.0");
    assert!(
        said.contains("1.1.0 is headed twice (lines 9 and 13)"),
        "{said}"
    );
    assert_eq!(repo.read("CHANGELOG.md"), log);
    let out = dated_release(&repo, &["--no-test", "1.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("1.1.0"), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

/// conventional-changelog's level-1 releases with level-2 parts: the last release's
/// `## Features` is its own, not the file's trailing part, so its notes are not empty.
#[test]
fn the_last_level_1_release_keeps_its_level_2_parts() {
    let log = "# Changelog\n\n# 1.0.0 (2024-01-01)\n\n## Features\n\n- a thing\n\n# 0.9.0 (2023-01-01)\n\n## Bug Fixes\n\n- older thing\n";
    let repo = adopting(log, "v0.9.0");
    let notes = repo.relhook(&["notes", "v0.9.0"]);
    assert_eq!(
        stdout(&notes),
        "## Bug Fixes\n\n- older thing\n",
        "{}",
        text(&notes)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(!text(&doctor).contains("INVALID"), "{}", text(&doctor));
}
