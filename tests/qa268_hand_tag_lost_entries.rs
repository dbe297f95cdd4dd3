//! QA268: the `committed` run of a release tag made by hand read HEAD's whole reflog, and
//! the message and entry of every released commit it remembers (up to 2,000), to find
//! Unreleased entries of commits history lost, though every entry Unreleased listed was one
//! a commit of the release calls for itself, which is never lost: a fifth of the run's work
//! in a repository released once before. Such a release reads no reflog now; an entry only
//! a lost commit calls for still goes.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};
use crate::support::{hand_tag, ok, stderr, text};

/// Every Unreleased entry is a released commit's own: HEAD's reflog is not read.
#[test]
fn a_hand_tag_whose_entries_are_all_its_commits_reads_no_reflog() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_REFLOG_READS"]);
    let reads = counts(&err, "reflog reads");
    assert_eq!(
        reads[1], 0,
        "committed parsed HEAD's reflog {} times:\n{err}",
        reads[1]
    );
}

/// A commit made with relhook skipped, its entry written by a `--sync` commit, then dropped
/// by a rebase: its entry goes with the release, the release's own commits' entries stay.
#[test]
fn a_lost_commits_entry_still_goes_beside_the_releases_own() {
    let repo = released_with_fixes(&[]);
    repo.write("s.txt", "s\n");
    repo.git(&["add", "s.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: skipped then dropped"]));
    ok(repo.relhook(&["changelog", "--sync"]));
    ok(repo.git_output(&["commit", "-q", "-am", "docs: sync the changelog"]));
    ok(repo.git_skipping_relhook(&["rebase", "-q", "--onto", "HEAD~2", "HEAD~1"]));
    let unreleased = repo.read("CHANGELOG.md");
    assert!(
        unreleased.contains("- skipped then dropped"),
        "{unreleased}"
    );
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "release 0.2.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("v0.2.0 now points at release commit"),
        "{}",
        text(&out)
    );
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    let section = log
        .split("## [0.2.0] - 2026-11-21\n")
        .nth(1)
        .and_then(|s| s.split("\n## [").next())
        .unwrap_or_default();
    assert_eq!(
        section.trim(),
        "### Fixed\n\n- change 0\n- change 1\n- change 2",
        "{log}"
    );
}
