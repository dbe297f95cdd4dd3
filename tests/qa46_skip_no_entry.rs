//! QA46: `RELHOOK_SKIP=1 git commit -m "chore: tidy"` said "no changelog entry added for this
//! commit (`relhook changelog --sync` adds the missing ones)" though `chore:` calls for none,
//! and that `--sync` then created an empty CHANGELOG.md and asked for it to be committed.

use crate::support::{Repo, ok, stderr, text};

fn skipped(message: &str) -> (Repo, String) {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", message],
        &[("RELHOOK_SKIP", "1")],
    );
    let said = stderr(&ok(out));
    (repo, said)
}

#[test]
fn a_skipped_commit_that_calls_for_no_entry_claims_none_missing() {
    let (repo, said) = skipped("chore: tidy");
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("(this commit calls for no entry)"), "{said}");
    assert!(!said.contains("--sync"), "{said}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{}", text(&out));
    assert!(err.contains("no CHANGELOG.md written"), "{err}");
    assert!(!err.contains("next:"), "{err}");
    assert!(!repo.path().join("CHANGELOG.md").exists());
    assert!(repo.is_clean());
}

#[test]
fn a_skipped_commit_that_calls_for_an_entry_still_names_sync() {
    let (repo, said) = skipped("fix: a");
    assert!(
        said.contains("no changelog entry added for this commit (`relhook changelog --sync`"),
        "{said}"
    );
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        repo.read("CHANGELOG.md").contains("- a\n"),
        "{}",
        text(&out)
    );
}
