//! QA44: `changelog --rebuild` wrote `### Fixed` sub-headings in a file that uses `####`
//! (cocogitto's `#### Features` inside `## [X]`), and relhook's `**scope:**` in a file
//! whose entries write their scope another tool's way: the rebuild follows the file's
//! level and scope style, so a file it would write alike is left as it is.

use crate::support::{Repo, stderr, stdout, text};

/// A repository with `fix(api): first` tagged v1.0.0 and `fix: second` after it, its
/// CHANGELOG.md `changelog` committed.
fn tagged_with(changelog: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", changelog);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "fix(api): first"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: second"]);
    repo
}

/// cocogitto's levels and scopes, under relhook's own header (so that only they can differ
/// from what a rebuild writes).
const COCOGITTO: &str = "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\nThe format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),\nand this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n\n## [Unreleased]\n\n#### Fixed\n\n- second\n\n## [1.0.0] - 2026-01-01\n\n#### Fixed\n\n- (**api**) first\n";

#[test]
fn a_rebuild_keeps_the_files_sub_heading_level_and_scope_style() {
    let repo = tagged_with(COCOGITTO);
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stdout(&out), COCOGITTO);
    // Nothing to lose, nothing to rewrite.
    rebuild_leaves_as_is(&repo, COCOGITTO);
}

/// `changelog --rebuild` of a CHANGELOG.md that holds `kept`, what history rebuilds: said so,
/// and the file left as it is.
pub(crate) fn rebuild_leaves_as_is(repo: &Repo, kept: &str) {
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("already what history rebuilds"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("CHANGELOG.md"), kept);
}

#[test]
fn a_rebuild_of_a_relhook_file_keeps_its_level_three_headings() {
    let repo = tagged_with("# Changelog\n\n## [Unreleased]\n");
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    let rebuilt = stdout(&out);
    assert!(
        rebuilt.contains("\n### Fixed\n\n- **api:** first\n"),
        "{rebuilt}"
    );
}
