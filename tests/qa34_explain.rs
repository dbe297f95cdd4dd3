//! QA34: `relhook version --next --explain` listed a `chore:` commit as calling for a patch,
//! while a `chore:` alone makes no release ("nothing for the changelog"). Beside its level, a
//! commit without a changelog entry now says so.

use crate::support::{Repo, stdout, text};

#[test]
fn explain_says_which_commits_have_no_changelog_entry() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: x"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: y"]);
    let out = repo.relhook(&["version", "--next", "--explain"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains(" chore: y  (patch, no changelog entry)\n"),
        "{said}"
    );
    assert!(said.contains(" fix: x  (patch)\n"), "{said}");
}
