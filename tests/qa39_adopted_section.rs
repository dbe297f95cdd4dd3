//! QA39: adopting relhook with a hand-kept changelog that has a past release's section (never
//! tagged) and work still under Unreleased. A hand tag of that release was refused as "a
//! rebase put them under it" (no rebase happened), with `git reset --keep <commit>~1 &&
//! relhook release 0.1.0` as the fix: run, it dropped the commit that brought the changelog,
//! CHANGELOG.md left the work tree, and the release was then refused.

use crate::support::{Repo, ok, stderr, text};

const CHANGELOG: &str = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- pending work\n\n## [0.1.0] - 2024-01-01\n\n### Added\n\n- old\n";

/// `chore: start`, then `docs: changelog` bringing [`CHANGELOG`], relhook installed.
fn adopted() -> Repo {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    repo.write("CHANGELOG.md", CHANGELOG);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-qm", "docs: changelog"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_hand_tag_marks_the_past_release_the_adopted_changelog_holds() {
    let repo = adopted();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("already has its `## [0.1.0]` section"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), head);
    assert_eq!(repo.read("CHANGELOG.md"), CHANGELOG);
    assert!(repo.is_clean());
}

#[test]
fn a_hand_tag_above_it_is_pointed_at_the_commit_that_holds_the_release() {
    let repo = adopted();
    let changelog_commit = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("feat: b");
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        !said.contains("git reset") && !said.contains("git rebase"),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "git tag -a v0.1.0 -m v0.1.0 {}",
            changelog_commit.trim()
        )),
        "{said}"
    );
}

/// A section written by hand in a commit of its own (not relhook's release commit) over an
/// entry left under Unreleased: the hand edit says what the release holds, and no fix drops
/// the commit that made it.
#[test]
fn a_hand_written_release_section_is_never_dropped_to_be_made_again() {
    let repo = adopted();
    ok(repo.relhook(&["changelog", "--sync"]));
    repo.write("c.txt", "c\n");
    repo.git(&["add", "c.txt"]);
    repo.commit_hooked("fix: c");
    // By hand: a 0.2.0 section of `pending work` alone, `- c` left for later.
    let by_hand = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- c\n\n## [0.2.0] - 2024-02-01\n\n### Added\n\n- pending work\n\n## [0.1.0] - 2024-01-01\n\n### Added\n\n- old\n";
    assert!(repo.read("CHANGELOG.md").contains("### Fixed\n\n- c\n"));
    repo.write("CHANGELOG.md", by_hand);
    repo.git(&["commit", "-qam", "docs: release 0.2.0 by hand"]);
    let out = repo.git_output(&["tag", "-a", "v0.2.0", "-m", "v0.2.0"]);
    let said = text(&out);
    assert!(
        !said.contains("git reset") && !said.contains("git rebase --onto"),
        "{said}"
    );
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("git reset --keep"), "{}", text(&out));
}
