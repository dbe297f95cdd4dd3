//! QA177: poetry's CHANGELOG.md sets its sections apart by two blank lines. The
//! `## [Unreleased]` section relhook added above its newest release (`changelog --sync`, the
//! post-commit hook) was set apart by one, and so was the empty Unreleased a release left
//! above the section it cut. Both are now set apart as the file sets its sections.

use crate::support::{Repo, dated_release, ok, text};

const LOG: &str = "# Change Log\n\n\
                   ## [2.4.1] - 2026-05-09\n\n### Fixed\n\n- Fix b.\n\n\n\
                   ## [2.4.0] - 2026-05-03\n\n### Added\n\n- Add a.\n\n\n\
                   [2.4.1]: https://github.com/o/r/releases/tag/2.4.1\n\
                   [2.4.0]: https://github.com/o/r/releases/tag/2.4.0\n";

/// A project tagged `2.4.1` (poetry's bare tags) with poetry's spacing, installed.
fn two_blank_lines() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[version]\ntag_prefix = \"\"\n[checks]\ntest = [\"true\"]\n",
    );
    repo.write("CHANGELOG.md", LOG);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    for tag in ["2.4.0", "2.4.1"] {
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn sync_adds_unreleased_set_apart_as_the_files_sections() {
    let repo = two_blank_lines();
    repo.commit("fix: c");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        log,
        LOG.replace(
            "## [2.4.1]",
            "## [Unreleased]\n\n### Fixed\n\n- c\n\n\n## [2.4.1]"
        ),
        "{}",
        text(&out)
    );
}

#[test]
fn the_hook_and_a_release_keep_the_files_spacing() {
    let repo = two_blank_lines();
    repo.commit_hooked("fix: c");
    repo.commit_hooked("feat: d");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [Unreleased]\n\n### Added\n\n- d\n\n### Fixed\n\n- c\n\n\n## [2.4.1]"),
        "{log}"
    );
    ok(dated_release(&repo, &[]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains(
            "## [Unreleased]\n\n\n## [2.5.0] - 2026-11-21\n\n### Added\n\n- d\n\n### Fixed\n\n- c\n\n\n## [2.4.1]"
        ),
        "{log}"
    );
    // The next entry goes into the empty Unreleased, which stays set apart by two.
    repo.commit_hooked("fix: e");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [Unreleased]\n\n### Fixed\n\n- e\n\n\n## [2.5.0]"),
        "{log}"
    );
}
