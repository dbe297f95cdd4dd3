//! QA201: a squash merge committed with a message that calls for no entry (`chore: merge
//! feature (#12)`) keeps the feature branch's entries, as the hook does; once the branch is
//! deleted no branch holds the feature commits, and `--sync` took their entries out as "a
//! rebase dropped it, or a reset": a shipped feature and fix were left with no entry at all.
//! Only a commit this branch itself once held (its own reflog) is taken out now.

use crate::support::{Repo, ok, text};

#[test]
fn a_squash_merged_branchs_entries_stay_after_the_branch_is_deleted() {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.commit("chore: start");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.commit_hooked("feat: add b");
    repo.commit_hooked("fix: fix c");
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["merge", "-q", "--squash", "feature"]);
    repo.git(&["commit", "-q", "-m", "chore: merge feature (#12)"]);
    repo.git(&["branch", "-q", "-D", "feature"]);
    let before = repo.read("CHANGELOG.md");
    assert!(
        before.contains("- add b\n") && before.contains("- fix c"),
        "{before}"
    );
    let out = repo.relhook(&["changelog", "--sync"]);
    ok(out.clone());
    let log = repo.read("CHANGELOG.md");
    for entry in ["- add b\n", "- fix c"] {
        assert_eq!(
            log.matches(entry).count(),
            1,
            "{entry}: {log}\n{}",
            text(&out)
        );
    }
}
