//! QA46: git-cliff's default template writes `- *(cli)* Add b flag - ([1234567](…))` for
//! `feat(cli): add b flag` (`upper_first` and a hash link). relhook did not count that as the
//! commit's entry: `--sync` added `- *(cli)* add b flag` beside it and the release notes listed
//! both. A hand rewording with a capital (`- Add search across projects`) was not paired with
//! `- add search` when the commit was reverted either.

use crate::support::{Repo, ok, stdout, text};

const CLIFF: &str =
    "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### 🚀 Features\n\n- *(cli)* Add a\n";

#[test]
fn git_cliffs_capitalised_entry_with_a_hash_link_is_the_commits_entry() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", CLIFF);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("feat(cli): add b flag");
    let entry = "- *(cli)* Add b flag - ([1234567](https://x/commit/1234567)) by @ann";
    repo.write(
        "CHANGELOG.md",
        CLIFF.replace(
            "## [1.0.0]",
            &format!("## [unreleased]\n\n### 🚀 Features\n\n{entry}\n\n## [1.0.0]"),
        ),
    );
    repo.git(&["commit", "-q", "-am", "chore: update changelog"]);
    ok(repo.relhook(&["install"]));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("no entry for"),
        "{}",
        text(&doctor)
    );
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let dry = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    let notes = stdout(&dry);
    assert!(notes.contains(entry), "{notes}");
    assert!(!notes.contains("add b flag"), "{notes}");
}

#[test]
fn a_capitalised_hand_rewording_goes_with_the_reverted_commit() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- first\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: add search");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add search\n"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replace("- add search\n", "- Add search across projects\n"),
    );
    repo.git(&["commit", "-q", "-am", "docs: word the search entry"]);
    let out = ok(repo.git_output(&["revert", "--no-edit", "HEAD~1"]));
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("search"), "{log}\n{}", text(&out));
}
