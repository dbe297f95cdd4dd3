//! QA37: with the `## [Unreleased]` heading deleted by hand, its sub-sections stood above
//! every section: sync said the file was up to date, the release said no commit had an
//! entry, and the next commit made a new Unreleased below them, so the release left out
//! their entries for good.

use crate::support::{dated_release, ok, stderr, text, untested_installed};

const SAID: &str = "CHANGELOG.md:8: not a Keep a Changelog file: `### Added` stands above every section heading, so its entries belong to no section (was the `## [Unreleased]` heading above it deleted?): add `## [Unreleased]` above line 8";

#[test]
fn sub_sections_above_every_section_are_refused_with_the_line_that_fixes_them() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    ok(dated_release(&repo, &["--no-test"]));
    repo.commit_hooked("feat: c");
    repo.commit_hooked("fix: d");
    let log = repo.read("CHANGELOG.md").replace("## [Unreleased]\n\n", "");
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs: tidy"]);

    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(2), "{}", text(&sync));
    assert!(stderr(&sync).contains(SAID), "{}", text(&sync));
    let release = dated_release(&repo, &["--no-test"]);
    assert_eq!(release.status.code(), Some(2), "{}", text(&release));
    assert!(stderr(&release).contains(SAID), "{}", text(&release));
    assert!(!stderr(&release).contains("also"), "{}", text(&release));

    // A commit is let through, its entry not added, and the file left as it is.
    let out = repo.try_commit("feat: f");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("post-commit adds no entries to it"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("CHANGELOG.md"), log);

    // The fix it names works: the entries are released, the new one with them.
    repo.write(
        "CHANGELOG.md",
        log.replace("### Added\n\n- c", "## [Unreleased]\n\n### Added\n\n- c"),
    );
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-am",
        "docs: Unreleased back",
    ]);
    ok(repo.relhook(&["changelog", "--sync"]));
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs: sync"]);
    ok(dated_release(&repo, &["--no-test"]));
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.1"]);
    for entry in ["- c", "- d", "- f"] {
        assert!(notes.contains(entry), "{entry} in {notes}");
    }
}
