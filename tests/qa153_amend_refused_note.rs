//! QA153: a message refused by commit-msg during `git commit --amend` got the note's `git
//! commit -e -F <file>`, which, pasted, made a new commit on top instead of amending. git tells
//! commit-msg nothing of an amend (its environment, arguments and git dir are a plain
//! commit's), so the note names both: the commit's command, and the amend's for an amend.

use crate::support::{Repo, installed_repo, stderr, text};

/// The backticked commands of the commit-msg hook's `note:` line.
fn note_commands(err: &str) -> Vec<String> {
    let note = err
        .lines()
        .find(|l| l.starts_with("note:"))
        .unwrap_or_else(|| panic!("no note in:\n{err}"));
    note.split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| c.starts_with("git "))
        .map(str::to_owned)
        .collect()
}

/// `command` run by sh with an editor that makes the refused message a good one.
fn pasted(repo: &Repo, command: &str) {
    let out = repo
        .command_in("sh", &repo.path())
        .env("GIT_EDITOR", "sed -i 's/^bad message$/fix: good message/'")
        .args(["-c", command])
        .output()
        .unwrap();
    assert!(out.status.success(), "{command}: {}", text(&out));
    assert_eq!(repo.head_subject(), "fix: good message");
}

#[test]
fn a_refused_amend_is_reopened_as_an_amend() {
    let repo = installed_repo();
    repo.commit_hooked("feat: first");
    let parent = repo.git(&["rev-parse", "HEAD~"]);
    let count = repo.git(&["rev-list", "--count", "HEAD"]);
    let out = repo.git_output(&["commit", "--amend", "-m", "bad message"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let commands = note_commands(&stderr(&out));
    let amend = commands
        .iter()
        .find(|c| c.starts_with("git commit --amend -e -F "))
        .unwrap_or_else(|| panic!("no amend in {commands:?}"));
    assert!(
        stderr(&out).contains(&format!("`{amend}` if you were amending")),
        "{}",
        text(&out)
    );
    pasted(&repo, amend);
    // Amended: the commit it replaced had the same parent, and no commit was added.
    assert_eq!(repo.git(&["rev-parse", "HEAD~"]), parent);
    assert_eq!(repo.git(&["rev-list", "--count", "HEAD"]), count);
}

#[test]
fn a_refused_commit_is_reopened_as_a_commit() {
    let repo = installed_repo();
    let head = repo.git(&["rev-parse", "HEAD"]);
    repo.write("f", "x\n");
    repo.git(&["add", "f"]);
    let out = repo.try_commit("bad message");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let commands = note_commands(&stderr(&out));
    assert!(commands[0].starts_with("git commit -e -F "), "{commands:?}");
    pasted(&repo, &commands[0]);
    assert_eq!(repo.git(&["rev-parse", "HEAD~"]), head);
}
