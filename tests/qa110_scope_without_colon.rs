//! QA110: `feat (api) x`, a space between the type and the scope and no colon: commit-msg's
//! `try:` offered `feat: (api) x`, the scope taken for the description. It now names the
//! space and offers `feat(api): x`, which commits when pasted.

use crate::support::{Repo, ok, stderr, text};

fn installed() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: start");
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_space_before_the_scope_and_no_colon_is_fixed_as_both() {
    let repo = installed();
    let out = repo.try_commit("feat (api) x");
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().take(8).collect();
    assert_eq!(
        lines,
        [
            "error[header-format]: no space is allowed between the type and the scope or `!`",
            " --> .git/COMMIT_EDITMSG:1:5",
            "  |",
            "1 | feat (api) x",
            "  |     ^ expected `type(scope): description`",
            "  |",
            "  = try: feat(api): x",
            "error: the commit message has 1 error and 0 warnings",
        ],
        "{err}"
    );
    ok(repo.try_commit("feat(api): x"));
    assert_eq!(repo.head_subject(), "feat(api): x");
}

#[test]
fn the_same_without_a_space_after_the_scope_or_with_a_bang() {
    let repo = installed();
    for (message, fix) in [
        ("feat (api)x", "feat(api): x"),
        ("fix  (ui) the crash", "fix(ui): the crash"),
        (
            "feat (api)! drop the old call",
            "feat(api)!: drop the old call",
        ),
    ] {
        let out = repo.try_commit(message);
        assert!(!out.status.success(), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("= try: {fix}\n")),
            "{message:?}: {err}"
        );
        ok(repo.try_commit(fix));
        assert_eq!(repo.head_subject(), fix);
    }
}
