//! A rebase's `reword` whose new message commit-msg refuses: git has made the pick and stops
//! the rebase on it. The note's `git commit -e -F <file>` had nothing to commit there ("nothing
//! to commit, working tree clean"); it now names the amend and the rebase's way on, which,
//! pasted, rewords the commit and finishes the rebase.

use crate::support::{installed_repo, stderr, text};

#[test]
fn a_refused_reword_names_the_amend_that_takes_the_message_back() {
    let repo = installed_repo();
    repo.commit_hooked("fix: second");
    let reword = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~1"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i '1s/^pick/reword/'"),
            ("GIT_EDITOR", "sed -i 's/fix: second/second reworded/'"),
        ],
    );
    assert!(!reword.status.success(), "{}", text(&reword));
    let err = stderr(&reword);
    let note = err
        .lines()
        .find(|l| l.starts_with("note: the message is kept"))
        .unwrap_or_else(|| panic!("no note in:\n{err}"));
    let fix = note.split('`').nth(1).expect("a command in backquotes");
    assert!(fix.starts_with("git commit --amend "), "{note}");

    // Pasted, with the message put right in the editor it opens.
    let pasted = repo
        .command_in("sh", &repo.path())
        .env(
            "GIT_EDITOR",
            "sed -i 's/second reworded/fix: second reworded/'",
        )
        .args(["-c", fix])
        .output()
        .expect("run sh");
    assert!(pasted.status.success(), "{fix}:\n{}", text(&pasted));
    assert_eq!(repo.head_subject(), "fix: second reworded");
    assert!(
        !repo.path().join(".git/rebase-merge").exists(),
        "the rebase went on to its end"
    );
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}
