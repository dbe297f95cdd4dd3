//! QA40: post-commit's fixes named the changelog by its path from the top (`git add
//! CHANGELOG.md`), which, pasted in a subdirectory, fails (`pathspec did not match`). They
//! name it with `:/`, as init and changelog do, so the command works wherever it is pasted.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn post_commit_names_an_uncommitted_changelog_from_the_top() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["init"]));
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    let sub = repo.path().join("src");
    std::fs::create_dir_all(&sub).unwrap();
    repo.write("src/x", "x\n");
    ok(repo.git_in(&sub, &["add", "x"], &[]));
    let out = repo.git_in(&sub, &["commit", "-q", "-m", "feat: x"], &[]);
    let said = stderr(&out);
    assert!(
        said.contains("CHANGELOG.md is not committed yet; `git add :/CHANGELOG.md && git commit`"),
        "{}",
        text(&out)
    );
    // The command works where it was said.
    ok(repo.git_in(&sub, &["add", ":/CHANGELOG.md"], &[]));
}
