//! QA92: after a `git rebase -i` reword of a commit made through the hooks, doctor said the
//! reworded commit's entry twice, and at odds: "still reads `- two` for reworded commit …,
//! change it by hand to `- two reworded`" (right), and "lists `- two`, the entry of commit …
//! which no branch holds any more …; remove it by hand" (wrong: that commit was git's own,
//! before post-commit rewrote it to carry its entry, and the rewrite is the one reworded).

use crate::support::{installed_repo, ok, stdout};

#[test]
fn a_reworded_commit_s_entry_is_not_called_a_dropped_one() {
    let repo = installed_repo();
    repo.commit_hooked("fix: two");
    repo.commit_hooked("feat: three");
    repo.git_env(
        &["rebase", "-q", "-i", "HEAD~2"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i 1s/^pick/reword/"),
            ("GIT_EDITOR", "sed -i 1s/two/two-reworded/"),
        ],
    );
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s", "HEAD~1"]),
        "fix: two-reworded"
    );
    let doctor = stdout(&ok(repo.relhook(&["doctor"])));
    assert!(
        doctor.contains("still reads `- two` for reworded commit"),
        "{doctor}"
    );
    assert!(!doctor.contains("no branch holds any more"), "{doctor}");
}
