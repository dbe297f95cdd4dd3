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
