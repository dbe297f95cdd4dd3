//! QA46: with `scopes = ["core"]`, subject-case and subject-full-stop on, `relhook lint
//! --message 'fix(cor): The crash.'` offered `try: fix(core): The crash.` and `try: fix(cor):
//! the crash`, each refused by the other rules when pasted. Every `try:` is now the one line
//! with all of them fixed, and none is offered that the lint refuses.

use crate::support::{Repo, stdout, text};

const RULES: &str = "[commit]\nscopes = [\"core\"]\n[commit.rules]\nsubject-case = \"error\"\nsubject-full-stop = \"error\"\n";

/// The distinct `try:` lines of `relhook lint --message <message>`.
fn tries(repo: &Repo, message: &str) -> Vec<String> {
    let out = repo.relhook(&["lint", "--message", message]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let mut tries: Vec<String> = (stdout(&out).lines())
        .filter_map(|l| l.split_once("= try: ").map(|(_, t)| t.to_owned()))
        .collect();
    tries.dedup();
    tries
}

#[test]
fn each_try_for_a_scope_and_a_description_is_one_line_that_passes() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", RULES);
    for message in ["fix(cor): The crash.", "fix(Core): The crash."] {
        let tries = tries(&repo, message);
        assert_eq!(tries, ["fix(core): the crash"], "{message}");
        let out = repo.relhook(&["lint", "--message", &tries[0]]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    }
}

#[test]
fn no_try_is_offered_when_a_fault_has_no_fix() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", RULES);
    assert!(tries(&repo, "fix(zzzz): The crash.").is_empty());
}
