//! QA155: a `git rebase -i` that reworded a commit it also had to pick again (an earlier one
//! dropped, so the commit got a new parent) left doctor with two warnings on one entry: that
//! the file still reads the old message's entry for the reworded commit (right), and that the
//! entry belongs to a commit "no branch holds any more (a rebase dropped it)", to be removed
//! by hand (wrong: the change is there, reworded). Only the reword is said now.

use crate::support::{installed_repo, ok, stdout, text};

#[test]
fn a_reworded_commit_picked_again_is_not_said_to_be_dropped() {
    let repo = installed_repo();
    for m in ["a", "d", "e"] {
        repo.write(&format!("{m}.txt"), "x\n");
        ok(repo.git_output(&["add", "."]));
        repo.commit_hooked(&format!("fix: {m}"));
    }
    let env = [
        (
            "GIT_SEQUENCE_EDITOR",
            "sed -i -e 1d -e 's/^pick \\([0-9a-f]*\\) fix: e$/reword \\1 fix: e/'",
        ),
        ("GIT_EDITOR", "sed -i 's/^fix: e$/fix: ee/'"),
    ];
    repo.git_env(&["rebase", "-q", "-i", "HEAD~3"], &env);
    assert_eq!(
        repo.git(&["log", "--format=%s", "-3"]),
        "fix: ee\nfix: d\nfeat: init"
    );
    assert!(repo.read("CHANGELOG.md").contains("- e\n"));
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("CHANGELOG.md still reads `- e` for reworded commit"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("no branch holds any more"), "{}", text(&out));
}
