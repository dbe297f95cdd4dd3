//! A series of picks or reverts (`git revert A B`, `git cherry-pick A B`) whose last one
//! stopped on a conflict: `--continue` runs `git commit` as a child, which ends the sequence
//! before post-commit runs, and then checks that its index still matches HEAD. An amend there
//! made git fail with "your local changes would be overwritten by revert".

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// `feat(api): add search` (which creates CHANGELOG.md), then `feat(ui)!: new ui`, released as
/// v1.0.0 by a hand tag, with relhook installed before the first.
fn released_pair() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("a", "1\n");
    repo.git(&["add", "a"]);
    repo.commit_hooked("feat(api): add search");
    repo.write("b", "1\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("feat(ui)!: new ui");
    let out = hand_tag(&repo, &["-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

/// relhook's own way on, followed to the letter, finishes the revert (git exits 0); what the
/// sequence's commits lack is named, and `--sync` then brings both entries.
#[test]
fn the_last_revert_of_a_series_concluded_by_continue_leaves_head_to_git() {
    let repo = released_pair();
    let out = repo.git_output(&["revert", "--no-edit", "HEAD~1", "HEAD~2"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("git checkout --ours CHANGELOG.md"))
        .unwrap_or_else(|| panic!("no way on:\n{err}"));
    let fix = line
        .split('`')
        .find(|c| c.starts_with("git checkout"))
        .unwrap();
    let out = repo.sh(&format!("GIT_EDITOR=true; export GIT_EDITOR; {fix}"));
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("relhook changelog --sync"),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    assert_eq!(repo.git(&["log", "-3", "--format=%s"]).lines().count(), 3);
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- **ui:** revert \"new ui\""), "{log}");
    assert!(log.contains("- **api:** revert \"add search\""), "{log}");
}

/// `--sync` does not write into a changelog the index holds in conflict: the entries would
/// land in a file git has not merged yet.
#[test]
fn sync_refuses_a_changelog_in_conflict() {
    let repo = released_pair();
    let out = repo.git_output(&["revert", "--no-edit", "HEAD~1", "HEAD~2"]);
    assert!(!out.status.success(), "{}", text(&out));
    let before = repo.read("CHANGELOG.md");
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("CHANGELOG.md is in conflict"), "{err}");
    assert_eq!(repo.read("CHANGELOG.md"), before);
}

/// A commit refused while a series of picks is stopped leaves no note behind: after the
/// series is aborted, the next commit gets its entry as any other.
#[test]
fn a_refused_commit_in_a_stopped_series_leaves_no_note_for_later_commits() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("f", "base\n");
    repo.git(&["add", "f"]);
    repo.commit_hooked("chore: start");
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.write("f", "side one\n");
    repo.git(&["add", "f"]);
    repo.commit_hooked("fix: side one");
    repo.write("g", "two\n");
    repo.git(&["add", "g"]);
    repo.commit_hooked("fix: side two");
    repo.git(&["switch", "-q", "main"]);
    repo.write("f", "main\n");
    repo.git(&["add", "f"]);
    repo.commit_hooked("chore: main change");
    let out = repo.git_output(&["cherry-pick", "side~1", "side"]);
    assert!(!out.status.success(), "{}", text(&out));
    repo.write("f", "resolved\n");
    repo.git(&["add", "f"]);
    let out = repo.git_output(&["commit", "-q", "-m", "not conventional"]);
    assert!(!out.status.success(), "{}", text(&out));
    ok(repo.git_output(&["cherry-pick", "--abort"]));
    repo.write("h", "later\n");
    repo.git(&["add", "h"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: later"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("added `- later`"), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- later"));
}
