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

/// QA36: one published commit named alone (`relhook check <id>`) was told to be reworded,
/// where the same commit as a range was told to stay.
#[test]
fn one_published_commit_checked_alone_is_left_as_it_is() {
    let repo = Repo::new();
    repo.with_origin();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "bad one"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: fine"]);
    repo.git(&["push", "-q", "origin", "main"]);
    let out = repo.relhook(&["check", "HEAD~1"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(said.contains("hint: it is published"), "{said}");
    assert!(!said.contains("git rebase"), "{said}");

    repo.git(&["commit", "-q", "--allow-empty", "-m", "bad two"]);
    let said = stdout(&repo.relhook(&["check", "HEAD"]));
    assert!(
        said.contains("hint: reword it with `git rebase -i"),
        "{said}"
    );
}
