//! QA41 (vuejs/core's file starts so): a UTF-8 byte order mark right before a first-line
//! `## [Unreleased]` hid that heading. post-commit added no entry, and doctor called the
//! release tag's section missing, advising `git tag -d`.

use crate::support::{Repo, stdout, text};

const LOG: &str = "\u{feff}## [Unreleased]\n\n### Fixed\n\n- zero\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- first\n";

#[test]
fn a_changelog_starting_with_a_byte_order_mark_is_kept() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write("CHANGELOG.md", LOG);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    repo.commit_hooked("fix: one");
    assert_eq!(
        repo.read("CHANGELOG.md"),
        LOG.replace("- zero\n", "- zero\n- one\n")
    );
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        !said.contains("INVALID") && !said.contains("tag -d"),
        "{said}"
    );
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.starts_with("\u{feff}## [Unreleased]\n\n## [1.0.1] - "),
        "{log}"
    );
    assert!(repo.is_clean());
}
