//! QA46: doctor held its "CHANGELOG.md has changes not committed … `git commit … --
//! :/CHANGELOG.md`" row while a cherry-pick, merge, rebase or revert was stopped, but not
//! after `git merge --squash` (which leaves only SQUASH_MSG) nor `git cherry-pick -n` (only
//! MERGE_MSG): pasting the fix committed the changelog apart from the changes its new entries
//! stand for. The row now waits while such a squash or pick has the changelog staged.

use crate::qa45_doctor_midway_changelog::doctor_holds_the_changelog_row;
use crate::support::{installed_repo, ok, stdout, text};

/// main and a branch `feat` with a `feat:` and a `fix:` commit, each with its entry.
fn branched() -> crate::support::Repo {
    let repo = installed_repo();
    repo.write("a.txt", "a\n");
    ok(repo.git_output(&["add", "a.txt"]));
    repo.commit_hooked("fix: a");
    ok(repo.git_output(&["switch", "-q", "-c", "feat"]));
    repo.write("x.txt", "x\n");
    ok(repo.git_output(&["add", "x.txt"]));
    repo.commit_hooked("feat: x");
    repo.write("a.txt", "b1\n");
    ok(repo.git_output(&["commit", "-q", "-am", "fix: change a on feat"]));
    ok(repo.git_output(&["switch", "-q", "main"]));
    repo.write("c.txt", "c\n");
    ok(repo.git_output(&["add", "c.txt"]));
    repo.commit_hooked("fix: c on main");
    repo
}

#[test]
fn doctor_offers_no_changelog_commit_while_a_squash_merge_is_staged() {
    let repo = branched();
    ok(repo.git_output(&["merge", "--squash", "feat"]));
    assert!(repo.path().join(".git/SQUASH_MSG").exists());
    assert!(
        repo.git(&["diff", "--cached", "--name-only"])
            .contains("CHANGELOG.md")
    );
    doctor_holds_the_changelog_row(&repo);
}

#[test]
fn doctor_offers_no_changelog_commit_while_a_no_commit_pick_is_staged() {
    let repo = branched();
    ok(repo.git_output(&["cherry-pick", "-n", "feat~1"]));
    doctor_holds_the_changelog_row(&repo);
    // The pick's changelog unstaged (a MERGE_MSG git left behind): an edit like any other,
    // named with its commit.
    ok(repo.git_output(&["restore", "--staged", "CHANGELOG.md"]));
    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains("CHANGELOG.md has changes not committed"),
        "{}",
        text(&out)
    );
}
