//! QA round 23 on real public histories: a Cargo workspace of one shared version that `init`
//! split into packages, a revert of a change released before the install, a revert's own PR
//! number, and `wip:` answered with "did you mean `fix`?".

use crate::support::{Repo, text};

/// `relhook lint --message` in a fresh repository: (exit code, all it printed).
fn lint(message: &str) -> (Option<i32>, String) {
    let repo = Repo::new();
    let out = repo.relhook(&["lint", "--message", message]);
    (out.status.code(), text(&out))
}

/// `wip` shares one letter of three with `fix`: following "did you mean `fix`?" would turn
/// work in progress into a changelog entry and a patch release. No type is suggested; the
/// allowed types are named.
#[test]
fn wip_gets_no_type_suggestion() {
    let (code, err) = lint("wip: trying to make tests work");
    assert_eq!(code, Some(1), "{err}");
    assert!(!err.contains("did you mean"), "{err}");
    assert!(!err.contains("try:"), "{err}");
    assert!(err.contains("expected one of: feat, fix"), "{err}");
    for (typo, meant) in [
        ("fxi", "fix"),
        ("fet", "feat"),
        ("feature", "feat"),
        ("bugfix", "fix"),
        ("chroe", "chore"),
        ("refactr", "refactor"),
        ("ic", "ci"),
    ] {
        let (code, err) = lint(&format!("{typo}: something"));
        assert_eq!(code, Some(1), "{err}");
        assert!(
            err.contains(&format!("did you mean `{meant}`?")),
            "{typo}: {err}"
        );
    }
    for unrelated in ["dx", "ops", "tmp", "score"] {
        let (_, err) = lint(&format!("{unrelated}: something"));
        assert!(!err.contains("did you mean"), "{unrelated}: {err}");
    }
}
