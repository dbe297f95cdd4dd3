//! QA110: `fix: <TAB>x`, a tab where the description starts, passed commit-msg (the changelog
//! trimmed it away), though Conventional Commits asks for the description right after `: `.
//! commit-msg now refuses whitespace other than spaces there, rustc-style, and its `try:` line
//! (as `fix:<TAB>x`'s, which offered `fix: <TAB>x`) gives a header that commits. Spaces alone
//! (`fix:  x`) stay a warning, as before: the header reads the same.

use crate::support::{Repo, ok, stderr, text};

fn installed() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: start");
    ok(repo.relhook(&["install"]));
    repo
}

/// commit-msg's refusal of `message`: its stderr.
fn refused(repo: &Repo, message: &str) -> String {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.try_commit(message);
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "nothing committed");
    stderr(&out)
}

/// The `= try:` line of a refusal.
fn try_line(err: &str) -> String {
    err.lines()
        .find_map(|l| l.trim().strip_prefix("= try: "))
        .unwrap_or_else(|| panic!("no try line: {err}"))
        .to_owned()
}

#[test]
fn a_tab_that_starts_the_description_is_refused_and_its_fix_commits() {
    let repo = installed();
    let err = refused(&repo, "fix: \tthe crash");
    let lines: Vec<&str> = err.lines().take(7).collect();
    assert_eq!(
        lines,
        [
            "error[header-format]: the description starts with a tab",
            " --> .git/COMMIT_EDITMSG:1:6",
            "  |",
            "1 | fix: \tthe crash",
            "  |      ^ expected the description right after `: `",
            "  |",
            "  = try: fix: the crash",
        ],
        "{err}"
    );
    assert!(
        err.contains("error: the commit message has 1 error and 0 warnings"),
        "{err}"
    );
    ok(repo.try_commit("fix: the crash"));
    assert_eq!(repo.head_subject(), "fix: the crash");
}

#[test]
fn a_tab_after_the_spaces_or_in_place_of_the_space_is_refused_too() {
    let repo = installed();
    for message in ["fix:  \tx", "feat(api)!: \t x", "fix:\tx", "fix: \u{a0}x"] {
        let err = refused(&repo, message);
        let fix = try_line(&err);
        let expected = match message {
            "feat(api)!: \t x" => "feat(api)!: x",
            _ => "fix: x",
        };
        assert_eq!(fix, expected, "{message:?}: {err}");
        assert!(!err.contains("warning["), "one finding, no warning: {err}");
        ok(repo.try_commit(&fix));
        assert_eq!(repo.head_subject(), fix);
    }
    let err = refused(&repo, "fix: \u{a0}y");
    assert!(
        err.contains("the description starts with whitespace (U+00A0)"),
        "{err}"
    );
}

#[test]
fn two_spaces_stay_a_warning() {
    let repo = installed();
    let out = ok(repo.try_commit("fix:  x"));
    let err = stderr(&out);
    assert!(
        err.contains("warning[header-whitespace]: more than one space after the colon"),
        "{err}"
    );
    assert!(err.contains("= try: fix: x"), "{err}");
}
