//! QA263: `relhook release --allow-dirty` carries the entries drafted in the work tree's
//! changelog (not committed) over the release, under a new Unreleased: their sub-sections came
//! back in Keep a Changelog's order, not the configured `[changelog] order`.

use crate::qa249_changelog_order::{fixed_above_added, headings};
use crate::support::text;

#[test]
fn drafts_carried_over_a_dirty_release_keep_the_configured_order() {
    let repo = fixed_above_added();
    repo.commit_hooked("feat: add");
    let log = repo.read("CHANGELOG.md").replacen(
        "### Added\n",
        "### Fixed\n\n- drafted fix\n\n### Added\n\n- drafted add\n",
        1,
    );
    repo.write("CHANGELOG.md", &log);
    assert_eq!(headings(&log), ["Fixed", "Added"], "{log}");
    let out = repo.relhook(&["release", "--no-test", "--allow-dirty"]);
    assert!(out.status.success(), "{}", text(&out));
    let now = repo.read("CHANGELOG.md");
    let unreleased = now
        .split("## [Unreleased]")
        .nth(1)
        .and_then(|rest| rest.split("\n## [").next())
        .unwrap_or_else(|| panic!("{now}"));
    assert!(unreleased.contains("- drafted fix"), "{now}");
    assert_eq!(
        headings(unreleased),
        ["Fixed", "Added"],
        "{}\n{now}",
        text(&out)
    );
}
