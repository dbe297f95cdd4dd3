//! QA247: `relhook init` in a project that mostly does not write Conventional Commits
//! (changesets: 193 of its last 200 commits) proposed the lint without a word on it. It now
//! says in one line how many of the last commits the commit-msg hook would refuse, and what
//! that means: the hook lints new commits only.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn init_says_how_many_of_the_last_commits_the_hook_would_refuse() {
    let repo = Repo::new();
    repo.commit("Initial import");
    repo.commit("fix: a crash");
    let newest = repo.commit("Update the dependencies");
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    let short = &newest[..newest.len().min(9)];
    let line = said
        .lines()
        .find(|l| {
            l.starts_with("note: 2 of the 3 commits would be refused by relhook's commit-msg hook")
        })
        .unwrap_or_else(|| panic!("no line on the refused commits:\n{}", text(&out)));
    assert!(
        line.contains(&format!("(the newest: `{short} Update the dependencies`)")),
        "{line}"
    );
    assert!(
        line.contains("it lints new commits only, so history stays as it is"),
        "{line}"
    );
}

#[test]
fn init_says_nothing_of_a_history_the_hook_would_pass() {
    let repo = Repo::new();
    repo.commit("feat: start");
    repo.commit("fix: a crash");
    let out = ok(repo.relhook(&["init"]));
    assert!(!stdout(&out).contains("would be refused"), "{}", text(&out));
}
