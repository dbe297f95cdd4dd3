//! QA177: a changelog that links each release to its tag's page (poetry's
//! `[2.4.1]: …/releases/tag/2.4.1`) heading pre-releases as SemVer does (`## [1.1.0-rc.1]`)
//! in a project whose tags spell them as PEP 440 does (`1.1.0rc1`): the release's link must
//! name the tag as it exists, whether a release, a hand tag or `--rebuild` writes it.

use crate::support::tag_pages::{linked_tags_exist, tag_pages};
use crate::support::{dated_release, hand_tag, ok, stdout, text};

const PAGE: &str = "https://github.com/o/r/releases/tag";

const LOG: &str = "# Changelog\n\n## [Unreleased]\n\n\
                   ## [1.1.0-rc.1] - 2026-01-02\n\n### Fixed\n\n- b\n\n\
                   ## [1.0.0] - 2026-01-01\n\n- start\n\n\
                   [1.1.0-rc.1]: https://github.com/o/r/releases/tag/1.1.0rc1\n\
                   [1.0.0]: https://github.com/o/r/releases/tag/1.0.0\n";

#[test]
fn a_hand_tag_links_its_own_tag_page() {
    let repo = tag_pages(LOG);
    let out = hand_tag(&repo, &["-a", "1.1.0rc2", "-m", "release 1.1.0rc2"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [Unreleased]\n\n## [1.1.0-rc.2] - 2026-11-21\n\n### Fixed\n\n- a\n"),
        "{log}"
    );
    assert!(
        log.contains(&format!(
            "[1.1.0-rc.2]: {PAGE}/1.1.0rc2\n[1.1.0-rc.1]: {PAGE}/1.1.0rc1\n"
        )),
        "{log}"
    );
    linked_tags_exist(&repo, &log);
    // A rebuild keeps them, and writes none naming a tag that does not exist.
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let rebuilt = stdout(&out);
    assert!(
        rebuilt.contains(&format!("[1.1.0-rc.2]: {PAGE}/1.1.0rc2\n")),
        "{rebuilt}"
    );
    linked_tags_exist(&repo, &rebuilt);
}

#[test]
fn a_release_links_the_tag_page_of_the_tag_it_makes() {
    let repo = tag_pages(LOG);
    ok(dated_release(&repo, &["--pre", "rc"]));
    let tag = repo.git(&["tag", "--points-at", "HEAD"]);
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains(&format!("[1.1.0-rc.2]: {PAGE}/{tag}\n")),
        "{tag}\n{log}"
    );
    linked_tags_exist(&repo, &log);
}

#[test]
fn a_rebuilt_section_links_the_tag_as_it_is() {
    // The hand tag's section taken out of the file: the rebuild writes it again from history.
    let repo = tag_pages(LOG);
    let out = hand_tag(&repo, &["-a", "1.1.0rc2", "-m", "release 1.1.0rc2"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.write("CHANGELOG.md", LOG);
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout", "--force"]));
    let rebuilt = stdout(&out);
    assert!(rebuilt.contains("- a\n"), "{rebuilt}");
    assert!(rebuilt.contains("1.1.0rc2\n"), "{rebuilt}");
    linked_tags_exist(&repo, &rebuilt);
}
