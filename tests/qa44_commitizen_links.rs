//! QA44: a commitizen changelog (`## v1.0.0 (2024-01-01)`) got the link definition
//! `[1.0.1]: …/compare/vv1.0.0...v1.0.1` on release: the tag prefix was put before a heading
//! label that already carries its `v`, and the definition was one no heading refers to
//! (commitizen's headings are not `[1.0.1]`). No such definition is written now. And a compare
//! link starts at the release tag the release is made from, not at the changelog's previous
//! section: v4.13.10, tagged with no section, above a last section 4.13.9.

use crate::support::{Repo, dated_release, ok};

/// A repository on GitHub's `acme/widget` whose CHANGELOG.md is `changelog`, committed as
/// `fix: first` and tagged `tag`, with relhook installed.
fn tagged_with(changelog: &str, tag: &str) -> Repo {
    let repo = Repo::new();
    repo.git(&[
        "remote",
        "add",
        "origin",
        "https://github.com/acme/widget.git",
    ]);
    repo.write("CHANGELOG.md", changelog);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "fix: first"]);
    repo.git(&["tag", "-a", tag, "-m", tag]);
    repo
}

fn fix_released(repo: &Repo) -> String {
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("fix: a bug");
    ok(dated_release(repo, &["--no-test"]));
    repo.read("CHANGELOG.md")
}

#[test]
fn a_commitizen_changelog_gets_no_vv_and_no_definition_its_headings_never_use() {
    let repo = tagged_with(
        "## v1.0.0 (2024-01-01)\n\n### Feat\n\n- **api**: first\n",
        "v1.0.0",
    );
    let log = fix_released(&repo);
    assert!(log.contains("\n## v1.0.1 (2026-11-21)\n"), "{log}");
    assert!(!log.contains("vv1.0.0"), "{log}");
    assert!(!log.contains("[1.0.1]:"), "{log}");
}

#[test]
fn the_compare_link_starts_at_the_tag_the_release_is_made_from() {
    let repo = tagged_with(
        "# Changelog\n\n## [Unreleased]\n\n## [4.13.9] - 2024-01-01\n\n### Fixed\n\n- first\n\n[unreleased]: https://github.com/acme/widget/compare/v4.13.9...HEAD\n[4.13.9]: https://github.com/acme/widget/compare/v4.13.8...v4.13.9\n",
        "v4.13.9",
    );
    // Released without a section of its own (by another tool, or by hand before relhook).
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: b"]);
    repo.git(&["tag", "-a", "v4.13.10", "-m", "v4.13.10"]);
    let log = fix_released(&repo);
    assert!(
        log.contains(
            "[unreleased]: https://github.com/acme/widget/compare/v4.13.11...HEAD\n[4.13.11]: https://github.com/acme/widget/compare/v4.13.10...v4.13.11\n"
        ),
        "{log}"
    );
}
