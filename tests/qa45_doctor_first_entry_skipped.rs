//! QA45: relhook installed before the first commit, then a commit that skipped post-commit
//! (`RELHOOK_SKIP=1`, or an index lock held past its wait): no CHANGELOG.md was made, and
//! doctor said "all is well". It names the missing entry and `--sync`, which makes the file.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn doctor_names_the_entry_of_a_skipped_first_commit() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "a\n");
    ok(repo.git_output(&["add", "a.txt"]));
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: a"]));
    assert!(!repo.path().join("CHANGELOG.md").exists());
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains(
            "there is no CHANGELOG.md yet, and 1 commit since the last release calls for an entry"
        ),
        "{}",
        text(&out)
    );
    assert!(said.contains("fix: relhook changelog --sync"), "{said}");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        repo.read("CHANGELOG.md").contains("- a\n"),
        "{}",
        repo.read("CHANGELOG.md")
    );
}
