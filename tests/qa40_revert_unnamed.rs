//! QA39 (left open): a `revert: w` commit after `feat: w`, naming neither the commit nor its
//! header, reverts nothing relhook can tell: the entry stays, and post-commit said only that
//! the entry was there already, "if this commit is a separate change". It now says the entry
//! stays and how the revert takes it out; amended so, it does.

use crate::support::{installed_repo, stderr, text};

#[test]
fn a_revert_naming_no_commit_says_the_entry_stays_and_how_to_name_it() {
    let repo = installed_repo();
    repo.write("w.txt", "w\n");
    repo.git(&["add", "w.txt"]);
    repo.commit_hooked("feat: w");
    repo.git(&["rm", "-q", "w.txt"]);
    let out = repo.git_output(&["commit", "-m", "revert: w"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "is already under Added in CHANGELOG.md's Unreleased (line 13), and stays: this revert names no commit it reverts; to take both out, amend it to name one (`revert: <its header>`, or a `Refs: <its id>` footer)"
        ),
        "{}",
        text(&out)
    );
    assert!(repo.read("CHANGELOG.md").contains("\n- w\n"));

    let out = repo.git_output(&["commit", "--amend", "-m", "revert: feat: w"]);
    assert!(stderr(&out).contains("removed `- w`"), "{}", text(&out));
    assert!(!repo.read("CHANGELOG.md").contains("\n- w\n"));
    assert!(repo.is_clean());
}
