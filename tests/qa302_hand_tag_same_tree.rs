//! QA302 (issue #16): the `committed` run of a release tag made by hand looks up each commit's
//! stored `.relconfig.toml` at the top of its tree. Commits of the same tree (empty ones, made
//! with the hooks skipped, which the release's sync gives their entries) store the same one:
//! it is looked up once for them, not once a commit. Counted
//! (`RELHOOK_TEST_TOP_ENTRY_LOOKUPS`), never timed.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// Empty fixes made since the release, all of one tree.
const EMPTY: usize = 12;

#[test]
fn a_hand_tag_looks_up_the_stored_configuration_once_for_commits_of_one_tree() {
    let repo = released_with_fixes(&[]);
    for i in 0..EMPTY {
        let message = format!("fix: empty {i}");
        let out = repo.git_skipping_relhook(&["commit", "-q", "--allow-empty", "-m", &message]);
        assert!(out.status.success(), "{}", crate::support::text(&out));
    }
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_TOP_ENTRY_LOOKUPS"]);
    let looked = counts(&err, "top entry lookups")[1];
    // The three fixes' trees and the empty commits' one (read again at most once more).
    assert!(
        looked < EMPTY,
        "committed looked up {looked} stored configurations for {} commits:\n{err}",
        EMPTY + 3
    );
    // The release's sync still gave every empty fix its entry.
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    for i in 0..EMPTY {
        assert!(log.contains(&format!("- empty {i}\n")), "{log}");
    }
}
