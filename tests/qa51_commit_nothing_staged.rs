//! QA51: `relhook commit` with nothing staged asked every question, then git said "nothing
//! to commit" and relhook nothing (the answers sat in .git/COMMIT_EDITMSG, unsaid). Now it
//! refuses in one line before asking, as git's dry run with the same arguments tells; and
//! when git makes no commit after all, it says where the message is kept and how to use it.

use crate::commit::Pty;
use crate::support::{Repo, make_executable, ok};

fn committed() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: init");
    repo
}

/// Answers every question for `fix: <text>` and confirms.
fn answer(pty: &mut Pty, text: &str, at: &mut usize) {
    pty.expect("type (number or name): ", at);
    pty.send("fix\n");
    pty.expect("scope (empty for none): ", at);
    pty.send("\n");
    pty.expect("[y/N] ", at);
    pty.send("\n");
    pty.expect("[5/100]", at);
    pty.send(&format!("{text}\r"));
    pty.expect("> ", at);
    pty.send("\n");
    pty.expect("issues", at);
    pty.send("\n");
    pty.expect("Commit with this message? [Y/n] ", at);
    pty.send("\n");
}

#[test]
fn nothing_staged_is_said_before_any_question() {
    let repo = committed();
    repo.write("new.txt", "new\n");
    let (code, screen) = Pty::spawn(&repo, &["commit"]).finish();
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.contains("relhook: nothing to commit, so nothing is asked: nothing is staged; stage changes with `git add <path>` first"),
        "{screen}"
    );
    assert!(!screen.contains("type (number or name)"), "{screen}");
    assert_eq!(screen.trim().lines().count(), 1, "{screen}");
    // `-a` stages no new file: git's own dry run says nothing would be committed.
    let (code, screen) = Pty::spawn(&repo, &["commit", "-a"]).finish();
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.contains(
            "`git commit -a` finds no change to commit (a new file needs `git add <path>` first)"
        ),
        "{screen}"
    );
}

/// With `-a` and a changed tracked file, or `--allow-empty`, the questions are asked.
#[test]
fn arguments_that_commit_something_still_ask() {
    let repo = committed();
    repo.write("f0.txt", "changed\n");
    for args in [&["commit", "-a"][..], &["commit", "--allow-empty"]] {
        let pty = Pty::spawn(&repo, args);
        let mut at = 0;
        pty.expect("type (number or name): ", &mut at);
        pty.stop();
    }
}

/// git refuses the commit after the questions (a pre-commit hook fails): the message is kept,
/// and the command relhook names commits with it once the cause is gone.
#[test]
fn a_commit_git_refuses_keeps_the_message_and_says_how_to_use_it() {
    let repo = committed();
    let hook = repo.hooks_dir().join("pre-commit");
    std::fs::create_dir_all(repo.hooks_dir()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\necho 'pre-commit: no' >&2\nexit 1\n").unwrap();
    make_executable(&hook);
    repo.write("f0.txt", "changed\n");
    repo.git(&["add", "f0.txt"]);
    let mut pty = Pty::spawn(&repo, &["commit"]);
    let mut at = 0;
    answer(&mut pty, "keep the answers", &mut at);
    let (code, screen) = pty.finish();
    assert_eq!(code, 1, "{screen}");
    let line = screen
        .lines()
        .find(|l| l.starts_with("relhook: nothing committed; the message is kept in "))
        .unwrap_or_else(|| panic!("{screen}"));
    let command = line
        .split_once("dealt with, `")
        .and_then(|(_, c)| c.split_once("` commits with it"))
        .map(|(c, _)| c.to_owned())
        .unwrap_or_else(|| panic!("{line}"));
    assert!(command.starts_with("git commit -F "), "{command}");
    std::fs::remove_file(&hook).unwrap();
    ok(repo.sh(&command));
    assert_eq!(repo.head_subject(), "fix: keep the answers");
}
