//! The messages relhook prints after a refusal or a release: the way back must work as
//! printed, and say only what relhook knows.

use crate::support::*;

/// An editor script that applies `sed_expr` to the message file.
fn editor(repo: &Repo, name: &str, sed_expr: &str) -> String {
    let path = repo.scratch("editors").join(name);
    std::fs::write(&path, format!("#!/bin/sh\nsed -i '{sed_expr}' \"$1\"\n")).unwrap();
    make_executable(&path);
    path.display().to_string()
}

/// The command between the backticks of the commit-msg hook's `note:` line.
fn reopen_command(err: &str) -> String {
    let note = err
        .lines()
        .find(|l| l.starts_with("note:"))
        .unwrap_or_else(|| panic!("no note in:\n{err}"));
    note.split('`').nth(1).unwrap_or("").to_owned()
}

#[test]
fn reopening_a_refused_verbose_commit_leaves_the_diff_out_of_the_message() {
    let repo = installed_repo();
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    repo.commit_hooked("chore: a");
    repo.write("a", "a\nb\n");
    let bad = editor(&repo, "bad", "1s/^/oops bad/");
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-v", "-a"],
        &[("GIT_EDITOR", bad.as_str())],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("other options, e.g. `-a`"), "{err}");
    let reopen = reopen_command(&err);
    assert!(reopen.starts_with("git commit -v -e -F "), "{err}");
    // As the note says: the original commit's `-a` goes with it (here: the change is staged).
    repo.git(&["add", "a"]);
    let good = editor(&repo, "good", "1s/^oops bad/fix: oops/");
    let out = repo
        .command_in("sh", &repo.path())
        .env("GIT_EDITOR", &good)
        .args(["-c", &reopen])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["log", "-1", "--format=%B"]), "fix: oops");
}

#[test]
fn the_reopen_note_of_a_plain_commit_has_no_verbose_flag() {
    let repo = installed_repo();
    let out = repo.try_commit("bad message");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        reopen_command(&stderr(&out)).starts_with("git commit -e -F "),
        "{}",
        text(&out)
    );
}
