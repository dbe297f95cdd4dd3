//! QA242: the `committed` run of a release tag made by hand read what it had read already:
//! `.relconfig.toml` was parsed when the run opened the repository, then again as HEAD's
//! commits store it (the same text) to tell which package each commit is.

use crate::support::hand_tag_cost::{counts, hand_tag_counted, released_with_fixes};

/// The `committed` run parses the configuration once: the stored file is the work tree's.
#[test]
fn a_hand_tags_committed_run_parses_the_configuration_once() {
    let repo = released_with_fixes(&[]);
    let err = hand_tag_counted(&repo, &["RELHOOK_TEST_CONFIG_PARSES"]);
    let parses = counts(&err, "configuration parses");
    assert_eq!(
        parses[1], 1,
        "committed parsed the configuration {} times:\n{err}",
        parses[1]
    );
}
