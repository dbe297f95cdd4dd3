//! QA192: a release commit wrote `## [0.2.0]` (its tag not made yet, as Keep a Changelog's
//! own workflow goes). `changelog --sync` takes the commits that commit holds as 0.2.0's, but
//! `changelog --rebuild` listed them under Unreleased too, so they appeared twice and would
//! ship again next release. The rebuild now leaves them to that section, as the sync does.

use crate::support::{dated_release, ok, stderr, stdout, untested_installed};

#[test]
fn rebuild_leaves_an_untagged_sections_commits_out_of_unreleased() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    ok(dated_release(&repo, &["--no-test"]));
    repo.commit_hooked("fix: two");
    let log = repo.read("CHANGELOG.md");
    let unreleased = "## [Unreleased]\n\n### Fixed\n\n- two\n";
    assert!(log.contains(unreleased), "{log}");
    let released = "## [Unreleased]\n\n## [0.2.0] - 2026-12-01\n\n### Fixed\n\n- two\n";
    repo.write("CHANGELOG.md", log.replace(unreleased, released));
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "chore(release): 0.2.0",
        "--",
        "CHANGELOG.md",
    ]);
    repo.commit_hooked("feat: three");
    let synced = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&synced).contains("up to date"),
        "{}",
        stderr(&synced)
    );

    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let rebuilt = stdout(&out);
    let want = "## [Unreleased]\n\n### Added\n\n- three\n\n## [0.2.0] - 2026-12-01\n\n### Fixed\n\n- two\n\n## [0.1.0]";
    assert!(rebuilt.contains(want), "{rebuilt}");
    assert_eq!(rebuilt.matches("- two\n").count(), 1, "{rebuilt}");
}
