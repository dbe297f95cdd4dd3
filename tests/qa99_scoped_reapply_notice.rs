//! QA99: git's `Reapply "fix(api): x"` of an unreleased revert was told "this commit reverts
//! `- **api:** revert "x"` before any release, so neither ships", though `- **api:** x` is
//! back: the reapply was told apart by its revert's entry starting `revert "`, which a scoped
//! (or breaking) one does not. Now it is said as the unscoped one is.

use crate::support::{Repo, stderr, text, untested_installed};

/// `feat: base`, then `header` through the hooks, reverted by git and reapplied by git; the
/// reapply's output.
fn reapplied(header: &str) -> (Repo, String) {
    let repo = untested_installed();
    repo.commit_hooked("feat: base");
    repo.commit_hooked(header);
    let mut last = String::new();
    for _ in 0..2 {
        let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
        assert!(out.status.success(), "{}", text(&out));
        last = stderr(&out);
    }
    assert!(repo.head_subject().starts_with("Reapply \""), "{last}");
    (repo, last)
}

#[test]
fn a_scoped_reapply_says_the_change_is_back() {
    for (header, entry) in [
        ("fix(api): x", "- **api:** x"),
        ("fix(api)!: x", "- **BREAKING** **api:** x"),
        ("fix!: x", "- **BREAKING** x"),
    ] {
        let (repo, said) = reapplied(header);
        assert!(
            said.contains(&format!(
                "this commit reapplies the change its unreleased revert took out, and `{entry}` is back in Unreleased with it"
            )),
            "{header}: {said}"
        );
        assert!(!said.contains("neither ships"), "{header}: {said}");
        assert!(repo.read("CHANGELOG.md").contains(&format!("{entry}\n")));
        assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    }
}
