//! `feat (api): x` and `feat !: x`, a space typed between the type and the scope or `!`: the
//! commit-msg hook said "expected `:` after the type and scope", with no correction, where
//! `feat(api) : x` got one. It now names the space and offers the header without it, which
//! commits when pasted.

use crate::support::{Repo, ok, stderr, text};

/// The `try:` line commit-msg prints for `message`, which it refuses.
fn refused_with(repo: &Repo, message: &str) -> String {
    let out = repo.try_commit(message);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("no space is allowed between the type and the scope"),
        "{err}"
    );
    err.lines()
        .find_map(|l| l.trim().strip_prefix("= try: "))
        .unwrap_or_else(|| panic!("no try line: {err}"))
        .to_owned()
}

#[test]
fn a_space_after_the_type_is_named_and_its_fix_commits() {
    let repo = Repo::new();
    repo.commit("chore: start");
    ok(repo.relhook(&["install"]));

    let fix = refused_with(&repo, "feat (api): add the list call");
    assert_eq!(fix, "feat(api): add the list call");
    ok(repo.try_commit(&fix));
    assert_eq!(repo.head_subject(), fix);

    let fix = refused_with(&repo, "feat !: drop the old call");
    assert_eq!(fix, "feat!: drop the old call");
    ok(repo.try_commit(&fix));
    assert_eq!(repo.head_subject(), fix);
}
