//! QA47: a branch `topic` squash-merged into main as GitHub writes it (`feat: a (#12)`, a body
//! listing `* feat: a`), then main merged back into `topic` to go on working there: the merge
//! driver unioned both sides' new entries, so topic listed `- a` (its own commit's) and
//! `- a (#12)` (the squash's), one change twice. The squash carries topic's commits (the same
//! change), so the merge keeps the squash's entry alone; a different change worded alike, and
//! an entry edited by hand, stay.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// The Unreleased entries of the work tree's changelog, one per line.
fn entries(repo: &Repo) -> Vec<String> {
    let log = repo.read("CHANGELOG.md");
    let unreleased = log.split("## [Unreleased]").nth(1).unwrap_or("");
    let unreleased = unreleased.split("\n## [").next().unwrap_or("");
    unreleased
        .lines()
        .filter(|l| l.starts_with("- "))
        .map(str::to_owned)
        .collect()
}

/// `topic` with `commits` (each through the hooks), squash-merged into main as `message`, a
/// day later (so the squash is not topic's own commit again).
fn squashed(commits: &[&str], message: &str) -> Repo {
    let repo = installed_repo();
    ok(repo.git_output(&["switch", "-q", "-c", "topic"]));
    for c in commits {
        repo.commit_hooked(c);
    }
    ok(repo.git_output(&["switch", "-q", "main"]));
    ok(repo.git_output(&["merge", "-q", "--squash", "topic"]));
    let later = [("GIT_COMMITTER_DATE", "2026-01-02T12:00:00Z")];
    repo.git_env(&["commit", "-q", "-m", message], &later);
    repo
}

/// `git merge main` on topic: it goes through, and leaves the tree clean.
fn merge_main_into_topic(repo: &Repo) -> std::process::Output {
    ok(repo.git_output(&["switch", "-q", "topic"]));
    let out = ok(repo.git_output(&["merge", "-q", "--no-edit", "main"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    out
}

#[test]
fn a_squash_as_github_writes_it_merged_back_lists_its_entry_once() {
    let repo = squashed(&["feat: a"], "feat: a (#12)\n\n* feat: a\n");
    let out = merge_main_into_topic(&repo);
    assert_eq!(entries(&repo), ["- init", "- a (#12)"]);
    assert!(
        stderr(&out).contains("left `- a` out of Unreleased: the squash merge"),
        "{}",
        text(&out)
    );
    // `--sync` agrees, and merging topic into main again changes nothing there.
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
    assert!(repo.is_clean());
    ok(repo.git_output(&["switch", "-q", "main"]));
    ok(repo.git_output(&["merge", "-q", "--no-edit", "topic"]));
    assert_eq!(entries(&repo), ["- init", "- a (#12)"]);
}

#[test]
fn a_squash_with_topic_s_own_message_merged_back_lists_its_entry_once() {
    let repo = squashed(&["feat: a"], "feat: a");
    merge_main_into_topic(&repo);
    assert_eq!(entries(&repo), ["- init", "- a"]);
}

/// The squash of two commits, whose own entry took their place on main.
#[test]
fn a_squash_of_two_commits_merged_back_lists_its_own_entry_alone() {
    let repo = squashed(
        &["feat: a", "feat: b"],
        "feat: a and b (#12)\n\n* feat: a\n\n* feat: b\n",
    );
    ok(repo.git_output(&["switch", "-q", "main"]));
    assert_eq!(entries(&repo), ["- init", "- a and b (#12)"]);
    merge_main_into_topic(&repo);
    assert_eq!(entries(&repo), ["- init", "- a and b (#12)"]);
}

/// Work went on on topic after the squash: its new commit keeps its entry.
#[test]
fn a_commit_made_on_topic_after_the_squash_keeps_its_entry() {
    let repo = squashed(&["feat: a"], "feat: a (#12)\n\n* feat: a\n");
    ok(repo.git_output(&["switch", "-q", "topic"]));
    repo.commit_hooked("feat: c");
    merge_main_into_topic(&repo);
    let mut now = entries(&repo);
    now.sort();
    assert_eq!(now, ["- a (#12)", "- c", "- init"]);
}

/// main's `feat: a (#12)` is another change than topic's `feat: a`: both entries stay.
#[test]
fn a_different_change_worded_alike_keeps_both_entries() {
    let repo = installed_repo();
    ok(repo.git_output(&["switch", "-q", "-c", "topic"]));
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["switch", "-q", "main"]));
    repo.commit_hooked("feat: a (#12)");
    let out = merge_main_into_topic(&repo);
    assert!(!stderr(&out).contains("squash"), "{}", text(&out));
    assert_eq!(entries(&repo), ["- init", "- a", "- a (#12)"]);
}

/// topic's entry reworded by hand after the squash: the hand edit stays beside the squash's.
#[test]
fn an_entry_edited_by_hand_on_topic_stays() {
    let repo = squashed(&["feat: a"], "feat: a (#12)\n\n* feat: a\n");
    ok(repo.git_output(&["switch", "-q", "topic"]));
    let log = repo
        .read("CHANGELOG.md")
        .replace("- a\n", "- a, in detail\n");
    repo.write("CHANGELOG.md", log);
    ok(repo.git_output(&["commit", "-q", "-am", "docs: say more about a"]));
    merge_main_into_topic(&repo);
    assert_eq!(entries(&repo), ["- init", "- a, in detail", "- a (#12)"]);
}

/// The merge concluded by hand (`--no-commit`, then `git commit`): post-commit does not put
/// topic's entry back as one a resolution dropped.
#[test]
fn a_merge_back_committed_by_hand_keeps_the_squash_s_entry_alone() {
    let repo = squashed(&["feat: a"], "feat: a (#12)\n\n* feat: a\n");
    ok(repo.git_output(&["switch", "-q", "topic"]));
    ok(repo.git_output(&["merge", "-q", "--no-commit", "main"]));
    let out = ok(repo.git_output(&["commit", "-q", "--no-edit"]));
    assert!(!stderr(&out).contains("put back"), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    assert_eq!(entries(&repo), ["- init", "- a (#12)"]);
}
