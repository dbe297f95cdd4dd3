//! QA44: a fix backported to main with `git cherry-pick -x` from branch `feature`, main
//! released, then `feature` merged: the merge driver put the branch's entry for the original
//! fix back into Unreleased, so the fix was listed twice (released and unreleased) and
//! `version --next` counted it again. The original and its pick are one change.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// The Unreleased part of a changelog (what comes before the first release heading).
fn unreleased(log: &str) -> &str {
    log.split("\n## [0").next().unwrap_or(log)
}

/// main released 0.1.0; `feature` has `fix: the bug` (and, when `more`, `feat: more`);
/// main picks the fix (`pick_args`), releases 0.1.1, then merges `feature`.
fn backported(pick_args: &[&str], more: bool) -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    ok(repo.relhook(&["release", "0.1.0"]));
    repo.git(&["switch", "-q", "-c", "feature"]);
    repo.commit_hooked("fix: the bug");
    if more {
        repo.commit_hooked("feat: more");
    }
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("docs: a note");
    let pick = if more { "feature~1" } else { "feature" };
    ok(repo.git_output(&[&["cherry-pick"], pick_args, &[pick]].concat()));
    ok(repo.relhook(&["release"]));
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.1]"));
    let merge = repo.git_output(&["merge", "-q", "--no-edit", "feature"]);
    assert!(merge.status.success(), "{}", text(&merge));
    repo
}

fn assert_listed_once(repo: &Repo) {
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("- the bug").count(), 1, "{log}");
    assert!(!unreleased(&log).contains("the bug"), "{log}");
    for args in [&["--sync", "--stdout"][..], &["--rebuild", "--stdout"]] {
        let out = ok(repo.relhook(&[&["changelog"][..], args].concat()));
        let said = stdout(&out);
        assert_eq!(said.matches("- the bug").count(), 1, "{args:?}\n{said}");
        assert!(!unreleased(&said).contains("the bug"), "{args:?}\n{said}");
    }
}

#[test]
fn a_merged_branch_adds_no_second_entry_for_a_picked_and_released_fix() {
    let repo = backported(&["-x"], false);
    assert_listed_once(&repo);
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(next.status.code(), Some(1), "{}", text(&next));
}

#[test]
fn a_pick_without_x_is_the_same_change_by_its_patch() {
    let repo = backported(&[], true);
    assert_listed_once(&repo);
    let log = repo.read("CHANGELOG.md");
    assert!(unreleased(&log).contains("- more"), "{log}");
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.1.2", "{}", stderr(&next));
}

/// A released fix reverted, then picked again on a branch made after the revert: a change
/// of its own, though its `-x` line names a released commit.
#[test]
fn a_fix_picked_again_after_its_revert_is_a_change_of_its_own() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    repo.commit_hooked("fix: the bug");
    ok(repo.relhook(&["release", "0.1.0"]));
    let fix = repo.git(&["rev-parse", "HEAD~1"]);
    ok(repo.git_output(&["revert", "--no-edit", &fix]));
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("docs: a note");
    ok(repo.relhook(&["release"]));
    repo.git(&["switch", "-q", "side"]);
    ok(repo.git_output(&["cherry-pick", "-x", &fix]));
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_output(&["merge", "-q", "--no-edit", "side"]));
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.1.2", "{}", stderr(&next));
}
