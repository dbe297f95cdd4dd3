//! QA254: what the 64 MiB changelog cap (QA244) left out. `relhook doctor` left out every
//! release-state row beside a changelog over the cap, those that never read it too. That the
//! file is left unread is counted (`RELHOOK_TEST_PARSE_COUNT`), never timed.

use crate::support::{doctor_beside_a_huge_changelog, grow_past_the_cap, untested_installed};

#[test]
fn doctor_beside_a_huge_changelog_still_says_the_rows_that_do_not_read_it() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    grow_past_the_cap(&repo.path().join("CHANGELOG.md"));
    // Settings changed and not committed: a release would refuse the tree as dirty.
    let config = repo.read(".relconfig.toml") + "# edited\n";
    repo.write(".relconfig.toml", config);
    let (report, parses) = doctor_beside_a_huge_changelog(&repo);
    assert!(
        report.contains(".relconfig.toml has changes not committed"),
        "{report}"
    );
    // The one parse is HEAD's committed changelog: the rows that read the work tree's file
    // are left out (beside a file under the cap, doctor parses four times).
    assert_eq!(parses, 1, "{report}");
}
