//! QA173: in a project whose changelog heads pre-releases as SemVer does (`## [1.1.0-rc.1]`)
//! but whose tags spell them as PEP 440 does (poetry's `1.1.0rc1`), the release commit of a
//! hand tag `1.1.0rc2` linked its section and Unreleased to a tag `1.1.0-rc.2`, which does not
//! exist (`[1.1.0-rc.2]: …/compare/1.1.0rc1...1.1.0-rc.2`). The links now name the tag as it
//! is, whatever the heading's spelling: in link reference definitions and in inline links.

use crate::support::tag_pages::tag_pages;
use crate::support::{hand_tag, ok, text};

const URL: &str = "https://github.com/o/r/compare";

/// The changelog after a hand tag `1.1.0rc2` of the project `log` starts it at.
fn hand_tagged(log: &str) -> String {
    let repo = tag_pages(log);
    let out = hand_tag(&repo, &["-a", "1.1.0rc2", "-m", "release 1.1.0rc2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 1.1.0-rc.2");
    assert!(repo.is_clean());
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("...1.1.0-rc.2"), "no such tag:\n{log}");
    log
}

#[test]
fn link_definitions_name_the_hand_tag_as_it_is_spelled() {
    let log = hand_tagged(&format!(
        "# Changelog\n\n## [Unreleased]\n\n## [1.1.0-rc.1] - 2026-01-02\n\n### Fixed\n\n- b\n\n\
         ## [1.0.0] - 2026-01-01\n\n- start\n\n\
         [unreleased]: {URL}/1.1.0rc1...HEAD\n\
         [1.1.0-rc.1]: {URL}/1.0.0...1.1.0rc1\n\
         [1.0.0]: https://github.com/o/r/releases/tag/1.0.0\n"
    ));
    assert!(
        log.contains("## [Unreleased]\n\n## [1.1.0-rc.2] - 2026-11-21\n\n### Fixed\n\n- a\n\n"),
        "{log}"
    );
    assert!(
        log.contains(&format!(
            "[unreleased]: {URL}/1.1.0rc2...HEAD\n\
             [1.1.0-rc.2]: {URL}/1.1.0rc1...1.1.0rc2\n\
             [1.1.0-rc.1]: {URL}/1.0.0...1.1.0rc1\n"
        )),
        "{log}"
    );
}

#[test]
fn a_first_definition_from_the_remote_names_the_hand_tag() {
    // No definitions yet: the remote gives the compare page, between the tags as they are.
    let log = hand_tagged(
        "# Changelog\n\n## [Unreleased]\n\n## [1.1.0-rc.1] - 2026-01-02\n\n- b\n\n\
         ## [1.0.0] - 2026-01-01\n\n- start\n",
    );
    assert!(
        log.contains(&format!("[1.1.0-rc.2]: {URL}/1.1.0rc1...1.1.0rc2\n")),
        "{log}"
    );
}

#[test]
fn inline_links_name_the_hand_tag_as_it_is_spelled() {
    // An Unreleased heading linked inline moves on to the tag; the release's heading links.
    let log = hand_tagged(&format!(
        "# Changelog\n\n## [Unreleased]({URL}/1.1.0rc1...HEAD)\n\n\
         ## [1.1.0-rc.1]({URL}/1.0.0...1.1.0rc1) - 2026-01-02\n\n- b\n\n\
         ## [1.0.0](https://github.com/o/r/releases/tag/1.0.0) - 2026-01-01\n\n- start\n"
    ));
    assert!(
        log.contains(&format!(
            "## [Unreleased]({URL}/1.1.0rc2...HEAD)\n\n\
             ## [1.1.0-rc.2]({URL}/1.1.0rc1...1.1.0rc2) - 2026-11-21\n"
        )),
        "{log}"
    );
    // release-please's form: only the releases are linked, each to its compare page.
    let log = hand_tagged(&format!(
        "# Changelog\n\n## [Unreleased]\n\n\
         ## [1.1.0-rc.1]({URL}/1.0.0...1.1.0rc1) (2026-01-02)\n\n- b\n\n\
         ## [1.0.0](https://github.com/o/r/releases/tag/1.0.0) (2026-01-01)\n\n- start\n"
    ));
    assert!(
        log.contains(&format!(
            "## [Unreleased]\n\n## [1.1.0-rc.2]({URL}/1.1.0rc1...1.1.0rc2) (2026-11-21)\n"
        )),
        "{log}"
    );
}

#[test]
fn a_release_links_the_tag_it_makes() {
    let repo = tag_pages(&format!(
        "# Changelog\n\n## [Unreleased]\n\n## [1.1.0-rc.1] - 2026-01-02\n\n- b\n\n\
         ## [1.0.0] - 2026-01-01\n\n- start\n\n\
         [unreleased]: {URL}/1.1.0rc1...HEAD\n\
         [1.1.0-rc.1]: {URL}/1.0.0...1.1.0rc1\n\
         [1.0.0]: https://github.com/o/r/releases/tag/1.0.0\n"
    ));
    ok(repo.relhook(&["release", "--pre", "rc"]));
    let tags = repo.git(&["tag", "--points-at", "HEAD"]);
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains(&format!(
            "[unreleased]: {URL}/{tags}...HEAD\n[1.1.0-rc.2]: {URL}/1.1.0rc1...{tags}\n"
        )),
        "{tags}\n{log}"
    );
}
