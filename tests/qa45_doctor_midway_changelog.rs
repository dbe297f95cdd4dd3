//! QA45: while a cherry-pick was stopped on a conflict in another file, doctor named the
//! picked commit's own staged entry as an uncommitted changelog, with `git commit … --
//! :/CHANGELOG.md` as the fix: git refuses a partial commit there, and during a rebase it
//! took the entry away from its commit. While an operation is stopped, that row waits.

use crate::support::{installed_repo, ok, stdout, text};

#[test]
fn doctor_names_no_changelog_commit_while_a_cherry_pick_is_stopped() {
    let repo = installed_repo();
    repo.write("f.txt", "1\n");
    ok(repo.git_output(&["add", "f.txt"]));
    repo.commit_hooked("fix: one");
    ok(repo.git_output(&["checkout", "-q", "-b", "side", "HEAD~1"]));
    repo.write("f.txt", "2\n");
    ok(repo.git_output(&["add", "f.txt"]));
    repo.commit_hooked("fix: two");
    ok(repo.git_output(&["checkout", "-q", "main"]));
    assert!(!repo.git_output(&["cherry-pick", "side"]).status.success());
    doctor_holds_the_changelog_row(&repo);
    // Done, the pick carries its entry, and doctor has nothing to say of the changelog.
    repo.write("f.txt", "2\n");
    ok(repo.git_output(&["add", "f.txt"]));
    ok(repo.sh("GIT_EDITOR=: git cherry-pick --continue"));
    assert!(
        repo.git(&["show", "--stat", "HEAD"])
            .contains("CHANGELOG.md")
    );
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(!said.contains("changes not committed"), "{said}");
}

/// Doctor names no uncommitted changelog and offers no `git commit … -- :/CHANGELOG.md`:
/// what is staged belongs to the operation under way.
pub(crate) fn doctor_holds_the_changelog_row(repo: &crate::support::Repo) {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        !said.contains("has changes not committed"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("-- :/CHANGELOG.md"), "{}", text(&out));
}
