//! QA39: `git cherry-pick` and `git revert` make their commits with `git commit -n`, so
//! commit-msg never saw a pick or a revert whose message fails the lint: post-commit said
//! nothing, and pre-push then blamed `--no-verify`. Both are told as a `--no-verify` commit is,
//! and pre-push names git's command; a rebase's steps stay untold.

use crate::support::{Repo, installed_repo, stderr, text};

const UNLINTED: &str =
    "is not a Conventional Commit (pre-push refuses it; reword it with `git commit --amend`)";

/// An installed repository with `Quick hack`, made with `--no-verify` on branch `side`.
fn with_a_quick_hack() -> Repo {
    let repo = installed_repo();
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.write("s.txt", "s\n");
    repo.git(&["add", "s.txt"]);
    let out = repo.git_output(&["commit", "-q", "--no-verify", "-m", "Quick hack"]);
    assert!(stderr(&out).contains(UNLINTED), "{}", text(&out));
    repo.git(&["switch", "-q", "main"]);
    repo
}

#[test]
fn a_pick_and_a_revert_that_fail_the_lint_are_told_and_pre_push_names_them() {
    let repo = with_a_quick_hack();
    let out = repo.git_output(&["cherry-pick", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains(&format!("\"Quick hack\" {UNLINTED}")),
        "{}",
        text(&out)
    );
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains(&format!("\"Revert \"Quick hack\"\" {UNLINTED}")),
        "{}",
        text(&out)
    );

    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    let fix = |subject: &str| {
        let at = said.find(subject).unwrap_or_else(|| panic!("{said}"));
        said[at..]
            .lines()
            .find(|l| l.contains("fix:"))
            .unwrap()
            .to_owned()
    };
    let revert = fix("Revert \"Quick hack\"\n");
    assert!(
        revert.contains("`git revert` made it, and git commits a revert with `git commit -n`, past the commit-msg hook, so it is new to origin unchecked"),
        "{said}"
    );
    let pick = fix(" Quick hack\n");
    assert!(
        pick.contains("`git cherry-pick` made it, and git commits a pick with `git commit -n`, past the commit-msg hook"),
        "{said}"
    );
    assert!(!said.contains("--no-verify`, or made elsewhere"), "{said}");
}

#[test]
fn pre_push_tells_a_pick_by_its_x_line_when_the_reflog_is_gone() {
    let repo = with_a_quick_hack();
    let out = repo.git_output(&["cherry-pick", "-x", "side"]);
    assert!(stderr(&out).contains(UNLINTED), "{}", text(&out));
    repo.git(&["reflog", "expire", "--expire=now", "--all"]);
    push_names_the_pick(&repo);
}

/// The first push of main is refused, naming git's cherry-pick as what made the commit.
fn push_names_the_pick(repo: &Repo) {
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("`git cherry-pick` made it"),
        "{}",
        text(&out)
    );
}

/// QA39, second round: a `git switch` away and back (or a `git reset --hard` onto the pick)
/// is the newest reflog entry setting HEAD to it, which made nothing: the pick is still named.
#[test]
fn pre_push_names_the_pick_after_head_moved_away_and_back() {
    let repo = with_a_quick_hack();
    let out = repo.git_output(&["cherry-pick", "side"]);
    assert!(stderr(&out).contains(UNLINTED), "{}", text(&out));
    repo.git(&["switch", "-q", "side"]);
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["reset", "-q", "--hard", "HEAD"]);
    push_names_the_pick(&repo);
}

#[test]
fn a_rebase_replaying_a_commit_that_fails_the_lint_says_nothing_of_it() {
    let repo = with_a_quick_hack();
    repo.commit_hooked("chore: more");
    repo.git(&["switch", "-q", "side"]);
    let out = repo.git_output(&["rebase", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains(UNLINTED), "{}", text(&out));
}
