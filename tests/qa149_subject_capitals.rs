//! QA149: with the opt-in `subject-case` on, `fix: ADD THING` was accepted (a capital followed by
//! a capital reads as a name like `API`); commitlint's `upper-case` refuses it. A description
//! in capitals with two or more words is now refused with a `try:` in lowercase (a name that
//! starts the description, `fix: API`, is refused too, as commitlint refuses it: QA153). `subject-full-stop` keeps accepting an
//! ellipsis (the README says commitlint's rule does not), and `fix: x..` is offered `fix: x`.

use crate::support::{Repo, stderr, text};

const RULES: &str = "[commit.rules]\nsubject-case = \"error\"\nsubject-full-stop = \"error\"\n";

fn repo() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", RULES);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.hooks(&["commit-msg"]);
    repo
}

#[test]
fn a_description_in_capitals_is_refused_by_the_commit_msg_hook() {
    let repo = repo();
    let out = repo.try_commit("fix: ADD THING");
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("subject-case"), "{err}");
    assert!(err.contains("the description is all capitals"), "{err}");
    assert!(err.contains("try: fix: add thing"), "{err}");
    assert_eq!(repo.head_subject(), "chore: init");
    for ok in [
        "fix: iOS build",
        "fix: add API docs",
        "fix: more to come...",
    ] {
        repo.commit_hooked(ok);
        assert_eq!(repo.head_subject(), ok);
    }
}

#[test]
fn two_dots_are_a_full_stop_whose_try_takes_both_off() {
    let repo = repo();
    let out = repo.try_commit("fix: x..");
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("subject-full-stop"), "{err}");
    assert!(err.contains("try: fix: x\n"), "{err}");
}
