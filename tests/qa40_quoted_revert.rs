//! QA40, real histories (semantic-release's v15.9.7, vue): Angular's revert form quotes the
//! reverted header, `revert: "fix: x"` with `This reverts commit <id>.`. relhook missed it: no
//! entry for the revert of a released fix, and `version --next` found nothing to release; a
//! revert of an unreleased fix left its entry in Unreleased.

use crate::support::{installed_repo, ok, stdout, text};

#[test]
fn a_quoted_revert_is_a_revert() {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("fix: do not convert ssh");
    ok(repo.relhook(&["release", "--no-test"]));
    let fix = repo.git(&["rev-parse", "HEAD~1"]);
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "revert: \"fix: do not convert ssh\"",
        "-m",
        &format!("This reverts commit {}.", fix.trim()),
    ]);
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [Unreleased]\n\n### Removed\n\n- revert \"do not convert ssh\"\n"),
        "{}",
        repo.read("CHANGELOG.md")
    );
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.1.2", "{}", text(&next));

    // Unreleased: the entry goes with it.
    repo.commit_hooked("fix(api): handle b");
    let b = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "revert(api): \"fix(api): handle b\"",
        "-m",
        &format!("This reverts commit {}.", b.trim()),
    ]);
    assert!(!repo.read("CHANGELOG.md").contains("handle b"));
    assert!(repo.is_clean());
}
