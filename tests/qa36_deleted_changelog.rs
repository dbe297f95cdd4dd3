//! QA36: CHANGELOG.md deleted by a commit (`git rm`): the release said its section "would be
//! empty (no commit since the last release has an entry)", which was false, and named
//! `relhook changelog`, which wrote an empty file; the deleting commit was told the file was
//! "not made yet", and doctor said all is well.

use crate::support::{
    dated_release, hand_tag_refused, ok, stderr, stdout, text, untested_installed,
};

#[test]
fn a_changelog_deleted_by_a_commit_is_named_with_the_commit_that_brings_it_back() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    ok(dated_release(&repo, &["--no-test"]));
    repo.commit_hooked("feat: two");
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "chore: drop changelog"]));
    let said = stderr(&out);
    assert!(
        said.contains("this commit deletes CHANGELOG.md and its 1 unreleased entry"),
        "{said}"
    );
    assert!(!said.contains("not made yet"), "{said}");
    let dropped = repo.git(&["rev-parse", "--short=9", "HEAD"]);

    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains(&format!(
            "CHANGELOG.md was deleted by commit {dropped} (`chore: drop changelog`)"
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!("`git revert {dropped}` brings it back")),
        "{said}"
    );
    assert!(!said.contains("would be empty"), "{said}");
    assert!(hand_tag_refused(&repo, "v0.2.0").contains("was deleted by commit"));

    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains("INVALID  changelog: CHANGELOG.md was deleted by commit"),
        "{}",
        text(&out)
    );

    // Its fix works: the file comes back with the release before and the entry since.
    repo.git(&["revert", "--no-edit", "HEAD"]);
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- two") && log.contains("## [0.1.0]"), "{log}");
    ok(dated_release(&repo, &["--no-test"]));
}

/// QA36: the next `feat:` after the deleting commit made a new CHANGELOG.md of its entry
/// alone, the releases' sections and the unreleased entries gone, and said nothing of it.
#[test]
fn a_commit_after_the_deletion_makes_no_new_changelog() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    ok(dated_release(&repo, &["--no-test"]));
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: drop changelog"]));
    let dropped = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "feat: ex"]));
    let said = stderr(&out);
    assert!(
        said.contains(&format!(
            "CHANGELOG.md was deleted by commit {dropped} (`chore: drop changelog`)"
        )),
        "{said}"
    );
    assert!(!repo.path().join("CHANGELOG.md").exists());
    // Its fix: the file back, then this commit's entry.
    repo.git(&["revert", "--no-edit", &dropped]);
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- ex") && log.contains("## [0.1.0]"), "{log}");
}
