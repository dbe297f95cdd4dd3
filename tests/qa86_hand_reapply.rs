//! QA86: a reapply made by hand (`git revert --no-commit` of an unreleased revert, HEAD's
//! CHANGELOG.md kept, `git commit -m 'Reapply "fix: x"'`) got no entry, and post-commit said
//! it reverted `- revert "x"` "so neither ships", though the fix is back. Now it is read as
//! the reapply git's own message is: `- x` comes back, with or without the body naming the
//! revert, and `--sync` agrees.

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// `feat: base` and `fix: x` through the hooks, and git's revert of the fix.
fn reverted() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: base");
    repo.commit_hooked("fix: x");
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!unreleased(&repo).contains("- x"), "{}", unreleased(&repo));
    repo
}

fn unreleased(repo: &Repo) -> String {
    repo.read("CHANGELOG.md")
        .split("## [Unreleased]")
        .nth(1)
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_reapply_made_by_hand_gets_the_entry_back() {
    for named in [false, true] {
        let repo = reverted();
        let revert = repo.git(&["rev-parse", "HEAD"]);
        repo.git(&["revert", "--no-commit", "HEAD"]);
        repo.git(&["checkout", "HEAD", "--", "CHANGELOG.md"]);
        let message = match named {
            true => format!("Reapply \"fix: x\"\n\nThis reverts commit {revert}.\n"),
            false => "Reapply \"fix: x\"".to_owned(),
        };
        let out = repo.git_output(&["commit", "-q", "-m", &message]);
        assert!(out.status.success(), "{}", text(&out));
        let err = stderr(&out);
        assert!(err.contains("added `- x` under Fixed"), "{named}: {err}");
        assert!(!err.contains("neither ships"), "{named}: {err}");
        assert!(unreleased(&repo).contains("### Fixed\n\n- x\n"), "{named}");
        assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
        let sync = ok(repo.relhook(&["changelog", "--sync"]));
        assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
        // An amend of it keeps the entry.
        let out = repo.git_output(&["commit", "--amend", "--no-edit"]);
        assert!(out.status.success(), "{}", text(&out));
        assert!(unreleased(&repo).contains("### Fixed\n\n- x\n"), "{named}");
    }
}
