//! QA230: the `committed` run of a release tag made by hand (`git tag -a v0.2.0`) cost about
//! half again what the tag's judging did: its changelog plan parsed HEAD's whole reflog five
//! times over, worked out what only `--sync` says (the entries of amended-away messages),
//! and its `next:` line walked the history twice for older release tags on a first release,
//! which has none. While the run holds still HEAD's reflog is read once, the plan works out
//! the release's text alone, and no walk looks for tags that are not there. What the release
//! says is the same: its section has what history adds and takes out, as before.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};
use crate::support::{Repo, hand_tag, ok, stderr, text};

/// The `committed` run parses HEAD's reflog once, however many of the plan's questions ask it.
#[test]
fn a_hand_tags_committed_run_reads_heads_reflog_once() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_REFLOG_READS"]);
    let reads = counts(&err, "reflog reads");
    assert!(
        reads[1] <= 1,
        "committed parsed HEAD's reflog {} times:\n{err}",
        reads[1]
    );
}

/// A first release tagged by hand, with a test command and no remote: the `next:` line is
/// the same, and `committed` walks the commits it releases, not the whole history again for
/// older release tags (there are none).
#[test]
fn a_first_hand_release_walks_no_history_for_older_tags() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    for i in 0..3 {
        repo.commit_hooked(&format!("feat: one {i}"));
    }
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_WALK_COUNT"]);
    assert!(
        err.contains("next: relhook test, then git remote add origin <url> && git push --follow-tags -u origin main"),
        "{err}"
    );
    let walked = counts(&err, "commits walked");
    assert!(
        walked[1] <= 4,
        "committed walked {} commits:\n{err}",
        walked[1]
    );
}

/// Unreleased misses what commits made with relhook skipped call for, still lists the entry
/// of a message amended since (hooks off), and the entry of a change reverted before the
/// release: the release's section adds the missing entries, takes the reverted one out and
/// keeps the amended one, as it did before the plan worked out its text alone.
#[test]
fn a_hand_tags_section_has_what_history_adds_and_takes_out() {
    let repo = released_with_fixes(&[]);
    let skipped = |file: &str, message: &str| {
        repo.write(file, message);
        repo.git(&["add", file]);
        ok(repo.git_skipping_relhook(&["commit", "-q", "-m", message]));
    };
    skipped("a.txt", "feat: made with relhook skipped");
    repo.commit_hooked("fix: will be amended");
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "-m", "fix: amended words"]));
    repo.commit_hooked("feat: reverted soon");
    ok(repo.git_skipping_relhook(&["revert", "--no-edit", "HEAD"]));
    skipped("c.txt", "fix(api)!: breaking with relhook skipped");
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "release 0.2.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("v0.2.0 now points at release commit"),
        "{said}"
    );
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    let section = log
        .split("## [0.2.0] - 2026-11-21\n")
        .nth(1)
        .and_then(|s| s.split("\n## [").next())
        .unwrap_or_default();
    assert_eq!(
        section.trim(),
        "### Added\n\n- made with relhook skipped\n\n### Fixed\n\n- **BREAKING** **api:** breaking with relhook skipped\n- change 0\n- change 1\n- change 2\n- will be amended",
        "{log}"
    );
}
