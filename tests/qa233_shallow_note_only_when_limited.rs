//! QA233: in a shallow clone holding no release tag, pre-push said "the changelog-entry check
//! was not made" on every push, even one whose commits call for no entry (`chore:`, `ci:`),
//! where nothing was left unchecked. The note is said only where a pushed commit would have
//! an entry.

use crate::qa228_shallow_entry_check_noted::{origin, pushed_from_clone_as};

#[test]
fn a_shallow_clone_pushing_commits_that_need_no_entry_says_no_note() {
    for message in ["chore: x", "ci: x"] {
        let (repo, origin) = origin();
        let lines = pushed_from_clone_as(&repo, &origin, Some(1), message);
        assert!(lines.is_empty(), "{message}: {lines:?}");
    }
}

#[test]
fn a_shallow_clone_pushing_a_fix_or_a_revert_still_says_it() {
    for message in ["fix: x", "revert: fix: b"] {
        let (repo, origin) = origin();
        let lines = pushed_from_clone_as(&repo, &origin, Some(1), message);
        assert_eq!(lines.len(), 1, "{message}: {lines:?}");
        assert!(
            lines[0].starts_with("relhook: note: the changelog-entry check was not made"),
            "{message}: {lines:?}"
        );
    }
}
