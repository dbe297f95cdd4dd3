//! The changelog post-commit creates starts at that commit: a clone that committed before
//! `relhook install` is told which command writes the entries of the commits before it.

use crate::support::{Repo, next_command, stderr, text};

#[test]
fn a_changelog_created_after_earlier_commits_names_the_sync_that_adds_them() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: alpha"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: beta"]);
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "fix: gamma"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("created it"), "{said}");
    let quoted = "the commits before this one are not in it: `relhook changelog --sync`";
    assert!(said.contains(quoted), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("- alpha"), "{log}");

    // The command it names writes them, and says how to commit them.
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    for entry in ["- alpha", "- beta", "- gamma"] {
        assert!(log.contains(entry), "{entry} missing:\n{log}");
    }
    assert!(!next_command(&stderr(&out)).is_empty(), "{}", text(&out));
}

#[test]
fn a_changelog_created_by_the_first_commit_says_nothing_of_earlier_ones() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: first"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("created it"), "{said}");
    assert!(!said.contains("not in it"), "{said}");
}
