//! QA288: a release tag made by hand while Unreleased held an entry written by hand (one no
//! commit calls for) read the message and entry of every commit HEAD's reflog remembers that
//! the release does not hold (up to 2,000), the released ones too, to find entries of commits
//! history lost: a fifth of the `committed` run's work in a repository released once before.
//! A commit HEAD still reaches is never lost: it is read only where it may be the newest of a
//! lost commit's words. The hand-written entry ships, a lost commit's entry still goes.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};
use crate::support::{hand_tag, ok, stderr, text};

/// Unreleased as `released_with_fixes` leaves it, with `- A note written by hand` under
/// Changed above its fixes, committed.
fn with_hand_entry(repo: &crate::support::Repo) {
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Changed\n\n- A note written by hand\n",
        1,
    );
    repo.write("CHANGELOG.md", &log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: note a change by hand");
}

/// The release's section in `v0.2.0`'s changelog.
fn section(repo: &crate::support::Repo) -> String {
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    log.split("## [0.2.0] - 2026-11-21\n")
        .nth(1)
        .and_then(|s| s.split("\n## [").next())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The released commits HEAD's reflog remembers are not read: HEAD reaches them.
#[test]
fn a_hand_written_entry_reads_no_released_commit_of_the_reflog() {
    let repo = released_with_fixes(&[]);
    with_hand_entry(&repo);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_REMEMBERED_READS"]);
    let reads = counts(&err, "remembered commits read");
    assert_eq!(
        reads[1], 0,
        "committed read {} remembered commits:\n{err}",
        reads[1]
    );
    assert_eq!(
        section(&repo),
        "### Changed\n\n- A note written by hand\n\n### Fixed\n\n- change 0\n- change 1\n- change 2"
    );
}

/// Beside a hand-written entry, a lost commit's entry (made with relhook skipped, written by
/// a `--sync` commit, dropped by a rebase) still goes with the release.
#[test]
fn a_lost_commits_entry_still_goes_beside_a_hand_written_one() {
    let repo = released_with_fixes(&[]);
    with_hand_entry(&repo);
    repo.write("s.txt", "s\n");
    repo.git(&["add", "s.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: skipped then dropped"]));
    ok(repo.relhook(&["changelog", "--sync"]));
    ok(repo.git_output(&["commit", "-q", "-am", "docs: sync the changelog"]));
    ok(repo.git_skipping_relhook(&["rebase", "-q", "--onto", "HEAD~2", "HEAD~1"]));
    assert!(repo.read("CHANGELOG.md").contains("- skipped then dropped"));
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "release 0.2.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("v0.2.0 now points at release commit"),
        "{}",
        text(&out)
    );
    assert_eq!(
        section(&repo),
        "### Changed\n\n- A note written by hand\n\n### Fixed\n\n- change 0\n- change 1\n- change 2"
    );
}
