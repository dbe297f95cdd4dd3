//! QA187: `changelog --rebuild` writes a release section the file lacks as `relhook release`
//! and a hand tag do: headed in the file's spelling of pre-releases (`## [1.1.0-rc.2]` for a
//! tag `1.1.0rc2`, or `## [1.1.0rc2]` where its headings are PEP 440's), and linked to the
//! tag's page where the file links its releases so, not to a comparison.

use crate::support::tag_pages::{linked_tags_exist, tag_pages};
use crate::support::{hand_tag, ok, stdout, text};

const PAGE: &str = "https://github.com/o/r/releases/tag";

/// The file's pre-release headings spelt as SemVer (`semver`) or as PEP 440 does.
fn log(label: &str) -> String {
    format!(
        "# Changelog\n\n## [Unreleased]\n\n\
         ## [{label}] - 2026-01-02\n\n### Fixed\n\n- b\n\n\
         ## [1.0.0] - 2026-01-01\n\n- start\n\n\
         [{label}]: {PAGE}/1.1.0rc1\n\
         [1.0.0]: {PAGE}/1.0.0\n"
    )
}

/// The rebuild of `log` after a hand tag `1.1.0rc2` whose section the file then lost.
fn rebuilt_without_the_hand_tags_section(log: &str) -> String {
    let repo = tag_pages(log);
    let out = hand_tag(&repo, &["-a", "1.1.0rc2", "-m", "release 1.1.0rc2"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.write("CHANGELOG.md", log);
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout", "--force"]));
    let rebuilt = stdout(&out);
    assert!(rebuilt.contains("### Fixed\n\n- a\n"), "{rebuilt}");
    linked_tags_exist(&repo, &rebuilt);
    // A release's definition is its tag page's, as every other one of the file is.
    let compared = (rebuilt.lines()).any(|l| l.starts_with("[1") && l.contains("/compare/"));
    assert!(!compared, "{rebuilt}");
    rebuilt
}

#[test]
fn a_rebuilt_section_is_headed_and_linked_as_a_release_writes_it() {
    let rebuilt = rebuilt_without_the_hand_tags_section(&log("1.1.0-rc.1"));
    assert!(rebuilt.contains("\n## [1.1.0-rc.2] - "), "{rebuilt}");
    assert!(!rebuilt.contains("[1.1.0rc2]"), "{rebuilt}");
    assert!(
        rebuilt.contains(&format!(
            "[1.1.0-rc.2]: {PAGE}/1.1.0rc2\n[1.1.0-rc.1]: {PAGE}/1.1.0rc1\n"
        )),
        "{rebuilt}"
    );
}

#[test]
fn a_file_of_pep440_headings_keeps_their_spelling() {
    let rebuilt = rebuilt_without_the_hand_tags_section(&log("1.1.0rc1"));
    assert!(rebuilt.contains("\n## [1.1.0rc2] - "), "{rebuilt}");
    assert!(
        rebuilt.contains("\n## [1.1.0rc1] - 2026-01-02\n"),
        "{rebuilt}"
    );
    assert!(!rebuilt.contains("1.1.0-rc"), "{rebuilt}");
    assert!(
        rebuilt.contains(&format!(
            "[1.1.0rc2]: {PAGE}/1.1.0rc2\n[1.1.0rc1]: {PAGE}/1.1.0rc1\n"
        )),
        "{rebuilt}"
    );
}
