//! QA116: after a plain `git rebase` of an unreleased merge and its revert (`git revert -m 1`),
//! which makes the merged branch's commits a line of their own, `relhook changelog --sync`
//! kept the reverted features out, but `relhook changelog --rebuild` listed them. Rebuild
//! now cancels the branch's copies with the revert, as the file the hooks wrote has it.

use crate::qa111_rebased_merge_revert::rebased_merge_revert;
use crate::support::{stdout, text};

#[test]
fn rebuild_leaves_out_a_merge_reverted_before_a_rebase_made_it_a_line() {
    for rebase_args in [&[][..], &["--rebase-merges"][..]] {
        let repo = rebased_merge_revert(false, rebase_args);
        let file = repo.read("CHANGELOG.md");
        assert!(!file.contains("feature one"), "{file}");
        let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        // The file's entries, in history's order (post-commit wrote them in commit order).
        let rebuilt = stdout(&out);
        assert!(!rebuilt.contains("feature"), "{rebase_args:?}: {rebuilt}");
        assert!(rebuilt.contains("- on base\n") && rebuilt.contains("- on main\n"));
    }
}
