//! QA34: `relhook check --all` over commitlint's history ended with "reword them with
//! `git rebase -i …`", published commits and all: a rewrite of the whole tagged history. The
//! published ones are now told to stay; the hint to reword names only the others.

use crate::support::{Repo, stdout, text};

#[test]
fn check_never_asks_to_reword_published_commits() {
    let repo = Repo::new();
    repo.with_origin();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "bad one"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: fine"]);
    repo.git(&["push", "-q", "origin", "main"]);
    let fine = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "bad two"]);

    let out = repo.relhook(&["check", "--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(said.contains("hint: 1 of them is published"), "{said}");
    // Only the commit not pushed yet, from its own parent.
    assert!(
        said.contains(&format!(
            "hint: reword the other with `git rebase -i {fine}`"
        )),
        "{said}"
    );

    repo.git(&["push", "-q", "origin", "main"]);
    let out = repo.relhook(&["check", "--all"]);
    let said = stdout(&out);
    assert!(said.contains("hint: they are published"), "{said}");
    assert!(!said.contains("git rebase"), "{said}");
}
