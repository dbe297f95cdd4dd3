//! QA292: the hand of a file written by people, told by its capitals alone.
//! - A file whose entries start with a capital and end with no full stop (`- Fix the parser
//!   on empty input`) got relhook's own lower-case entries: only a full-stop majority made
//!   new entries take the capital.
//! - One entry is no hand: a release of one `- Initial release.` (most projects' first)
//!   does not make every entry after it take a capital and a full stop.

use crate::support::{Repo, text};

fn hooked(changelog: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", changelog);
    repo.hooks(&["post-commit"]);
    repo.git(&["add", "-A"]);
    repo.git_env(
        &["commit", "-q", "-m", "chore: import"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo
}

const CAPITALS: &str = "# Changelog

## [Unreleased]

## [1.0.0] - 2024-01-01

### Fixed

- Fix the parser on empty input
- Handle a missing configuration file
- Keep the order of imports
";

#[test]
fn capitals_without_full_stops_are_followed() {
    let repo = hooked(CAPITALS);
    repo.commit_hooked("fix: handle a closed pipe");
    let expected = CAPITALS.replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Fixed\n\n- Handle a closed pipe\n",
        1,
    );
    assert_eq!(repo.read("CHANGELOG.md"), expected);
    // The entry is the commit's: `--sync` finds nothing to change.
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), expected, "{}", text(&out));
}

#[test]
fn one_entry_tells_no_hand() {
    let first = "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2024-01-01\n\n- Initial release.\n";
    let repo = hooked(first);
    repo.commit_hooked("feat: add a flag");
    let expected = first.replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Added\n\n- add a flag\n",
        1,
    );
    assert_eq!(repo.read("CHANGELOG.md"), expected);
}
