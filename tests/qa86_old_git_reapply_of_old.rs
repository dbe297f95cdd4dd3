//! QA86: git before 2.43 names the revert of a revert `Revert "Revert "<header>""`. Of git's
//! revert of a commit from before `relhook install` (`Fix the thing`), the lint let `Reapply
//! "Fix the thing"` go as that old commit's words but refused the old form. Now both pass.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn old_git_s_revert_of_the_revert_of_an_old_commit_passes_as_its_reapply() {
    let repo = Repo::new();
    repo.commit("Initial");
    repo.commit("Fix the thing");
    ok(repo.relhook(&["install"]));
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    let revert = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["revert", "--no-commit", "HEAD"]);
    let message = format!("Revert \"Revert \"Fix the thing\"\"\n\nThis reverts commit {revert}.\n");
    let out = repo.git_output(&["commit", "-q", "-m", &message]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("Conventional"), "{}", text(&out));
    assert_eq!(repo.head_subject(), "Revert \"Revert \"Fix the thing\"\"");
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
