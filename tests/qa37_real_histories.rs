//! QA37, on the public histories: commitlint's changelog says `### Bug Fixes` in every release
//! but one of 2017 (`### Bug fixes`), and new fixes went under that old spelling.

use crate::support::{Repo, ok};

#[test]
fn new_entries_take_the_newest_releases_spelling_of_a_heading() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Change Log\n\n## [1.1.0](https://x/compare/v1.0.0...v1.1.0) (2024-01-02)\n\n### Bug Fixes\n\n* b\n\n## [1.0.0](https://x/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n### Bug fixes\n\n* a\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.1.0", "-m", "v1.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: c");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.starts_with("# Change Log\n\n## [Unreleased]\n\n### Bug Fixes\n\n* c\n\n## [1.1.0]"),
        "{log}"
    );
}
